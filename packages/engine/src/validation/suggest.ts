/**
 * The candidate closest to `name`, when it is close enough to be a likely typo: at most a third of the
 * name's length in edits (at least 1 for names of three letters or more), compared case-insensitively.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // One edit turns any one- or two-letter name into another, so only case differences count there.
  const allowed = name.length <= 2 ? 0 : Math.max(1, Math.floor(name.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/**
 * Optimal-string-alignment distance: Levenshtein plus swaps of adjacent characters, the commonest typo
 * (`emial` → `email` is one edit). Names here are short, so O(n·m) is fine.
 */
export function editDistance(a: string, b: string): number {
  // Very different lengths are never typos of each other; skip the table.
  if (Math.abs(a.length - b.length) > 50) return Math.abs(a.length - b.length);
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}
