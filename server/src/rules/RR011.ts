import type { ReceiptRule } from '../engine/rule';
import { field, numberField, triggerOf } from './receiptUtil';

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
    const hit = triggerOf(model, workspace.runbooksFor(model));
    const fromRunbook = hit?.trigger.budgetMinutes;
    const budget = typeof fromRunbook === 'number' && Number.isFinite(fromRunbook) ? fromRunbook : numberField(model, 'budget_minutes');
    if (budget === undefined || total <= budget) return;
    const where = fromRunbook !== undefined ? `the runbook's ${budget} min budget for "${hit!.trigger.name}"` : `the ${budget} min budget_minutes`;
    report({
      span: field(model, 'total_minutes')!.valueSpan,
      message: `This rehearsal took ${total} min, over ${where}: keep the real number, and fix the gap in the rollback path (then rehearse again).`,
      data: { budget, total },
    });
  },
};
