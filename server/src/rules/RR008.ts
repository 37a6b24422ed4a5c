import type { ReceiptRule } from './rule';
import { field, placeholderIn } from './helpers/receiptUtil';
import { normalizeTrigger } from '../model/triggers';
import { editDistance } from './helpers/distance';
import { rehearsedTrigger } from '../model/rehearsals';
import { memoized, toConfirm } from '../model/text';
import { yamlScalar } from '../model/receipt';

const MAX = 200;

/** Memoized: every receipt's value meets every trigger name of its runbooks. */
const tokens: (s: string) => string[] = memoized((s: string) => [...new Set(normalizeTrigger(s).split(/[^\p{L}\p{N}%>]+/u).filter(Boolean))].slice(0, 50), 10_000);

/** Two words are the same word with a typo or a plural ("tests" / "test", "brokn" / "broken"). */
function nearWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  const allowed = Math.min(a.length, b.length) >= 7 ? 2 : 1;
  return editDistance(a, b, MAX, allowed) <= allowed;
}

/** A lower bound of the edit distance from the characters alone: what one side has more of than the other. */
function bagDistance(x: string, y: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < x.length; i++) counts.set(x.charCodeAt(i), (counts.get(x.charCodeAt(i)) ?? 0) + 1);
  for (let i = 0; i < y.length; i++) counts.set(y.charCodeAt(i), (counts.get(y.charCodeAt(i)) ?? 0) - 1);
  let more = 0;
  let less = 0;
  for (const c of counts.values()) c > 0 ? (more += c) : (less -= c);
  return Math.max(more, less);
}

/**
 * Similarity in [0, 1]: the better of fuzzy word overlap (Dice) and whole-string edit
 * similarity. `toBeat`: a score that only a higher one replaces, so the edit distance is
 * computed only where it can win, and only within the band where it can.
 */
function similarity(value: string, name: string, toBeat = 0): number {
  const a = tokens(value);
  const b = tokens(name);
  let shared = 0;
  const used = new Set<number>();
  for (const t of a) {
    const i = b.findIndex((u, k) => !used.has(k) && nearWord(t, u));
    if (i >= 0) {
      used.add(i);
      shared++;
    }
  }
  const dice = (2 * shared) / (a.length + b.length || 1);
  const x = normalizeTrigger(value).slice(0, MAX);
  const y = normalizeTrigger(name).slice(0, MAX);
  // Word overlap is the stronger signal; a whole-string edit similarity has to be 0.5 or more to count.
  const floor = Math.max(dice, 0.5, toBeat);
  const longer = Math.max(x.length, y.length, 1);
  const limit = Math.floor(longer * (1 - floor));
  if (bagDistance(x, y) > limit) return dice;
  const edit = 1 - editDistance(x, y, MAX, limit) / longer;
  return Math.max(dice, edit >= 0.5 ? edit : 0);
}

/** The most similar name, if any is close. Memoized: the same receipts meet the same names on every edit of a runbook. */
const closestTrigger: (value: string, names: string[]) => string | undefined = memoized(computeClosest, 200, (value, names) => `${value}\u0000${names.join('\u0001')}`);

/** How many names are scored in full; a runbook with more is first ranked by shared word beginnings. */
const CANDIDATES = 64;

const beginnings: (s: string) => Set<string> = memoized((s: string) => new Set(tokens(s).map((t) => t.slice(0, 3))), 10_000);

/** The names worth scoring: all of a short list; of a long one, those sharing the most word beginnings with the value (in list order on a tie). */
function candidates(value: string, names: string[]): string[] {
  if (names.length <= CANDIDATES) return names;
  const mine = [...beginnings(value)];
  return names
    .map((n, i) => {
      const theirs = beginnings(n);
      return { n, i, shared: mine.filter((b) => theirs.has(b)).length };
    })
    .sort((a, b) => b.shared - a.shared || a.i - b.i)
    .slice(0, CANDIDATES)
    .sort((a, b) => a.i - b.i)
    .map((c) => c.n);
}

function computeClosest(value: string, names: string[]): string | undefined {
  let best: string | undefined;
  let score = 0;
  for (const n of candidates(value, names)) {
    const s = similarity(value, n, score);
    if (s > score) {
      score = s;
      best = n;
    }
  }
  return score >= 0.25 ? best : undefined;
}

export const RR008: ReceiptRule = {
  id: 'RR008',
  name: 'unknown-trigger',
  severity: 'warning',
  appliesTo: 'receipt',
  fixable: true,
  description: "The receipt's trigger is not in the runbook's trigger list.",
  check({ model, workspace, report }) {
    const f = field(model, 'trigger');
    if (!f || typeof f.value !== 'string' || !f.value.trim()) return;
    if (placeholderIn(f.value)) return; // RR001 reports placeholders
    const runbooks = workspace.runbooksFor(model);
    const names = [...new Set(runbooks.flatMap((r) => r.triggers.triggers.map((t) => t.name)).filter((n) => n.trim()))];
    if (!names.length || rehearsedTrigger(model, runbooks)) return; // no runbook to check against: say nothing
    const best = closestTrigger(f.value, names);
    const shown = (s: string) => (s.length > 80 ? s.slice(0, 80) + '…' : s);
    report({
      span: f.valueSpan,
      message: `Trigger "${shown(f.value)}" is not in the runbook's trigger list${best ? `; did you mean "${shown(best)}"?` : ` (${names.slice(0, 5).map((n) => `"${shown(n)}"`).join(', ')}${names.length > 5 ? ', …' : ''}).`} Write the trigger exactly as the runbook does, or add it to the runbook's list first.`,
      fix: best && !/[\r\n]/.test(f.source) ? { title: `Suggest "${shown(best)}" (to confirm)`, statesFact: true, edits: [{ ...f.valueSpan, newText: yamlScalar(toConfirm(best)) }] } : undefined,
      data: best ? { trigger: best } : undefined,
    });
  },
};
