import { describe, expect, it } from 'vitest';
import { createHostAllowList } from './host-allow-list';

describe('createHostAllowList', () => {
  const allowed = createHostAllowList([
    'API.Example.com',
    'local.test:8080',
    '[::1]:3000',
    '10.0.0.7',
    'bücher.example',
    'not a host',
  ]);
  it.each([
    ['https://api.example.com/x', true],
    ['http://api.example.com:9999/x', true],
    ['https://api.example.com./x', true],
    ['https://sub.api.example.com/x', false],
    ['https://example.com/x', false],
    ['http://local.test:8080/', true],
    ['http://local.test/', false],
    ['http://[::1]:3000/', true],
    ['http://[::1]:3001/', false],
    ['http://10.0.0.7/', true],
    ['http://0xa.0.0.7/', true],
    ['https://xn--bcher-kva.example/', true],
  ])('%s → %s', (href, expected) => {
    expect(allowed(new URL(href))).toBe(expected);
  });

  it('allows nothing when empty', () => {
    expect(createHostAllowList()(new URL('http://localhost/'))).toBe(false);
  });
});
