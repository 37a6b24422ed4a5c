import type { RunbookRule } from './rule';
import { formatMinutes } from '../model/duration';
import { byBudgetSpan, whose } from './helpers/budgets';

export const RB005: RunbookRule = {
  id: 'RB005',
  name: 'budget-too-long',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'Timer budget over budget.maxMinutes (15).',
  check({ model, config, report }) {
    const max = config.budget.maxMinutes;
    for (const group of byBudgetSpan(model.triggers.triggers, (t) => t.budgetMinutes !== undefined && t.budgetMinutes > max)) {
      const t = group[0];
      if (t.budgetMinutes === undefined || !t.budgetSpan) continue;
      report({
        span: t.budgetSpan,
        message: `Timer budget ${formatMinutes(t.budgetMinutes)}${group.length > 1 ? ` (for ${whose(group)})` : ''} is over ${formatMinutes(max)}: the rollback path has a gap worth fixing. Find the slow step in a rehearsal and fix it, then write the real time.`,
        data: { trigger: t.name, minutes: t.budgetMinutes },
      });
    }
  },
};
