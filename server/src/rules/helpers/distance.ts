// How far two short strings are apart, for "did you mean …?" suggestions.

/**
 * Levenshtein distance over at most `max` characters of each side. With `limit`, any
 * distance over it comes back as `limit + 1`, found early: only the cells within `limit`
 * of the diagonal are computed, and the work stops when a whole row is over it.
 */
export function editDistance(a: string, b: string, max = 200, limit = Infinity): number {
  a = a.slice(0, max);
  b = b.slice(0, max);
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const band = Number.isFinite(limit) ? limit : Math.max(a.length, b.length);
  const over = Number.isFinite(limit) ? limit + 1 : Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => (i <= band ? i : over));
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(over);
    if (i <= band) cur[0] = i;
    let best = cur[0];
    for (let j = Math.max(1, i - band); j <= Math.min(b.length, i + band); j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), over);
      if (cur[j] < best) best = cur[j];
    }
    if (best >= over) return over;
    prev = cur;
  }
  return Math.min(prev[b.length], over);
}
