import * as path from 'node:path';
import type { RunbookRule } from '../engine/rule';
import { formatMinutes } from '../engine/duration';
import { normalizeTrigger } from './triggerMatch';
import { receiptsByTrigger } from '../engine/triggers';
import type { ReceiptModel } from '../engine/receipt';

function minutesOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** The condition alone, when a list item's name still carries its observation ("5xx > 5%: dashboard"). */
function conditionOf(name: string): string {
  const m = /^(.+?)(?::\s|\s[—–]\s)/.exec(name);
  return m ? m[1] : name;
}

/** A runbook's receipts by the trigger they name (normalized), each with its place in the list (oldest first). */
/** The latest receipt that names the trigger, or its condition alone. */
function latestFor(receipts: ReceiptModel[], trigger: string): ReceiptModel | undefined {
  const index = receiptsByTrigger(receipts);
  const hits = [index.get(normalizeTrigger(trigger))?.at(-1), conditionOf(trigger) !== trigger ? index.get(normalizeTrigger(conditionOf(trigger)))?.at(-1) : undefined].filter((h) => !!h);
  return hits.sort((a, b) => a.at - b.at).pop()?.receipt;
}

export const RB023: RunbookRule = {
  id: 'RB023',
  name: 'rehearsal-over-budget',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'The latest receipt for a trigger took longer than its budget.',
  check({ model, workspace, report }) {
    const receipts = workspace.receiptsFor(model);
    if (!receipts.length) return;
    for (const t of model.triggers.triggers) {
      if (t.budgetMinutes === undefined || !t.budgetSpan) continue;
      // Receipts come oldest first: the last one naming this trigger is the latest rehearsal.
      const latest = latestFor(receipts, t.name);
      if (!latest) continue;
      const total = minutesOf(latest.frontMatter?.fields.get('total_minutes')?.value);
      if (total === undefined || total <= t.budgetMinutes) continue;
      const receipt = path.relative(path.dirname(model.path), latest.path).split(path.sep).join('/');
      report({
        span: t.budgetSpan,
        message: `The latest rehearsal of "${t.name}" (${receipt}) took ${formatMinutes(total)}, over this ${formatMinutes(t.budgetMinutes)} budget: keep the real number, find the dominant step and fix the gap in the rollback path, then rehearse again.`,
        data: { trigger: t.name, receipt: latest.path, minutes: total, budget: t.budgetMinutes },
      });
    }
  },
};
