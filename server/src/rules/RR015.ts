import type { ReceiptRule } from './rule';
import { derivedFrom } from '../model/text';
import type { ReceiptModel } from '../model/receipt';
import { GRADUATION, graduationStreak, isDraft, rehearsalOf } from '../model/rehearsals';

// Drafts are not rehearsals: the last three are the last three filled in.
const rehearsed = derivedFrom((siblings: ReceiptModel[]) => siblings.filter((s) => s.fileNumber !== undefined && !isDraft(s)));

export const RR015: ReceiptRule = {
  id: 'RR015',
  name: 'ready-to-graduate',
  severity: 'information',
  appliesTo: 'receipt',
  fixable: false,
  description: 'The last three rehearsals each took under 5 minutes.',
  check({ model, workspace, report }) {
    if (model.fileNumber === undefined) return;
    const numbered = rehearsed(workspace.siblings(model));
    if (numbered.length < GRADUATION.inARow || numbered[numbered.length - 1] !== model) return; // only on the latest receipt
    const last = numbered.slice(-GRADUATION.inARow).map((r) => rehearsalOf(r).minutes);
    if (graduationStreak(last) < GRADUATION.inARow) return;
    report({
      span: model.anchor,
      message: `The last three rehearsals each took under 5 minutes (${last.join(', ')} min): graduate to a game day — break something more ambiguous (a misconfigured secret, a quota breach) and watch how the triggers and runbook hold up.`,
    });
  },
};
