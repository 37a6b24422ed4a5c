import * as path from 'node:path';
import type { RunbookRule } from './rule';
import { formatMinutes } from '../model/duration';
import { latestRehearsal } from '../model/rehearsals';

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
      const latest = latestRehearsal(model, receipts, t);
      const total = latest?.minutes;
      if (!latest || total === undefined || total <= t.budgetMinutes) continue;
      const receipt = path.relative(path.dirname(model.path), latest.receipt.path).split(path.sep).join('/');
      report({
        span: t.budgetSpan,
        message: `The latest rehearsal of "${t.name}" (${receipt}) took ${formatMinutes(total)}, over this ${formatMinutes(t.budgetMinutes)} budget: keep the real number, find the dominant step and fix the gap in the rollback path, then rehearse again.`,
        data: { trigger: t.name, receipt: latest.receipt.path, minutes: total, budget: t.budgetMinutes },
      });
    }
  },
};
