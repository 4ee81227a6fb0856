// Duplicate-id detection for files too large to keep every id: each id is kept as a 64-bit
// fingerprint (two 32-bit FNV-1a hashes with different seeds) and the line it was first seen on, in
// typed arrays: 12 bytes a slot, about 24 MB for a million ids, and no garbage per row. Two different
// ids share a fingerprint with odds of about 1 in 3 x 10^7 over a million rows.

export interface IdSet {
  /** Adds `id` first seen on `line`; returns the earlier line if the id was already there, else 0. */
  add(id: string, line: number): number;
  readonly size: number;
}

export function createIdSet(expected = 2048): IdSet {
  // A power of two at least twice the expected count, so the table is at most half full.
  let capacity = 1 << Math.max(12, Math.ceil(Math.log2(Math.max(expected, 1) * 2)));
  let mask = capacity - 1;
  let a = new Int32Array(capacity);
  let b = new Int32Array(capacity);
  let lines = new Int32Array(capacity); // 0 = empty slot (lines start at 1)
  let size = 0;

  const place = (ha: number, hb: number, line: number): number => {
    let slot = ha & mask;
    for (;;) {
      const seen = lines[slot]!;
      if (seen === 0) {
        a[slot] = ha;
        b[slot] = hb;
        lines[slot] = line;
        return 0;
      }
      if (a[slot] === ha && b[slot] === hb) return seen;
      slot = (slot + 1) & mask;
    }
  };

  const grow = () => {
    const [oldA, oldB, oldLines] = [a, b, lines];
    capacity *= 2;
    mask = capacity - 1;
    a = new Int32Array(capacity);
    b = new Int32Array(capacity);
    lines = new Int32Array(capacity);
    for (let i = 0; i < oldLines.length; i++) if (oldLines[i] !== 0) place(oldA[i]!, oldB[i]!, oldLines[i]!);
  };

  return {
    add(id, line) {
      let ha = 0x811c9dc5;
      let hb = 0x01000193 ^ id.length;
      for (let i = 0; i < id.length; i++) {
        const c = id.charCodeAt(i);
        ha = Math.imul(ha ^ c, 0x01000193);
        hb = Math.imul(hb ^ c, 0x5bd1e995);
        hb ^= hb >>> 15;
      }
      // Final mixing so ids that differ only in their last characters spread over the table.
      ha ^= ha >>> 16;
      ha = Math.imul(ha, 0x85ebca6b);
      ha ^= ha >>> 13;
      const earlier = place(ha, hb, line);
      if (earlier === 0 && ++size * 2 > capacity) grow();
      return earlier;
    },
    get size() {
      return size;
    },
  };
}
