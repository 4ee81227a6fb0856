import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdSet } from '../../src/io/id-set.js';

describe('duplicate ids, kept as text and found by hash', () => {
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

  // A hash narrowed to a few bits makes nearly every pair of ids "possibly the same": only the
  // exact comparison of their texts can tell a duplicate from a collision.
  it.each([1, 2, 4])('with a %i-bit hash, never reports two different ids as duplicates, and still reports every real duplicate at its first line', (hashBits) => {
    const ids = fc.oneof(
      fc.integer({ min: 0, max: 400 }).map((n) => `R${n}`),
      fc.constantFrom('É1', 'Ω7', '社員1', 'x'.repeat(254), 'x'.repeat(255), 'x'.repeat(300), 'y'.repeat(300), 'R1 ', 'r1', ''),
    );
    fc.assert(
      fc.property(fc.array(ids, { minLength: 1, maxLength: 600 }), fc.boolean(), (stream, sort) => {
        const list = sort ? [...stream].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)) : stream;
        const set = createIdSet(16, { hashBits });
        const first = new Map<string, number>();
        list.forEach((id, i) => {
          const line = i + 2;
          expect(set.add(id, line)).toBe(first.get(id) ?? 0);
          if (!first.has(id)) first.set(id, line);
        });
        expect(set.size).toBe(first.size);
      }),
      { numRuns: 40 },
    );
  });

  it('with a 1-bit hash, 5,000 different ids in order then out of order are all accepted, and a repeat names its first line', () => {
    const set = createIdSet(16, { hashBits: 1 });
    for (let n = 1; n <= 2500; n++) expect(set.add(`REF-${n}`, n + 1)).toBe(0);
    for (let n = 5000; n > 2500; n--) expect(set.add(`REF-${n}`, 7502 - n)).toBe(0);
    expect(set.add('REF-1234', 9000)).toBe(1235);
    expect(set.add('REF-4000', 9001)).toBe(3502);
    expect(set.size).toBe(5000);
  });
});
