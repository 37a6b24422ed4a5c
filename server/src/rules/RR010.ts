import type { ReceiptRule } from './rule';
import { gapsWritten } from '../model/rehearsals';

export const RR010: ReceiptRule = {
  id: 'RR010',
  name: 'no-gaps-section',
  severity: 'warning',
  appliesTo: 'receipt',
  fixable: true,
  description: 'No "Gaps discovered" section.',
  check({ model, report }) {
    if (gapsWritten(model)) return;
    const eol = model.lines.eol();
    const end = model.text.length;
    const lead = end === 0 ? '' : /(\r?\n|\r){2}$/.test(model.text) ? '' : /(\r?\n|\r)$/.test(model.text) ? eol : eol + eol;
    report({
      span: model.anchor,
      message: 'No "Gaps discovered" section: every rehearsal surfaces something (an unversioned tag, a manual console change); write it down, or write "none" if nothing did.',
      // The heading only: what the rehearsal surfaced is for a person to write, never "none" on their behalf.
      fix: { title: 'Add a "Gaps discovered" section', edits: [{ start: end, end, newText: `${lead}## Gaps discovered${eol}` }] },
    });
  },
};
