import { Link } from 'react-router';
import type { FieldProvenance } from '../api/contacts.api';
import { timeAgo } from '../ui/format';

/** "Set by HubSpot enrichment · 2 minutes ago", linking to the run that wrote the field. */
export function ProvenanceChip({
  provenance,
  flowName,
}: {
  provenance: FieldProvenance | undefined;
  /** The flow whose "Update contact" wrote the value, when known. */
  flowName?: string | undefined;
}) {
  if (!provenance) return <span className="prov prov-none faint">Entered by hand</span>;
  const byFlow = !provenance.connector_id && !provenance.execution_id;
  const name = byFlow ? (flowName ?? 'a flow') : (provenance.connector_name ?? 'a deleted connector');
  const to = provenance.execution_id
    ? `/executions/${provenance.execution_id}`
    : provenance.flow_run_id
      ? `/flow-runs/${provenance.flow_run_id}`
      : null;
  if (!to) {
    return (
      <span className="prov">
        <span className="prov-dot" aria-hidden="true" />
        <span className="prov-text">
          Set by <strong>{name}</strong> · {timeAgo(provenance.at)}
        </span>
      </span>
    );
  }
  return (
    <Link
      className={byFlow ? 'prov prov-flow' : 'prov'}
      to={to}
      title={`Written by ${name} on ${new Date(provenance.at).toLocaleString()}: open that run`}
    >
      <span className="prov-dot" aria-hidden="true" />
      <span className="prov-text">
        Set by <strong>{name}</strong> · {timeAgo(provenance.at)}
      </span>
    </Link>
  );
}
