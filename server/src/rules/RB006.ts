import type { RunbookRule } from './rule';
import { formatMinutes } from '../model/duration';
import { byBudgetSpan, whose } from './helpers/budgets';

export const RB006: RunbookRule = {
  id: 'RB006',
  name: 'budget-too-short',
  severity: 'information',
  appliesTo: 'runbook',
  fixable: false,
  description: 'Timer budget under budget.minMinutes (2).',
  check({ model, config, report }) {
    const min = config.budget.minMinutes;
    for (const group of byBudgetSpan(model.triggers.triggers, (t) => t.budgetMinutes !== undefined && t.budgetMinutes < min)) {
      const t = group[0];
      if (t.budgetMinutes === undefined || !t.budgetSpan) continue;
      report({
        span: t.budgetSpan,
        message: `Timer budget ${formatMinutes(t.budgetMinutes)}${group.length > 1 ? ` (for ${whose(group)})` : ''} is under ${formatMinutes(min)}: is this automated into the blast radius without anyone deciding? Check who decides, or raise the budget to what a person can do.`,
        data: { trigger: t.name, minutes: t.budgetMinutes },
      });
    }
  },
};
