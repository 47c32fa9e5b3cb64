import { describe, expect, it } from 'vitest';
import { isSeedConfig, isSeedConnector } from './is-seed';

describe('isSeedConfig / isSeedConnector', () => {
  it('tells the list form from the canonical graph', () => {
    expect(isSeedConfig({ steps: [] })).toBe(true);
    expect(isSeedConfig({ url: 'https://x.example.com' })).toBe(true);
    expect(isSeedConfig({ version: 1, nodes: [], edges: [] })).toBe(false);
    expect(isSeedConfig({ nodes: [], steps: [] })).toBe(false);
    expect(isSeedConfig(null)).toBe(false);
    expect(isSeedConfig([])).toBe(false);
  });

  it('finds steps at the top level or in config', () => {
    expect(isSeedConnector({ type: 'multi-step', steps: [{ url: 'https://x.example.com' }] })).toBe(true);
    expect(isSeedConnector({ config: { steps: [] } })).toBe(true);
    expect(isSeedConnector({ config: { version: 1, nodes: [], edges: [] } })).toBe(false);
    expect(isSeedConnector({ config: { version: 1, nodes: [], edges: [] }, steps: [] })).toBe(false);
  });
});
