import { describe, expect, it } from 'vitest';
import { parseConnectorFile } from './connector-file';

describe('parseConnectorFile', () => {
  it('reads an export and drops what the server owns', () => {
    const body = parseConnectorFile(
      JSON.stringify({
        $schema: 'connectors/connector@1',
        id: 'x',
        version: 4,
        name: 'HubSpot',
        config: { version: 1, nodes: [], edges: [] },
        field_mappings: { a: 'b' },
        problems: [],
      }),
    );
    expect(body).toEqual({ name: 'HubSpot', config: { version: 1, nodes: [], edges: [] } });
  });

  it('keeps the seed list form with its final mapping', () => {
    const body = parseConnectorFile(
      JSON.stringify({ name: 'Seed', steps: [{ id: 's' }], field_mappings: { a: 'b' } }),
    );
    expect(body).toEqual({ name: 'Seed', steps: [{ id: 's' }], field_mappings: { a: 'b' } });
  });

  it.each([
    ['not json', 'The file is not valid JSON.'],
    ['[1]', 'The file must hold one connector object.'],
    ['{"config":{}}', 'The connector in the file has no name.'],
    ['{"name":"x"}', 'The connector in the file has no graph (config) and no steps.'],
  ])('refuses %s', (text, message) => {
    expect(() => parseConnectorFile(text)).toThrow(message);
  });
});
