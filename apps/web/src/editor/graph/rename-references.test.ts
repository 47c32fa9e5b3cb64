import { describe, expect, it } from 'vitest';
import { renameInExpression, renameInTemplate } from './rename-references';

const rename = new Map([['step_1', 'step_4']]);

describe('renameInExpression', () => {
  it.each([
    ['step_1.contactId', 'step_4.contactId'],
    ['$exists(step_1.x) and step_1.y > 2', '$exists(step_4.x) and step_4.y > 2'],
    ['"step_1.x"', '"step_1.x"'],
    ['a.step_1', 'a.step_1'],
    ['step_10.x', 'step_10.x'],
    ['$step_1', '$step_1'],
  ])('%s → %s', (source, expected) => {
    expect(renameInExpression(source, rename)).toBe(expected);
  });
});

describe('renameInTemplate', () => {
  it('renames inside templates only', () => {
    expect(renameInTemplate('https://x/step_1/{{step_1.id}}?q={{ input.q }}', rename)).toBe(
      'https://x/step_1/{{step_4.id}}?q={{ input.q }}',
    );
  });
  it('leaves a broken template alone', () => {
    expect(renameInTemplate('{{step_1.id', rename)).toBe('{{step_1.id');
  });
});
