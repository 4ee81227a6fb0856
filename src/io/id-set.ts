// Duplicate-id detection for files too large to keep every id as a JavaScript string (a million ids
// took ~100 MB as a Map of strings). Each id's text is copied into one growing byte array, one byte
// a character (ids are nearly always Latin-1; any other id, or one of 255 characters or more, is kept
// as a string on the side), so a duplicate is only ever reported after the two ids' texts have been
// compared exactly: a hash may say "possibly the same", never "the same". No valid file can be
// refused by a chance collision, and `hashBits` narrows the hash in tests to force collisions.
//
// Most exports list ids in order, and ids in strictly increasing order (shorter first, then
// alphabetical: R999 before R1000) cannot repeat, so while that holds each id is only appended, with
// the line it is on, and not even hashed. At the first id out of order (or equal to the one before)
// the appended ids are hashed into an open-addressing table of [hash, text offset, line] slots, and
// every later id is looked up there, comparing texts only when the hashes are equal.
// Memory per million ids of 8 characters: 9 MB of text and 8 MB of [offset, line] while in order,
// or the text and a 24 MB table, at most half full, once out of order. No garbage per row.

export interface IdSet {
  /** Adds `id` first seen on `line` (>= 1); returns the earlier line if the id was there, else 0. */
  add(id: string, line: number): number;
  readonly size: number;
}

export interface IdSetOptions {
  /**
   * How many bits of the 32-bit hash to keep (1 to 32, default 32). Fewer bits make different ids
   * share a hash: for tests that every "possibly the same" is confirmed by the text.
   */
  hashBits?: number;
}

/** Marks an id kept as a string on the side; the next four bytes are its index. */
const ON_SIDE = 255;

export function createIdSet(expected = 2048, options: IdSetOptions = {}): IdSet {
  const bits = Math.min(32, Math.max(1, Math.floor(options.hashBits ?? 32)));
  const hashMask = bits === 32 ? -1 : (1 << bits) - 1;

  // The ids' text: [length, one byte per character] each, or [ON_SIDE, index into `side`].
  let text = new Uint8Array(Math.max(1 << 16, Math.ceil(expected) * 10));
  let used = 0;
  const side: string[] = [];

  /** Appends `id` to the text; returns where it starts. */
  const store = (id: string): number => {
    const n = id.length;
    if (used + n + 5 > text.length) {
      const longer = new Uint8Array(Math.max(text.length * 2, used + n + 5));
      longer.set(text.subarray(0, used));
      text = longer;
    }
    const at = used;
    if (n < ON_SIDE) {
      const bytes = text;
      let all = 0;
      for (let k = 0; k < n; k++) {
        const c = id.charCodeAt(k);
        all |= c;
        bytes[at + 1 + k] = c;
      }
      if (all < 256) {
        bytes[at] = n;
        used = at + 1 + n;
        return at;
      }
    }
    text[at] = ON_SIDE;
    const index = side.push(id) - 1;
    text[at + 1] = index & 255;
    text[at + 2] = (index >>> 8) & 255;
    text[at + 3] = (index >>> 16) & 255;
    text[at + 4] = index >>> 24;
    used = at + 5;
    return at;
  };

  const sideAt = (at: number): string => side[text[at + 1]! | (text[at + 2]! << 8) | (text[at + 3]! << 16) | (text[at + 4]! << 24)]!;

  /** Whether the id stored at `at` is exactly `id`. */
  const sameText = (at: number, id: string): boolean => {
    const n = text[at]!;
    if (n === ON_SIDE) return sideAt(at) === id;
    if (n !== id.length) return false;
    for (let k = 0; k < n; k++) if (text[at + 1 + k] !== id.charCodeAt(k)) return false;
    return true;
  };

  // FNV-1a over the UTF-16 code units, then murmur3's final mixing so ids that differ only in their
  // last characters spread out. The same for an id's string and its stored bytes.
  const mix = (hash: number): number => {
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
    return hash & hashMask;
  };
  const hashOf = (id: string): number => {
    let hash = 0x811c9dc5;
    for (let k = 0; k < id.length; k++) hash = Math.imul(hash ^ id.charCodeAt(k), 0x01000193);
    return mix(hash);
  };
  const hashAt = (at: number): number => {
    const n = text[at]!;
    if (n === ON_SIDE) return hashOf(sideAt(at));
    let hash = 0x811c9dc5;
    for (let k = 0; k < n; k++) hash = Math.imul(hash ^ text[at + 1 + k]!, 0x01000193);
    return mix(hash);
  };

  // [hash, text offset, line] per slot; line 0 = empty. Made when the first id is out of order.
  let capacity = 1 << Math.max(12, Math.ceil(Math.log2(Math.max(expected, 1) * 2)));
  let mask = capacity - 1;
  let table = new Int32Array(0);
  let size = 0;

  /** The slot holding `hash` and the text `id`, or the empty slot where it belongs. */
  const slotOf = (hash: number, id: string): number => {
    let slot = hash & mask;
    for (;;) {
      const at = slot * 3;
      if (table[at + 2] === 0 || (table[at] === hash && sameText(table[at + 1]!, id))) return at;
      slot = (slot + 1) & mask;
    }
  };
  /** Places a stored id known not to be in the table. */
  const place = (hash: number, offset: number, line: number): void => {
    let slot = hash & mask;
    while (table[slot * 3 + 2] !== 0) slot = (slot + 1) & mask;
    const at = slot * 3;
    table[at] = hash;
    table[at + 1] = offset;
    table[at + 2] = line;
    if (++size * 2 > capacity) grow();
  };
  const grow = () => {
    const old = table;
    capacity *= 2;
    mask = capacity - 1;
    table = new Int32Array(capacity * 3);
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue;
      let slot = old[at]! & mask;
      while (table[slot * 3 + 2] !== 0) slot = (slot + 1) & mask;
      table.set(old.subarray(at, at + 3), slot * 3);
    }
  };

  // While ids arrive in increasing order: [text offset, line] appended in order.
  let ordered = true;
  let previous = '';
  let list = new Int32Array(2 * Math.max(4096, Math.ceil(expected)));
  let listed = 0;

  return {
    add(id, line) {
      if (ordered) {
        if (id.length > previous.length || (id.length === previous.length && id > previous)) {
          previous = id;
          if (listed * 2 === list.length) {
            const longer = new Int32Array(list.length * 2);
            longer.set(list);
            list = longer;
          }
          list[listed * 2] = store(id);
          list[listed * 2 + 1] = line;
          listed++;
          return 0;
        }
        // Out of order: from here on, look every id up. The ids so far (all different) go into the
        // table first.
        ordered = false;
        capacity = Math.max(capacity, 1 << Math.ceil(Math.log2(Math.max(listed, 1) * 2 + 2)));
        mask = capacity - 1;
        table = new Int32Array(capacity * 3);
        for (let k = 0; k < listed; k++) place(hashAt(list[k * 2]!), list[k * 2]!, list[k * 2 + 1]!);
        list = new Int32Array(0);
      }
      // The text is copied first, and taken back for a duplicate: copied after the lookup, its
      // stores queued behind the table's, which miss the cache (10% slower on shuffled ids).
      const offset = store(id);
      const hash = hashOf(id);
      const at = slotOf(hash, id);
      const earlier = table[at + 2]!;
      if (earlier !== 0) {
        if (text[offset] === ON_SIDE) side.pop();
        used = offset;
        return earlier;
      }
      table[at] = hash;
      table[at + 1] = offset;
      table[at + 2] = line;
      if (++size * 2 > capacity) grow();
      return 0;
    },
    get size() {
      return ordered ? listed : size;
    },
  };
}
