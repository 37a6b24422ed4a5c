import type { ReceiptRule } from './rule';
import { field, numberField } from './helpers/receiptUtil';
import { budgetOf, rehearsedTrigger } from '../model/rehearsals';

export const RR011: ReceiptRule = {
  id: 'RR011',
  name: 'over-budget',
  severity: 'warning',
  appliesTo: 'receipt',
  fixable: false,
  description: "The rehearsal took longer than the trigger's budget.",
  check({ model, workspace, report }) {
    const total = numberField(model, 'total_minutes');
    if (total === undefined) return;
    const hit = rehearsedTrigger(model, workspace.runbooksFor(model));
    const b = budgetOf(model, hit?.trigger);
    if (!b || total <= b.minutes) return;
    const budget = b.minutes;
    const where = b.fromRunbook ? `the runbook's ${budget} min budget for "${hit!.trigger.name}"` : `the ${budget} min budget_minutes`;
    report({
      span: field(model, 'total_minutes')!.valueSpan,
      message: `This rehearsal took ${total} min, over ${where}: keep the real number, and fix the gap in the rollback path (then rehearse again).`,
      data: { budget, total },
    });
  },
};
