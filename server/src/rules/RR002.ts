import type { ReceiptRule } from './rule';
import { receiptText } from '../model/scaffold';
import { yamlScalar, type ReceiptModel } from '../model/receipt';
import { readDrillFacts, type DrillFacts } from '../model/drillReport';
import { receiptRequired } from '../model/schema';
import { toConfirm } from '../model/text';
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

/** Text beyond a title: a report someone wrote, not a file just created. */
function hasProse(model: ReceiptModel): boolean {
  for (let i = 0, n = 0; i < model.lines.lineCount && n < 2; i++) {
    const line = model.text.slice(model.lines.lineStart(i), model.lines.lineEnd(i)).trim();
    if (line && !/^#{1,6}(?:\s|$)/.test(line)) return true;
    if (line) n++;
  }
  return false;
}

/** The contract's keys the text gives a value for, as written into the front matter. */
function readValues(facts: DrillFacts): Record<string, string> {
  const read: Record<string, string> = {};
  if (facts.date) read.date = facts.date.value;
  if (facts.totalMinutes) read.total_minutes = String(facts.totalMinutes.value);
  if (facts.receipt) read.receipt = facts.receipt.value;
  return read;
}

/** Every key of the contract: a value read from the text marked to confirm, or empty for RR001 to report until someone writes it. */
function conversion(number: number, read: Record<string, string>, eol: string): string {
  const keys = ['rehearsal', ...receiptRequired.filter((k) => k !== 'rehearsal'), 'witness'];
  const lines = keys.map((k) => (k === 'rehearsal' ? `rehearsal: ${number}` : k in read ? `${k}: ${yamlScalar(toConfirm(read[k]))}` : `${k}:`));
  return ['---', ...lines, '---', ''].join(eol);
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
    // A drill report written as prose: front matter with what its text says, each value to confirm, the rest empty.
    if (hasProse(model)) {
      const facts = readDrillFacts(model);
      const read = readValues(facts);
      const missing = receiptRequired.filter((k) => k !== 'rehearsal' && !(k in read));
      const said = Object.entries(read).map(([k, v]) => `${k} ${v}`);
      report({
        span: model.anchor,
        message: `This drill report has no front matter, so it is not a receipt yet: ${said.length ? `the text gives ${said.join(', ')}; ` : ''}it does not say ${missing.join(', ')}. Add the YAML block with those keys so the rehearsal can be checked.`,
        fix: {
          title: 'Convert the report into a receipt: front matter with what its text says (to confirm)',
          statesFact: true,
          edits: [{ start: bom, end: bom, newText: conversion(model.fileNumber ?? 1, read, eol) }],
        },
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
