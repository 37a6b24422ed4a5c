import type { ReceiptRule } from './rule';
import { commandCode, commandsRun } from '../model/rehearsals';

export const RR009: ReceiptRule = {
  id: 'RR009',
  name: 'no-commands',
  severity: 'error',
  appliesTo: 'receipt',
  fixable: false,
  description: 'No commands actually run.',
  check({ model, report }) {
    const s = model.commands;
    const found = commandCode(model);
    const real = commandsRun(model);
    if (real) return;
    const hasCode = found.block.length > 0 || found.inline.length > 0;
    report({
      span: s ? s.section.span : model.anchor,
      message: !s
        ? 'No "Commands run" section: add one with the commands actually typed during the rehearsal, in a fenced block; the writing is the practice.'
        : hasCode
          ? 'The "Commands run" block holds only comments or placeholders: replace them with the commands actually typed, in order.'
          : 'No commands recorded: paste the commands actually typed during the rehearsal into a fenced block (for a console rollback, the exact steps clicked); the writing is the practice.',
    });
  },
};
