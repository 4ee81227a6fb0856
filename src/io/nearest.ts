// Did-you-mean: the closest of some names to a misspelt one (Levenshtein distance).

/** The closest header to a wanted column name, if it is plausibly a misspelling. */
export function nearest(wanted: string, candidates: string[]): { index: number } | null {
  let best: { index: number; distance: number } | null = null;
  candidates.forEach((candidate, i) => {
    if (candidate === '') return;
    const distance = editDistance(wanted, candidate);
    if (best === null || distance < best.distance) best = { index: i, distance };
  });
  const found = best as { index: number; distance: number } | null;
  if (found === null) return null;
  return found.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? { index: found.index } : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
