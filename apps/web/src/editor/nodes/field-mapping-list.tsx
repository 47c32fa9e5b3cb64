import type { FieldMappings } from '@connectors/engine';
import { TemplateText } from '../templates/template-text';

/** Shown on the card; the rest are counted, and all are in the inspector. */
const SHOWN = 5;

/**
 * The body of a node that writes contact fields (a connector's Output, a flow's Update contact): each
 * field and the template that fills it.
 */
export function FieldMappingList({ mappings }: { mappings: FieldMappings | undefined }) {
  const entries = Object.entries(mappings ?? {});
  if (!entries.length) return <span className="cn-placeholder">Map contact fields in the inspector</span>;
  return (
    <ul className="cn-list cn-mappings">
      {entries.slice(0, SHOWN).map(([field, value]) => (
        <li key={field}>
          <code className="cn-field">{field}</code>
          <span className="faint" aria-hidden="true">
            ←
          </span>
          <TemplateText className="cn-url" text={typeof value === 'string' ? value : value.template} />
          {typeof value !== 'string' && value.write === 'if_empty' ? (
            <span className="badge">if empty</span>
          ) : null}
        </li>
      ))}
      {entries.length > SHOWN ? <li className="faint">+{entries.length - SHOWN} more</li> : null}
    </ul>
  );
}
