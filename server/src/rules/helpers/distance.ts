// How far two short strings are apart, for "did you mean …?" suggestions.

/** Levenshtein distance over at most `max` characters of each side. */
export function editDistance(a: string, b: string, max = 200): number {
  a = a.slice(0, max);
  b = b.slice(0, max);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
