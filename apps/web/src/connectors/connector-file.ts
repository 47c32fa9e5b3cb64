import { type Connector, type ConnectorBody, connectorBody } from '../api/connectors.api';

/** The JSON a connector is exported as: its editable fields plus a marker and version of the format. */
export interface ConnectorExport extends ConnectorBody {
  $schema: 'connectors/connector@1';
}

export function exportConnector(connector: Connector): ConnectorExport {
  return { $schema: 'connectors/connector@1', ...connectorBody(connector) };
}

/** Offers the connector as a `.json` download. */
export function downloadConnector(connector: Connector): void {
  const text = `${JSON.stringify(exportConnector(connector), null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${slug(connector.name) || 'connector'}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Reads an imported file: our export, a connector as the API returns it, or the seed's list form
 * (`steps`), which the API converts. Throws with a message the user can act on.
 */
export function parseConnectorFile(text: string): ConnectorBody & { steps?: unknown[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('The file is not valid JSON.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('The file must hold one connector object.');
  }
  const record = value as Record<string, unknown>;
  if (typeof record.name !== 'string' || record.name.trim() === '') {
    throw new Error('The connector in the file has no name.');
  }
  if (record.config === undefined && record.steps === undefined) {
    throw new Error('The connector in the file has no graph (config) and no steps.');
  }
  const { $schema: _schema, id: _id, version: _version, problems: _problems, ...rest } = record;
  const allowed = [
    'name',
    'description',
    'icon',
    'category',
    'config',
    'steps',
    'finalMapping',
    'field_mappings',
    'input_schema',
    'enabled',
    'timeout_ms',
    'max_retries',
    'continue_on_error',
    'type',
  ];
  const body = Object.fromEntries(Object.entries(rest).filter(([key]) => allowed.includes(key)));
  // With a canonical graph the output node is the truth; the API refuses a different field_mappings.
  if (body.config !== undefined && body.steps === undefined) delete body.field_mappings;
  return body as unknown as ConnectorBody & { steps?: unknown[] };
}
