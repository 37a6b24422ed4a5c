import type { RunbookRule } from './rule';

export const RB003: RunbookRule = {
  id: 'RB003',
  name: 'trigger-missing-budget',
  severity: 'error',
  appliesTo: 'runbook',
  fixable: false,
  description: 'A trigger with no timer budget.',
  check({ model, report }) {
    for (const t of model.triggers.triggers) {
      if (t.budgetText || t.dataCorrection) continue;
      // A table without a budget column is RB002's finding, once, on the header.
      if (t.table && t.table.budgetCol < 0) continue;
      report({
        span: t.table ? t.table.table.rows.find((r) => r.span.start === t.span.start)?.cells[t.table.budgetCol]?.span ?? t.nameSpan : t.nameSpan,
        message: `Trigger "${t.name}" has no timer budget: write how many minutes you allow from trigger observed to recovered (e.g. "budget 5 min").`,
        data: { trigger: t.name },
      });
    }
  },
};
