import type { ReceiptRule } from './rule';
import { parseTimestamp } from '../model/receipt';

export const RR005: ReceiptRule = {
  id: 'RR005',
  name: 'timer-mismatch',
  severity: 'error',
  appliesTo: 'receipt',
  fixable: true,
  description: 'total_minutes differs from recovered_at - observed_at.',
  check({ model, report }) {
    const fields = model.frontMatter?.fields;
    const total = fields?.get('total_minutes');
    const observed = parseTimestamp(fields?.get('observed_at')?.value);
    const recovered = parseTimestamp(fields?.get('recovered_at')?.value);
    if (!total || typeof total.value !== 'number' || observed === undefined || recovered === undefined) return;
    const computed = Math.round((recovered - observed) * 100) / 100;
    if (computed < 0 || Math.abs(computed - total.value) < 0.5) return;
    report({
      span: total.valueSpan,
      message: `total_minutes is ${total.value} but recovered_at - observed_at is ${computed} min: the timer must match the timestamps (if the real number is larger, write the larger number).`,
      fix: { title: `Set total_minutes to ${computed}`, edits: [{ ...total.valueSpan, newText: String(computed) }] },
    });
  },
};
