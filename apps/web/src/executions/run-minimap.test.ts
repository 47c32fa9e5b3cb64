import { describe, expect, it } from 'vitest';
import { runStatusColor } from './run-minimap';

describe('run minimap colours', () => {
  it('paints each node status in its own colour, and a node that has not run as neutral', () => {
    expect(runStatusColor('success')).toBe('var(--success)');
    expect(runStatusColor('failed')).toBe('var(--danger)');
    expect(runStatusColor('skipped')).toBe('var(--text-faint)');
    expect(runStatusColor('running')).toBe('var(--info)');
    expect(runStatusColor('pending')).toBe('var(--border-strong)');
    expect(runStatusColor(undefined)).toBe('var(--border-strong)');
    expect(runStatusColor('something-new')).toBe('var(--border-strong)');
  });
});
