import type { ReceiptRule } from './rule';
import { placeholderIn } from './helpers/receiptUtil';
import { isCommentLine } from '../model/text';
import { isInlineCommand } from '../model/rollback';

/** A line someone could have typed: not blank, not a comment, not a template placeholder. */
const realLine = (l: string) => {
  const t = l.trim();
  return t !== '' && !isCommentLine(t) && !placeholderIn(t) && !/^\.{3}$|^…$/.test(t);
};

export const RR009: ReceiptRule = {
  id: 'RR009',
  name: 'no-commands',
  severity: 'error',
  appliesTo: 'receipt',
  fixable: false,
  description: 'No commands actually run.',
  check({ model, report }) {
    const s = model.commands;
    const found = s?.code ?? model.bodyCode ?? { block: [], inline: [] };
    const lines = (c: string) => c.split(/\r\n|\r|\n/);
    const real = s
      ? found.block.some((c) => lines(c).some(realLine)) ||
        // `gh workflow run deploy.yml -f image_tag=v1.2.2` written inline still records a command.
        found.inline.some((c) => realLine(c) && /\S\s+\S|\//.test(c.trim()))
      : // A drill report written as prose: its code anywhere, but a block with a placeholder is the
        // procedure to follow (`<commit-sha>`, YYYYMMDD), and a path or a name inline is no command.
        found.block.some((c) => lines(c).some(realLine) && !lines(c).some((l) => placeholderIn(l))) ||
        found.inline.some((c) => realLine(c) && isInlineCommand(c.trim()) && /\S\s+\S/.test(c.trim()));
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
