import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './suggest';

describe('closestName', () => {
  it.each([
    ['emial', ['email', 'domain'], 'email'],
    ['stpe_1', ['step_1', 'step_2'], 'step_1'],
    ['Step_1', ['step_1'], 'step_1'],
    ['inptu', ['input', 'contact', 'run'], 'input'],
    ['zzz', ['step_1'], undefined],
    ['x', [], undefined],
    ['x', ['a'], undefined],
    ['A', ['a'], 'a'],
  ] as const)('%s among %j → %s', (name, candidates, expected) => {
    expect(closestName(name, candidates)).toBe(expected);
  });

  it('counts a swap of adjacent letters as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
