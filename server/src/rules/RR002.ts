import type { ReceiptRule } from './rule';
import { receiptText } from '../model/scaffold';
import type { ReceiptModel } from '../model/receipt';
import type { Span } from '../model/types';

/** A front matter that opens with `---` but never closes: where a closing fence would go, if a heading follows. */
function unclosed(model: ReceiptModel, bom: number): { opening: Span; closeAt?: number } | undefined {
  const { lines, text } = model;
  if (!text.startsWith('---', bom) || text.slice(bom, lines.lineEnd(0)).trim() !== '---') return undefined;
  for (let i = 1; i < lines.lineCount; i++) {
    const line = text.slice(lines.lineStart(i), lines.lineEnd(i));
    if (/^#{1,6}(?:\s|$)/.test(line)) return { opening: { start: bom, end: lines.lineEnd(0) }, closeAt: lines.lineStart(i) };
  }
  return { opening: { start: bom, end: lines.lineEnd(0) } };
}

export const RR002: ReceiptRule = {
  id: 'RR002',
  name: 'receipt-no-front-matter',
  severity: 'error',
  appliesTo: 'receipt',
  fixable: true,
  description: 'The receipt has no front matter at all.',
  check({ model, today, report }) {
    if (model.frontMatter) return;
    const eol = model.lines.eol();
    const bom = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const open = unclosed(model, bom);
    if (open) {
      report({
        span: open.opening,
        message: 'The front matter opened here is never closed: add a "---" line after the last key so the receipt can be read.',
        fix: open.closeAt !== undefined ? { title: 'Close the front matter before the first heading', edits: [{ start: open.closeAt, end: open.closeAt, newText: `---${eol}` }] } : undefined,
      });
      return;
    }
    const skeleton = receiptText({ number: model.fileNumber ?? 1, date: today, trigger: 'TODO: trigger from the runbook' }, eol);
    const cut = skeleton.indexOf(`${eol}---${eol}`);
    const frontMatter = cut < 0 ? '' : skeleton.slice(0, cut + eol.length + 3 + eol.length);
    report({
      span: model.anchor,
      message: 'This receipt has no front matter: add the YAML block (rehearsal, date, environment, trigger, path, observed_at, recovered_at, total_minutes, receipt, witness, rollback_level) so the rehearsal can be checked.',
      fix: frontMatter ? { title: 'Insert a front matter skeleton', edits: [{ start: bom, end: bom, newText: frontMatter }] } : undefined,
    });
  },
};
