import * as path from 'node:path';
import type { RunbookRule } from '../engine/rule';

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

export const RB022: RunbookRule = {
  id: 'RB022',
  name: 'stale-rehearsal',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'The newest receipt is older than staleAfterDays (90).',
  check({ model, workspace, config, today, report }) {
    let newest: { date: string; file: string } | undefined;
    for (const r of workspace.receiptsFor(model)) {
      const date = receiptDate(r.frontMatter?.fields.get('date')?.value);
      if (date && daysBetween(date, today) !== undefined && (!newest || date > newest.date)) newest = { date, file: r.path };
    }
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
