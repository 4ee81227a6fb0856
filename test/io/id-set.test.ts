import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdSet } from '../../src/io/id-set.js';

describe('duplicate ids, kept as fingerprints', () => {
  it('finds a repeat in ids that arrive in order (R9 before R10), out of order, and next to each other', () => {
    const set = createIdSet();
    expect(['R8', 'R9', 'R10', 'R11'].map((id, i) => set.add(id, i + 2))).toEqual([0, 0, 0, 0]);
    expect(set.add('R11', 6)).toBe(5); // the same as the one before
    expect(set.add('R9', 7)).toBe(3); // out of order: looked up among every id so far
    expect(set.add('R1', 8)).toBe(0);
    expect(set.add('R1', 9)).toBe(8);
    expect(set.size).toBe(5);
  });

  it('agrees with a Map on random id streams, sorted, shuffled and mixed, past several table growths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 6000 }), fc.boolean(), (numbers, sort) => {
        const ids = (sort ? [...numbers].sort((a, b) => a - b) : numbers).map((n) => `REF-${n}`);
        const set = createIdSet(16);
        const first = new Map<string, number>();
        ids.forEach((id, i) => {
          const line = i + 2;
          expect(set.add(id, line)).toBe(first.get(id) ?? 0);
          if (!first.has(id)) first.set(id, line);
        });
        expect(set.size).toBe(first.size);
      }),
      { numRuns: 60 },
    );
  });
});
