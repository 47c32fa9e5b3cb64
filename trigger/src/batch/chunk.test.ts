import { describe, expect, it } from 'vitest';
import { chunk } from './chunk';

describe('chunk', () => {
  it.each([
    { items: 0, size: 500, sizes: [] },
    { items: 1, size: 500, sizes: [1] },
    { items: 500, size: 500, sizes: [500] },
    { items: 1_201, size: 500, sizes: [500, 500, 201] },
    { items: 5, size: 2, sizes: [2, 2, 1] },
  ])('$items items by $size → $sizes', ({ items, size, sizes }) => {
    const list = Array.from({ length: items }, (_, i) => i);
    const parts = chunk(list, size);
    expect(parts.map((p) => p.length)).toEqual(sizes);
    expect(parts.flat()).toEqual(list);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
    expect(() => chunk([1], 1.5)).toThrow(RangeError);
  });
});
