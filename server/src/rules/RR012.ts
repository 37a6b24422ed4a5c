import type { ReceiptRule } from './rule';
import { field, numberField } from './helpers/receiptUtil';
import { readDrillFacts } from '../model/drillReport';

export const RR012: ReceiptRule = {
  id: 'RR012',
  name: 'suspiciously-fast',
  severity: 'information',
  appliesTo: 'receipt',
  fixable: false,
  description: 'The rehearsal took under 2 minutes.',
  check({ model, config, report }) {
    const why = 'check the clock started when the trigger was observed, or whether the rollback is automated into the blast radius without a decision.';
    const total = numberField(model, 'total_minutes');
    if (total !== undefined) {
      if (total < config.budget.minMinutes) report({ span: field(model, 'total_minutes')!.valueSpan, message: `${total} min is suspiciously fast: ${why}` });
      return;
    }
    // A drill report written as prose states its measured time in the text ("Total RTO: 89 seconds").
    const measured = model.frontMatter ? undefined : readDrillFacts(model).totalMinutes;
    if (measured && measured.value < config.budget.minMinutes) {
      report({ span: measured.span, message: `The measured time, ${measured.value} min, is suspiciously fast: ${why}` });
    }
  },
};
