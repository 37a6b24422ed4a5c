import * as path from 'node:path';
import type { RunbookRule } from '../engine/rule';
import type { ReceiptModel } from '../engine/receipt';
import { derivedFrom } from '../engine/text';

export function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.round((b - a) / 86400000);
}

export function receiptDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim()) ? value.trim().slice(0, 10) : undefined;
}

/** The newest readable receipt date of a list, once per list (a runbook beside 5,000 receipts, issue 13). */
const newestOf = derivedFrom((receipts: readonly ReceiptModel[]) => {
  let newest: { date: string; file: string } | undefined;
  for (const r of receipts) {
    const date = receiptDate(r.frontMatter?.fields.get('date')?.value);
    // The string comparison first: a date is parsed only when it would be the newest.
    if (date && (!newest || date > newest.date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`))) newest = { date, file: r.path };
  }
  return newest;
});

export const RB022: RunbookRule = {
  id: 'RB022',
  name: 'stale-rehearsal',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'The newest receipt is older than staleAfterDays (90).',
  check({ model, workspace, config, today, report }) {
    const newest = newestOf(workspace.receiptsFor(model));
    if (!newest) return;
    const age = daysBetween(newest.date, today);
    if (age === undefined || age <= config.staleAfterDays) return;
    const file = path.relative(path.dirname(model.path), newest.file).split(path.sep).join('/');
    report({
      span: model.triggers.announcements[0]?.span ?? model.triggers.triggers[0]?.nameSpan ?? model.anchor,
      message: `The newest rehearsal (${file}) is from ${newest.date}, ${age} days ago, over the ${config.staleAfterDays}-day limit: rerun it and write a new receipt — the rollback path drifts with every new module, env var, migration type or cloud service.`,
      data: { newest: newest.date, days: age, receipt: newest.file },
    });
  },
};
