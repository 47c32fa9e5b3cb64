import { describe, expect, it } from 'vitest';
import { convertSeedConnector } from './convert-seed';

describe('convertSeedConnector: malformed input', () => {
  it.each([
    ['steps not a list', { steps: 'nope' }, [['invalid_field', ['steps']]]],
    ['no steps at all', { config: {} }, [['seed_no_steps', ['steps']]]],
    ['an empty list', { config: { steps: [] } }, [['seed_no_steps', ['config', 'steps']]]],
    [
      'a step without url and one that is not an object',
      { config: { steps: [{ url: 'https://x.example.com' }, { method: 'GET' }, 42] } },
      [
        ['missing_field', ['config', 'steps', 1, 'url']],
        ['invalid_field', ['config', 'steps', 2]],
      ],
    ],
    [
      'wrong field types inside a step',
      { steps: [{ url: 'https://x.example.com', auth: { type: 'bearer' }, outputMapping: { a: 1 } }] },
      [
        ['missing_field', ['steps', 0, 'auth', 'token']],
        ['invalid_field', ['steps', 0, 'outputMapping', 'a']],
      ],
    ],
    ['a single-step config with a bad url', { config: { url: 5 } }, [['invalid_field', ['config', 'url']]]],
    [
      'a malformed finalMapping',
      { steps: [{ url: 'https://x.example.com' }], finalMapping: { f: 1 } },
      [['invalid_field', ['finalMapping', 'f']]],
    ],
  ] as const)('%s', (_name, body, expected) => {
    const result = convertSeedConnector(body);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.path])).toEqual(expected);
  });

  it('never throws on odd bodies', () => {
    for (const body of [
      {},
      { steps: [null] },
      { config: null },
      { steps: [{ url: '{{' }] },
      { config: [] },
    ]) {
      expect(() => convertSeedConnector(body)).not.toThrow();
    }
  });
});
