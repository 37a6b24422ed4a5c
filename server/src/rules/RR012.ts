import type { ReceiptRule } from './rule';
import { field, numberField } from './helpers/receiptUtil';

export const RR012: ReceiptRule = {
  id: 'RR012',
  name: 'suspiciously-fast',
  severity: 'information',
  appliesTo: 'receipt',
  fixable: false,
  description: 'The rehearsal took under 2 minutes.',
  check({ model, config, report }) {
    const total = numberField(model, 'total_minutes');
    if (total === undefined || total >= config.budget.minMinutes) return;
    report({
      span: field(model, 'total_minutes')!.valueSpan,
      message: `${total} min is suspiciously fast: check the clock started when the trigger was observed, or whether the rollback is automated into the blast radius without a decision.`,
    });
  },
};
