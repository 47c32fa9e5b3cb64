import { getTemplate, listTemplates } from '@connectors/db';
import { parseGraph, validateGraph } from '@connectors/engine';
import { describe, expect, it } from 'vitest';
import { CONNECTOR_TEMPLATES, seedTemplates } from '../src/templates';
import { describeApi } from './support/describe-api';
import { Client } from './support/test-app';

describe('shipped templates', () => {
  it.each(CONNECTOR_TEMPLATES.map((t) => [t.name, t] as const))(
    '%s is a valid canonical graph',
    (_, template) => {
      const parsed = parseGraph(template.config);
      expect(parsed.problems).toEqual([]);
      const inputNames = template.input_schema.fields.map((field) => field.name);
      const result = validateGraph(parsed.graph!, { inputNames });
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(result.ok).toBe(true);
      expect(template.icon).toMatch(/\p{Extended_Pictographic}/u);
      expect(template.description.length).toBeGreaterThan(40);
      expect(template.input_schema.fields.length).toBeGreaterThan(0);
      for (const node of parsed.graph!.nodes) {
        if (node.type === 'http') expect(node.data.url).toMatch(/^https:\/\/[a-z.]+\.(com|net|io|org)\//);
      }
    },
  );

  it('ship the seed HubSpot chain, four more kinds of API, and a condition', () => {
    expect(CONNECTOR_TEMPLATES.length).toBeGreaterThanOrEqual(5);
    const hubspot = CONNECTOR_TEMPLATES.find((t) => t.name === 'HubSpot Contact Enrichment')!;
    expect(hubspot.config.nodes.filter((n) => n.type === 'http')).toHaveLength(3);
    expect(JSON.stringify(hubspot.config)).toContain('{{workspace.hubspot_token}}');
    const output = hubspot.config.nodes.find((n) => n.type === 'output');
    expect(Object.keys((output!.data as { fieldMappings: object }).fieldMappings)).toEqual([
      'first_name',
      'last_name',
      'metadata.company_name',
      'metadata.industry',
    ]);
    expect(new Set(CONNECTOR_TEMPLATES.map((t) => t.category)).size).toBeGreaterThanOrEqual(4);
    expect(CONNECTOR_TEMPLATES.some((t) => t.config.nodes.some((n) => n.type === 'condition'))).toBe(true);
    expect(new Set(CONNECTOR_TEMPLATES.map((t) => t.name)).size).toBe(CONNECTOR_TEMPLATES.length);
  });
});

describeApi('connector templates', (s) => {
  it('seeds idempotently, keeping ids and usage counts', async () => {
    const db = s.t.database.db;
    const first = await seedTemplates(db);
    const second = await seedTemplates(db);
    expect(second.map((t) => t.id).sort()).toEqual(first.map((t) => t.id).sort());
    expect(await listTemplates(db)).toHaveLength(CONNECTOR_TEMPLATES.length);
  });

  it('lists templates with their graphs, inputs and the credentials they need', async () => {
    const client = new Client(s.app);
    await client.signup();
    const res = await client.get('/connector-templates');
    expect(res.status).toBe(200);
    expect(res.json.next_cursor).toBeNull();
    expect(res.json.data).toHaveLength(CONNECTOR_TEMPLATES.length);
    const hubspot = res.json.data.find((t: { name: string }) => t.name === 'HubSpot Contact Enrichment');
    expect(hubspot).toMatchObject({
      type: 'multi-step',
      category: 'crm',
      is_featured: true,
      required_credentials: ['hubspot'],
      input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
    });
    expect(hubspot.field_mappings).toHaveProperty('metadata.industry');
    const nominatim = res.json.data.find((t: { name: string }) => t.name.includes('OpenStreetMap'));
    expect(nominatim.required_credentials).toEqual([]);
    const located = await client.get('/connector-templates?category=location');
    expect(located.json.data.length).toBe(2);
    expect((await client.get('/connector-templates?search=hunter')).json.data.length).toBe(2);
    expect((await client.get(`/connector-templates/${hubspot.id}`)).json.name).toBe(hubspot.name);
    expect((await client.get('/connector-templates/not-a-uuid')).status).toBe(404);
    expect((await new Client(s.app).get('/connector-templates')).status).toBe(401);
  });

  it('installs a template as a connector, with a unique name, and counts the install', async () => {
    const client = new Client(s.app);
    await client.signup();
    const list = await client.get('/connector-templates');
    const template = list.json.data.find((t: { name: string }) => t.name === 'Hunter Find & Verify Email');
    const first = await client.post(`/connector-templates/${template.id}/install`);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      name: 'Hunter Find & Verify Email',
      icon: template.icon,
      category: template.category,
      type: 'multi-step',
      version: 1,
      problems: [],
      input_schema: template.input_schema,
      field_mappings: template.field_mappings,
    });
    expect(first.json.config).toEqual(template.config);
    const second = await client.post(`/connector-templates/${template.id}/install`);
    expect(second.json.name).toBe('Hunter Find & Verify Email (2)');
    expect((await client.post(`/connector-templates/${template.id}/install`)).json.name).toBe(
      'Hunter Find & Verify Email (3)',
    );
    expect((await client.get(`/connectors/${first.json.id}`)).status).toBe(200);
    const row = await getTemplate(s.t.database.db, template.id);
    expect(row!.usage_count).toBeGreaterThanOrEqual(3);
    // Another workspace gets its own copy under the plain name.
    const other = new Client(s.app);
    await other.signup();
    expect((await other.post(`/connector-templates/${template.id}/install`)).json.name).toBe(template.name);
    expect(
      (await client.post('/connector-templates/00000000-0000-4000-8000-000000000000/install')).status,
    ).toBe(404);
  });

  it('installs every template without errors', async () => {
    const client = new Client(s.app);
    await client.signup();
    for (const template of (await client.get('/connector-templates')).json.data) {
      const res = await client.post(`/connector-templates/${template.id}/install`);
      expect(res.status).toBe(201);
      expect(res.json.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    }
  });
});
