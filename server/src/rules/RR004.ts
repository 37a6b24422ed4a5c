import type { ReceiptRule } from './rule';
import type { ReceiptModel } from '../model/receipt';
import { field } from './helpers/receiptUtil';
import { derivedFrom } from '../model/text';

/** The rehearsal number a receipt claims: its `rehearsal:` key, else its file number. */
function numberOf(r: ReceiptModel): number | undefined {
  const v = r.frontMatter?.fields.get('rehearsal')?.value;
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  return r.fileNumber;
}

/** The numbers a folder's receipts claim: how often each, and the distinct ones in order. */
const numbering = derivedFrom((siblings: ReceiptModel[]) => {
  const count = new Map<number, number>();
  for (const r of siblings) {
    const x = numberOf(r);
    if (x !== undefined && x <= 1e6) count.set(x, (count.get(x) ?? 0) + 1);
  }
  return { count, sorted: [...count.keys()].sort((a, b) => a - b) };
});

/** The largest of `sorted` under `n`, else 0. */
function below(sorted: number[], n: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < n) lo = mid + 1;
    else hi = mid;
  }
  return lo ? sorted[lo - 1] : 0;
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
    const folder = numbering(workspace.siblings(model));
    const same = folder.count.get(n) ?? 0;
    if (same > 1) {
      report({
        span: at,
        severity: 'warning',
        message: `Rehearsal number ${n} is used by ${same} receipts in this folder: give each rehearsal its own number (the next free one is ${folder.sorted[folder.sorted.length - 1] + 1}).`,
      });
    }
    // Report a gap once, on the receipt just after it.
    const prev = below(folder.sorted, n);
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
