import { describe, expect, it } from 'vitest';
import { nameForPath, samplePaths } from './run-sample';

describe('samplePaths', () => {
  it('lists JSONata paths into a response, arrays through their first item', () => {
    const paths = samplePaths({ results: [{ id: '7', 'odd-key': 1 }], total: 1 }).map((p) => p.path);
    expect(paths).toEqual(['results', 'total', 'results[0]', 'results[0].id', 'results[0].`odd-key`']);
  });
  it.each([
    ['results[0].id', 'id'],
    ['properties.firstname', 'firstname'],
    ['total', 'total'],
  ])('names %s %s', (path, name) => {
    expect(nameForPath(path)).toBe(name);
  });
});
