import { graphSchema } from '@connectors/engine';
import { runGraph } from '@connectors/engine/runtime';
import { describe, expect, it } from 'vitest';
import { CONNECTOR_TEMPLATES } from '../src/templates';
import { cannedPorts } from './support/canned-http';

/** Runs a shipped template offline against canned responses in its API's documented shape. */
async function runTemplate(
  name: string,
  input: Record<string, unknown>,
  routes: Parameters<typeof cannedPorts>[0],
  secrets: Record<string, string> = {},
) {
  const template = CONNECTOR_TEMPLATES.find((t) => t.name === name);
  if (!template) throw new Error(`no template ${name}`);
  const { ports, requests } = cannedPorts(routes, secrets);
  const result = await runGraph({
    graph: graphSchema.parse(template.config),
    ports,
    run: { executionId: 'exec_t', attempt: 1 },
    input,
  });
  return { result, requests, urls: requests.map((r) => new URL(r.url)) };
}

describe('shipped templates run against their APIs’ documented response shapes', () => {
  it('HubSpot: search → contact with company association → company', async () => {
    const { result, requests, urls } = await runTemplate(
      'HubSpot Contact Enrichment',
      { email: 'john@acme.com' },
      {
        'api.hubapi.com/crm/v3/objects/contacts/search': {
          json: { total: 1, results: [{ id: '512', properties: { email: 'john@acme.com' } }] },
        },
        'api.hubapi.com/crm/v3/objects/contacts/512': {
          json: {
            id: '512',
            properties: { firstname: 'John', lastname: 'Smith' },
            associations: { companies: { results: [{ id: '9001', type: 'contact_to_company' }] } },
          },
        },
        'api.hubapi.com/crm/v3/objects/companies/9001': {
          json: { id: '9001', properties: { name: 'Acme Corp', industry: 'COMPUTER_SOFTWARE' } },
        },
      },
      { 'workspace.hubspot_token': 'pat-na1-123' },
    );
    expect(result.error).toBeNull();
    expect(result.outputData).toEqual({
      first_name: 'John',
      last_name: 'Smith',
      'metadata.company_name': 'Acme Corp',
      'metadata.industry': 'COMPUTER_SOFTWARE',
    });
    expect(requests[0]?.headers.Authorization).toBe('Bearer pat-na1-123');
    expect(JSON.parse(String(requests[0]?.body)).filterGroups[0].filters[0].value).toBe('john@acme.com');
    expect(urls[1]?.searchParams.get('associations')).toBe('companies');
  });

  it('ZeroBounce: the key and the e-mail travel as query parameters', async () => {
    const { result, urls } = await runTemplate(
      'ZeroBounce Email Validation',
      { email: 'john@acme.com' },
      {
        'api.zerobounce.net/v2/validate': {
          json: {
            address: 'john@acme.com',
            status: 'valid',
            sub_status: '',
            free_email: false,
            did_you_mean: null,
          },
        },
      },
      { 'workspace.zerobounce_token': 'zb-key' },
    );
    expect(urls[0]?.searchParams.get('api_key')).toBe('zb-key');
    expect(urls[0]?.searchParams.get('email')).toBe('john@acme.com');
    expect(result.outputData).toMatchObject({
      'metadata.email_status': 'valid',
      'metadata.email_free_provider': false,
    });
  });

  it('Hunter domain search: the domain comes from the e-mail, the key in X-API-KEY', async () => {
    const { result, requests, urls } = await runTemplate(
      'Hunter Company by Domain',
      { email: 'Jane@Stripe.COM' },
      {
        'api.hunter.io/v2/domain-search': {
          json: {
            data: {
              domain: 'stripe.com',
              organization: 'Stripe',
              industry: 'Financial Services',
              headcount: '1001-5000',
              country: 'US',
              linkedin: 'https://www.linkedin.com/company/stripe',
              pattern: '{first}',
              emails: [],
            },
            meta: { results: 1 },
          },
        },
      },
      { 'workspace.hunter_token': 'h-key' },
    );
    expect(urls[0]?.searchParams.get('domain')).toBe('stripe.com');
    expect(requests[0]?.headers['X-API-KEY']).toBe('h-key');
    expect(result.outputData).toMatchObject({ company: 'Stripe', 'metadata.company_size': '1001-5000' });
  });

  it('People Data Labs: X-Api-Key header, names only filled when empty', async () => {
    const { result, requests } = await runTemplate(
      'People Data Labs Person Enrichment',
      { email: 'sean@peopledatalabs.com' },
      {
        'api.peopledatalabs.com/v5/person/enrich': {
          json: {
            status: 200,
            likelihood: 8,
            data: {
              first_name: 'sean',
              last_name: 'thorne',
              job_title: 'co-founder',
              job_company_name: 'people data labs',
              linkedin_url: 'linkedin.com/in/seanthorne',
              location_name: 'san francisco, california, united states',
            },
          },
        },
      },
      { 'workspace.peopledatalabs_token': 'pdl-key' },
    );
    expect(requests[0]?.headers['X-Api-Key']).toBe('pdl-key');
    expect(result.outputFields?.first_name).toEqual({ value: 'sean', write: 'if_empty' });
    expect(result.outputData).toMatchObject({ title: 'co-founder', 'metadata.pdl_likelihood': 8 });
  });

  it('Hunter find & verify: verifies only when an address was found', async () => {
    const found = await runTemplate(
      'Hunter Find & Verify Email',
      { first_name: 'Alexis', last_name: 'Ohanian', domain: 'reddit.com' },
      {
        'api.hunter.io/v2/email-finder': {
          json: { data: { email: 'alexis@reddit.com', score: 97, position: 'Cofounder' } },
        },
        'api.hunter.io/v2/email-verifier': {
          json: { data: { status: 'valid', result: 'deliverable', score: 100, email: 'alexis@reddit.com' } },
        },
      },
      { 'workspace.hunter_token': 'h-key' },
    );
    expect(found.urls.map((u) => u.pathname)).toEqual(['/v2/email-finder', '/v2/email-verifier']);
    expect(found.urls[1]?.searchParams.get('email')).toBe('alexis@reddit.com');
    expect(found.result.outputData).toEqual({
      email: 'alexis@reddit.com',
      title: 'Cofounder',
      'metadata.email_status': 'valid',
      'metadata.email_score': 100,
    });

    const missing = await runTemplate(
      'Hunter Find & Verify Email',
      { first_name: 'Nobody', last_name: 'Here', domain: 'example.org' },
      { 'api.hunter.io/v2/email-finder': { json: { data: { email: null, score: null } } } },
      { 'workspace.hunter_token': 'h-key' },
    );
    expect(missing.result.status).toBe('success');
    expect(missing.urls.map((u) => u.pathname)).toEqual(['/v2/email-finder']);
    expect(missing.result.nodes.find((n) => n.nodeId === 'verify_email')?.status).toBe('skipped');
    expect(missing.result.outputData ?? {}).toEqual({});
  });

  it('Nominatim and Google geocoding map coordinates', async () => {
    const osm = await runTemplate(
      'OpenStreetMap Address Geocoding',
      { address: '10 Downing Street, London' },
      {
        'nominatim.openstreetmap.org/search': {
          json: [
            {
              lat: '51.5033635',
              lon: '-0.1276248',
              display_name: '10 Downing Street, Westminster, London, SW1A 2AA, United Kingdom',
              address: { country_code: 'gb' },
            },
          ],
        },
      },
    );
    expect(osm.requests[0]?.headers['User-Agent']).toMatch(/Connectors/);
    expect(osm.result.outputData).toMatchObject({
      'metadata.latitude': 51.5033635,
      'metadata.longitude': -0.1276248,
      'metadata.country_code': 'GB',
    });
    const google = await runTemplate(
      'Google Maps Geocoding',
      { address: '1600 Amphitheatre Parkway, Mountain View, CA' },
      {
        'maps.googleapis.com/maps/api/geocode/json': {
          json: {
            status: 'OK',
            results: [
              {
                formatted_address: '1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA',
                geometry: { location: { lat: 37.4224428, lng: -122.0842467 } },
                place_id: 'ChIJF4Yf2Ry7j4AR__1AkytDyAE',
              },
            ],
          },
        },
      },
      { 'workspace.google_maps_token': 'g-key' },
    );
    expect(google.urls[0]?.searchParams.get('key')).toBe('g-key');
    expect(google.result.outputData).toMatchObject({
      'metadata.latitude': 37.4224428,
      'metadata.longitude': -122.0842467,
    });
  });
});
