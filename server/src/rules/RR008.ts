import type { ReceiptRule } from './rule';
import { field, placeholderIn } from './helpers/receiptUtil';
import { normalizeTrigger } from '../model/triggers';
import { editDistance } from './helpers/distance';
import { rehearsedTrigger } from '../model/rehearsals';
import { memoized } from '../model/text';
import { yamlScalar } from '../model/receipt';

const MAX = 200;

function tokens(s: string): string[] {
  return [...new Set(normalizeTrigger(s).split(/[^\p{L}\p{N}%>]+/u).filter(Boolean))].slice(0, 50);
}

/** Two words are the same word with a typo or a plural ("tests" / "test", "brokn" / "broken"). */
function nearWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  return editDistance(a, b, MAX) <= (Math.min(a.length, b.length) >= 7 ? 2 : 1);
}

/** Similarity in [0, 1]: the better of fuzzy word overlap (Dice) and whole-string edit similarity. */
function similarity(value: string, name: string): number {
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
  const edit = 1 - editDistance(x, y, MAX) / Math.max(x.length, y.length, 1);
  // Word overlap is the stronger signal; a whole-string edit similarity has to be higher to count.
  return Math.max(dice, edit >= 0.5 ? edit : 0);
}

/** The most similar name, if any is close. Memoized: the same receipts meet the same names on every edit of a runbook. */
const closestTrigger: (value: string, names: string[]) => string | undefined = memoized(computeClosest, 200, (value, names) => `${value}\u0000${names.join('\u0001')}`);

function computeClosest(value: string, names: string[]): string | undefined {
  let best: string | undefined;
  let score = 0;
  for (const n of names) {
    const s = similarity(value, n);
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
      fix: best && !/[\r\n]/.test(f.source) ? { title: `Use "${shown(best)}"`, edits: [{ ...f.valueSpan, newText: yamlScalar(best) }] } : undefined,
      data: best ? { trigger: best } : undefined,
    });
  },
};
