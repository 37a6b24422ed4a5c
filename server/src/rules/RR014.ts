import type { ReceiptRule } from './rule';
import { placeholderIn } from './helpers/receiptUtil';

export const RR014: ReceiptRule = {
  id: 'RR014',
  name: 'compensation-not-recorded',
  severity: 'information',
  appliesTo: 'receipt',
  fixable: false,
  description: 'The runbook declares side effects; the receipt records no compensating action.',
  check({ model, workspace, report }) {
    const rows = workspace.runbooksFor(model).flatMap((r) => r.census?.rows ?? []);
    if (!rows.length) return;
    const body = (model.compensating?.body ?? '').replace(/[-*+]\s+|\[[ xX]\]/g, ' ').trim() ?? '';
    const recorded = body !== '' && !(placeholderIn(body) && body.replace(/<[^<>]*>|\bTBD\b|\bTODO\b|\bFIXME\b|\bXXX+\b/g, '').replace(/[\s.:;,-]+/g, '') === '');
    if (recorded) return;
    report({
      span: model.compensating?.section.span ?? model.anchor,
      message: model.compensating
        ? `The "Compensating actions" section is empty, but the runbook declares ${rows.length} side-effecting endpoint${rows.length === 1 ? '' : 's'}: write what was compensated (void, refund, correction email), or "none needed" and why.`
        : `The runbook declares ${rows.length} side-effecting endpoint${rows.length === 1 ? '' : 's'}, but this receipt has no "Compensating actions" section: add one saying what was compensated, or "none needed" and why; rollback does not unsend a webhook.`,
    });
  },
};
