import { describe, expect, it } from 'vitest';
import { pickField, workspaceCandidates } from './workspace-reference';

describe('workspace.<name> references', () => {
  it.each([
    [
      'hubspot_token',
      [
        ['hubspot', ['token', 'api_key']],
        ['hubspot_token', ['token', 'api_key']],
      ],
    ],
    [
      'clearbit_api_key',
      [
        ['clearbit', ['api_key', 'token']],
        ['clearbit_api_key', ['token', 'api_key']],
      ],
    ],
    [
      'stripe_key',
      [
        ['stripe', ['key', 'token', 'api_key']],
        ['stripe_key', ['token', 'api_key']],
      ],
    ],
    [
      'app_secret',
      [
        ['app', ['secret', 'token', 'api_key']],
        ['app_secret', ['token', 'api_key']],
      ],
    ],
    ['openai', [['openai', ['token', 'api_key']]]],
    ['_token', [['_token', ['token', 'api_key']]]],
  ])('%s', (name, expected) => {
    expect(workspaceCandidates(name).map((c) => [c.service, c.fields])).toEqual(expected);
  });

  it('picks the named field, then a token field, then the only field', () => {
    const [hubspot] = workspaceCandidates('hubspot_token');
    expect(pickField(hubspot!, ['api_key', 'token'])).toBe('token');
    expect(pickField(hubspot!, ['api_key'])).toBe('api_key');
    expect(pickField(hubspot!, ['pat'])).toBe('pat');
    expect(pickField(hubspot!, ['a', 'b'])).toBeUndefined();
  });
});
