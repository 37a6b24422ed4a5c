import type { ReceiptRule } from './rule';
import { field, placeholderIn } from './helpers/receiptUtil';

const MESSAGE = 'No witness and no recording: name who watched the rehearsal (witness: Sam) or link a recording (recording: https://...), so the time is more than a claim.';

// "TODO: who watched" (the snippet's placeholder) names nobody.
const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '' && !placeholderIn(v);

export const RR013: ReceiptRule = {
  id: 'RR013',
  name: 'no-witness',
  severity: 'warning',
  appliesTo: 'receipt',
  fixable: false,
  description: 'Neither a witness nor a recording.',
  check({ model, report }) {
    const fm = model.frontMatter;
    if (!fm) {
      // A drill report written as prose (RR002): a witness or a recording named in its body counts.
      if (!model.witnessed) report({ span: model.anchor, message: MESSAGE });
      return;
    }
    // Unreadable front matter is RR001's.
    if (fm.errors.length || !fm.data) return;
    const w = field(model, 'witness');
    const r = field(model, 'recording');
    if (filled(w?.value) || filled(r?.value)) return;
    report({
      span: w?.valueSpan ?? r?.valueSpan ?? { start: fm.span.start, end: fm.content.start },
      message: MESSAGE,
    });
  },
};
