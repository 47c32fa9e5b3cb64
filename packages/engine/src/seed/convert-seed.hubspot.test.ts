import { describe, expect, it } from 'vitest';
import { validateGraph } from '../validation';
import { convertOk, edgeMap } from './testing';

/** The seed's HubSpot example (connectors-plan.md), exactly as written there minus its `//` comments. */
const hubspot = {
  id: 'connector_001',
  name: 'HubSpot Contact Enrichment',
  type: 'multi-step',
  steps: [
    {
      id: 'step_1',
      name: 'Search Contact by Email',
      method: 'POST',
      url: 'https://api.hubspot.com/crm/v3/objects/contacts/search',
      auth: {
        type: 'bearer',
        token: '{{workspace.hubspot_token}}',
      },
      body: {
        filterGroups: [
          {
            filters: [
              {
                propertyName: 'email',
                operator: 'EQ',
                value: '{{input.email}}',
              },
            ],
          },
        ],
      },
      outputMapping: {
        contactId: 'results[0].id',
      },
    },
    {
      id: 'step_2',
      name: 'Get Contact Details',
      method: 'GET',
      url: 'https://api.hubspot.com/crm/v3/objects/contacts/{{step_1.contactId}}',
      auth: {
        type: 'bearer',
        token: '{{workspace.hubspot_token}}',
      },
      outputMapping: {
        firstName: 'properties.firstname',
        lastName: 'properties.lastname',
        companyId: 'associations.companies[0].id',
      },
    },
    {
      id: 'step_3',
      name: 'Get Company Details',
      method: 'GET',
      url: 'https://api.hubspot.com/crm/v3/objects/companies/{{step_2.companyId}}',
      auth: {
        type: 'bearer',
        token: '{{workspace.hubspot_token}}',
      },
      outputMapping: {
        companyName: 'properties.name',
        industry: 'properties.industry',
      },
    },
  ],
  finalMapping: {
    first_name: '{{step_2.firstName}}',
    last_name: '{{step_2.lastName}}',
    'metadata.company_name': '{{step_3.companyName}}',
    'metadata.industry': '{{step_3.industry}}',
  },
};

describe('convertSeedConnector: the seed HubSpot example', () => {
  const result = convertOk(hubspot);

  it('makes three http nodes and an output node, top to bottom', () => {
    expect(result.config.nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      ['step_1', 'http', { x: 0, y: 0 }],
      ['step_2', 'http', { x: 0, y: 150 }],
      ['step_3', 'http', { x: 0, y: 300 }],
      ['output', 'output', { x: 0, y: 450 }],
    ]);
    expect(result.config.nodes[0]).toMatchObject({
      data: {
        name: 'Search Contact by Email',
        method: 'POST',
        url: 'https://api.hubspot.com/crm/v3/objects/contacts/search',
        auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' },
        body: hubspot.steps[0]?.body,
      },
    });
    expect(result.config.nodes[3]).toMatchObject({
      data: { join: 'any', fieldMappings: hubspot.finalMapping },
    });
  });

  it('puts each outputMapping entry on the edge into the node that uses it', () => {
    expect(result.config.edges.map((e) => e.id)).toEqual([
      'e_step_1_step_2',
      'e_step_2_step_3',
      'e_step_2_output',
      'e_step_3_output',
    ]);
    expect(edgeMap(result)).toEqual({
      'step_1→step_2': { contactId: 'results[0].id' },
      'step_2→step_3': { companyId: 'associations.companies[0].id' },
      'step_2→output': { firstName: 'properties.firstname', lastName: 'properties.lastname' },
      'step_3→output': { companyName: 'properties.name', industry: 'properties.industry' },
    });
  });

  it('mirrors the mapping as field_mappings, with no warnings', () => {
    expect(result.field_mappings).toEqual(hubspot.finalMapping);
    expect(result.problems).toEqual([]);
  });

  it('is a valid graph', () => {
    expect(validateGraph(result.config, { inputNames: ['email'] })).toEqual({ ok: true, problems: [] });
  });

  it('does not modify the body it was given', () => {
    expect(hubspot.steps[1]?.url).toBe(
      'https://api.hubspot.com/crm/v3/objects/contacts/{{step_1.contactId}}',
    );
  });
});
