import { memo } from 'react';
import { Link } from 'react-router';
import type { Connector } from '../api/connectors.api';
import { percent, timeAgo } from '../ui/format';
import { IconCopy, IconDownload, IconExecutions, IconPlay, IconTrash } from '../ui/icons';
import { Switch } from '../ui/switch';
import { categoryLabel } from './categories';

export interface ConnectorRowProps {
  connector: Connector;
  onToggle: (enabled: boolean) => void;
  onClone: () => void;
  onExport: () => void;
  onDelete: () => void;
  /** "Run for contacts…": runs the connector on many contacts (a bulk run). */
  onRunForContacts?: () => void;
}

/** One connector in the list: what it is, whether it runs, how it has been doing, and its actions. */
export const ConnectorRow = memo(function ConnectorRow({
  connector,
  onToggle,
  onClone,
  onExport,
  onDelete,
  onRunForContacts,
}: ConnectorRowProps) {
  const errors = connector.problems.filter((p) => p.severity === 'error').length;
  const rate = connector.success_rate;
  const rateClass =
    rate === null ? '' : rate >= 0.95 ? 'badge-success' : rate >= 0.8 ? 'badge-warning' : 'badge-danger';
  return (
    <tr>
      <td>
        <Link className="connector-name" to={`/connectors/${connector.id}`}>
          <span className="connector-icon" aria-hidden="true">
            {connector.icon || '🔌'}
          </span>
          <span className="connector-title">
            <span className="connector-title-text">{connector.name}</span>
            {connector.description ? (
              <span className="faint connector-desc">{connector.description}</span>
            ) : null}
          </span>
        </Link>
        {errors > 0 ? (
          <span className="badge badge-warning" title={connector.problems[0]?.message}>
            Draft · {errors} {errors === 1 ? 'problem' : 'problems'}
          </span>
        ) : null}
      </td>
      <td>
        <span className="badge">{categoryLabel(connector.category)}</span>
      </td>
      <td>
        <Switch
          checked={connector.enabled}
          onChange={onToggle}
          label={`Enable ${connector.name}`}
          hideLabel
        />
      </td>
      <td
        className="num"
        title={`${connector.successful_executions} succeeded, ${connector.failed_executions} failed`}
      >
        {connector.total_executions}
        {connector.failed_executions > 0 ? (
          <span className="faint"> · {connector.failed_executions} failed</span>
        ) : null}
      </td>
      <td className="num">
        {rate === null ? (
          <span className="faint">—</span>
        ) : (
          <span className={`badge ${rateClass}`}>{percent(rate)}</span>
        )}
      </td>
      <td className="faint" title={connector.last_executed_at ?? 'Never run'}>
        {connector.last_executed_at ? timeAgo(connector.last_executed_at) : 'Never'}
      </td>
      <td className="row-actions">
        {onRunForContacts ? (
          <button
            type="button"
            className="btn btn-ghost btn-sm btn-icon"
            onClick={onRunForContacts}
            disabled={errors > 0 || !connector.enabled}
            aria-label={`Run ${connector.name} for contacts`}
            title={
              errors > 0
                ? 'Fix its problems to run it'
                : connector.enabled
                  ? 'Run for contacts…'
                  : 'Enable it to run it'
            }
          >
            <IconPlay />
          </button>
        ) : null}
        <Link
          to={`/executions?connector=${encodeURIComponent(connector.id)}`}
          className="btn btn-ghost btn-sm btn-icon"
          aria-label={`Runs of ${connector.name}`}
          title="Runs"
        >
          <IconExecutions />
        </Link>
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          onClick={onClone}
          aria-label={`Clone ${connector.name}`}
          title="Clone"
        >
          <IconCopy />
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          onClick={onExport}
          aria-label={`Export ${connector.name} as JSON`}
          title="Export JSON"
        >
          <IconDownload />
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          onClick={onDelete}
          aria-label={`Delete ${connector.name}`}
          title="Delete"
        >
          <IconTrash />
        </button>
      </td>
    </tr>
  );
});
