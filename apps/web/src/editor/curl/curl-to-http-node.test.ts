import { describe, expect, it } from 'vitest';
import { curlToHttpNode } from './curl-to-http-node';
import { tokenizeShell } from './curl-tokenizer';

describe('tokenizeShell', () => {
  it.each([
    [`curl 'a b' "c d" e\\ f`, ['curl', 'a b', 'c d', 'e f']],
    [`curl "say \\"hi\\"" 'it'\\''s'`, ['curl', 'say "hi"', "it's"]],
    [`curl $'line\\nnext\\t\\x41\\u00e9'`, ['curl', 'line\nnext\tAé']],
    [
      'curl -H "A: 1" \\\n  -H "B: 2" \\\r\n  https://x.test',
      ['curl', '-H', 'A: 1', '-H', 'B: 2', 'https://x.test'],
    ],
    ['curl ^\n  https://x.test', ['curl', 'https://x.test']],
    [`curl -d '{"a":"{{input.email}}"}'`, ['curl', '-d', '{"a":"{{input.email}}"}']],
    ['curl ""', ['curl', '']],
  ])('splits %j', (command, words) => {
    expect(tokenizeShell(command)).toEqual(words);
  });

  it.each([`curl 'open`, 'curl "open', "curl $'open"])('refuses an unclosed quote in %j', (command) => {
    expect(() => tokenizeShell(command)).toThrow(/never closed/);
  });
});

describe('curlToHttpNode', () => {
  it.each([
    {
      name: 'a plain GET with a query string',
      command: 'curl https://api.example.com/v1/people?email=a%40b.c&limit=1',
      expected: {
        method: 'GET',
        url: 'https://api.example.com/v1/people',
        queryParams: [
          { key: 'email', value: 'a@b.c' },
          { key: 'limit', value: '1' },
        ],
      },
    },
    {
      name: 'the HubSpot search, as HubSpot documents it',
      command: `curl --request POST \\
  --url https://api.hubapi.com/crm/v3/objects/contacts/search \\
  --header 'authorization: Bearer pat-na1-123' \\
  --header 'content-type: application/json' \\
  --data '{"filterGroups":[{"filters":[{"propertyName":"email","operator":"EQ","value":"a@b.c"}]}]}'`,
      expected: {
        name: 'POST search',
        method: 'POST',
        url: 'https://api.hubapi.com/crm/v3/objects/contacts/search',
        headers: [],
        auth: { type: 'bearer', token: 'pat-na1-123' },
        bodyType: 'json',
        body: { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'a@b.c' }] }] },
      },
    },
    {
      name: 'data without -X is a POST; -u is Basic auth',
      command: `curl -u 'me:s3cret' -d 'name=Ada&city=Paris' https://x.test/form`,
      expected: {
        method: 'POST',
        auth: { type: 'basic', username: 'me', password: 's3cret' },
        bodyType: 'form',
        body: { name: 'Ada', city: 'Paris' },
      },
    },
    {
      name: 'combined short flags and an attached method',
      command: `curl -sSLXPUT https://x.test/items/1 -H 'Accept: application/json' --data-raw 'hello'`,
      expected: {
        method: 'PUT',
        headers: [{ key: 'Accept', value: 'application/json' }],
        bodyType: 'text',
        body: 'hello',
      },
    },
    {
      name: '-G moves data into the query',
      command: `curl -G https://x.test/search --data-urlencode 'q=a b' -d limit=5`,
      expected: {
        method: 'GET',
        queryParams: [
          { key: 'q', value: 'a b' },
          { key: 'limit', value: '5' },
        ],
      },
    },
    {
      name: '--json and a Basic Authorization header',
      command: `curl --json '{"a":1}' -H "Authorization: Basic ${btoa('u:p')}" https://x.test/j`,
      expected: {
        method: 'POST',
        bodyType: 'json',
        body: { a: 1 },
        auth: { type: 'basic', username: 'u', password: 'p' },
      },
    },
    {
      name: 'a URL without scheme, --url= form and -I',
      command: 'curl -I --url=example.com/health',
      expected: { method: 'HEAD', url: 'https://example.com/health' },
    },
    {
      name: 'templates survive',
      command: `curl 'https://x.test/contacts/{{step_1.contactId}}' -H 'Authorization: Bearer {{credentials.hubspot.token}}'`,
      expected: {
        url: 'https://x.test/contacts/{{step_1.contactId}}',
        auth: { type: 'bearer', token: '{{credentials.hubspot.token}}' },
      },
    },
  ])('imports $name', ({ command, expected }) => {
    expect(curlToHttpNode(command).data).toMatchObject(expected);
  });

  it('warns about secrets in clear and about options it drops', () => {
    const { warnings } = curlToHttpNode(
      'curl -o out.json --max-time 5 -H "Authorization: Bearer abc" https://x.test',
    );
    expect(warnings.join('\n')).toMatch(/secret in clear/);
    expect(warnings.join('\n')).toMatch(/-o has no equivalent/);
  });

  it.each([
    ['wget https://x.test', /starts with curl/],
    ['curl -s', /no URL/],
    ['curl -H', /-H needs a value/],
  ])('refuses %j', (command, message) => {
    expect(() => curlToHttpNode(command)).toThrow(message);
  });
});
