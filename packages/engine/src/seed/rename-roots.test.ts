import { describe, expect, it } from 'vitest';
import { renameTemplateRoots } from './rename-roots';

const rename = (text: string) =>
  renameTemplateRoots(text, (root) => (root === 'step_1' ? 'search' : undefined));

describe('renameTemplateRoots', () => {
  it.each([
    ['{{step_1.id}}', '{{search.id}}'],
    ['https://x.com/{{ step_1.id }}/{{step_1.other}}', 'https://x.com/{{ search.id }}/{{search.other}}'],
    ['{{ $uppercase(step_1.name) & "step_1" }}', '{{ $uppercase(search.name) & "step_1" }}'],
    ['{{ `step_1`.id }}', '{{ search.id }}'],
    ['{{ other.step_1 }}', '{{ other.step_1 }}'],
    ['{{ items[step_1 = 1] }}', '{{ items[step_1 = 1] }}'],
    ['step_1 {{step_1}}', 'step_1 {{search}}'],
    ['{{ {"step_1": step_1.a} }}', '{{ {"step_1": search.a} }}'],
    ['{{ broken +', '{{ broken +'],
    ['{{ step_1.a + }}', '{{ step_1.a + }}'],
  ])('%s → %s', (input, expected) => {
    expect(rename(input)).toBe(expected);
  });
});
