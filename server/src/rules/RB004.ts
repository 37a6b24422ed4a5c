import type { RunbookRule } from './rule';
import { byBudgetSpan, whose } from './helpers/budgets';

export const RB004: RunbookRule = {
  id: 'RB004',
  name: 'budget-unparseable',
  severity: 'error',
  appliesTo: 'runbook',
  fixable: false,
  description: 'The timer budget is not a duration ("ASAP", "TBD", "soon").',
  check({ model, report }) {
    const groups = byBudgetSpan(model.triggers.triggers, (t) => !!t.budgetText && !t.dataCorrection && t.budgetMinutes === undefined);
    for (const group of groups) {
      const t = group[0];
      report({
        span: t.budgetSpan!,
        message: `Timer budget "${t.budgetText}"${group.length > 1 ? ` (for ${whose(group)})` : ''} is not a duration: write minutes ("5 min", "90s", "1h"), or "data correction" for a trigger that code rollback cannot fix.`,
        data: { trigger: t.name },
      });
    }
  },
};
