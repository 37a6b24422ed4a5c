import * as path from 'node:path';
import type { ReceiptRule } from './rule';

export const RR003: ReceiptRule = {
  id: 'RR003',
  name: 'receipt-filename',
  severity: 'warning',
  appliesTo: 'receipt',
  fixable: false,
  description: 'The receipt file is not named NNN.md.',
  check({ model, workspace, report }) {
    const name = path.basename(model.path);
    if (/^\d{3,}\.md$/i.test(name)) return;
    const taken = workspace.siblings(model).filter((s) => s !== model).map((s) => s.fileNumber).filter((n): n is number => n !== undefined && Number.isFinite(n));
    const r = model.frontMatter?.fields.get('rehearsal')?.value;
    const wanted = typeof r === 'number' && Number.isInteger(r) && r > 0 && !taken.includes(r) ? r : (taken.length ? Math.max(...taken) : 0) + 1;
    const suggestion = `${String(wanted).padStart(3, '0')}.md`;
    report({
      span: model.anchor,
      message: `Receipt file "${name}" is not named NNN.md (three or more digits: 001.md, 002.md, ...): rename it to ${suggestion} so rehearsals sort and number in order.`,
      data: { suggestion },
    });
  },
};
