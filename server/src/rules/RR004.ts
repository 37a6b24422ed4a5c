import type { ReceiptRule } from '../engine/rule';
import type { ReceiptModel } from '../engine/receipt';
import { field } from './receiptUtil';

/** The rehearsal number a receipt claims: its `rehearsal:` key, else its file number. */
function numberOf(r: ReceiptModel): number | undefined {
  const v = r.frontMatter?.fields.get('rehearsal')?.value;
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  return r.fileNumber;
}

export const RR004: ReceiptRule = {
  id: 'RR004',
  name: 'receipt-numbering',
  severity: 'error',
  appliesTo: 'receipt',
  fixable: false,
  description: '`rehearsal:` differs from the file number; duplicate or missing numbers in the folder.',
  check({ model, workspace, report }) {
    const f = field(model, 'rehearsal');
    const v = f?.value;
    const own = typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
    const at = f?.valueSpan ?? model.anchor;
    if (own !== undefined && model.fileNumber !== undefined && own !== model.fileNumber) {
      report({
        span: f!.valueSpan,
        message: `rehearsal is ${own} but the file is ${String(model.fileNumber).padStart(3, '0')}.md: make them the same (set rehearsal: ${model.fileNumber}, or rename the file).`,
      });
      return; // the folder checks would only repeat the same mistake
    }
    const n = numberOf(model);
    if (n === undefined || n > 1e6) return;
    const numbers = workspace
      .siblings(model)
      .map(numberOf)
      .filter((x): x is number => x !== undefined && x <= 1e6);
    const same = numbers.filter((x) => x === n).length;
    if (same > 1) {
      report({
        span: at,
        severity: 'warning',
        message: `Rehearsal number ${n} is used by ${same} receipts in this folder: give each rehearsal its own number (the next free one is ${Math.max(...numbers) + 1}).`,
      });
    }
    // Report a gap once, on the receipt just after it.
    const below = numbers.filter((x) => x < n);
    const prev = below.length ? Math.max(...below) : 0;
    if (n - prev > 1) {
      const one = prev + 1 === n - 1;
      const missing = one ? `${prev + 1}` : `${prev + 1}-${n - 1}`;
      report({
        span: at,
        severity: 'warning',
        message: `Rehearsal number${one ? '' : 's'} ${missing} ${one ? 'is' : 'are'} missing before ${n} in this folder: restore the missing receipt${one ? '' : 's'} (a rehearsal that went badly is still a receipt), or renumber.`,
      });
    }
  },
};
