// How a receipt's `trigger:` names a runbook trigger: case and spacing do not matter.
import { normalizeTrigger } from '../../model/triggers';

export { normalizeTrigger, sameTrigger } from '../../model/triggers';

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
