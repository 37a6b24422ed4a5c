// How a receipt's `trigger:` names a runbook trigger: case and spacing do not matter.

const normalized = new Map<string, string>();

/** Memoized: every receipt is matched against every trigger name of its runbooks, on every edit. */
export function normalizeTrigger(s: string): string {
  let n = normalized.get(s);
  if (n === undefined) {
    n = s.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (normalized.size >= 10_000) normalized.clear();
    normalized.set(s, n);
  }
  return n;
}

export function sameTrigger(value: unknown, name: string): boolean {
  return typeof value === 'string' && normalizeTrigger(value) === normalizeTrigger(name);
}

function tokens(s: string): Set<string> {
  return new Set(normalizeTrigger(s).split(/[^\p{L}\p{N}%>]+/u).filter(Boolean));
}

/** The most similar name by token overlap (Dice coefficient); undefined when nothing is close. */
export function closest(value: string, names: string[]): string | undefined {
  const a = tokens(value);
  let best: string | undefined;
  let score = 0;
  for (const n of names) {
    const b = tokens(n);
    let shared = 0;
    for (const t of a) if (b.has(t)) shared++;
    const s = (2 * shared) / (a.size + b.size || 1);
    if (s > score) {
      score = s;
      best = n;
    }
  }
  return score >= 0.25 ? best : undefined;
}
