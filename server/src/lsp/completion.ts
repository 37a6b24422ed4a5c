// Completion in a receipt's front matter: keys from the schema (not yet present),
// enum values, trigger names from the runbook, today's date.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import type { Project } from '../engine/project';
import type { ReceiptModel } from '../model/receipt';
import { receiptProperties, receiptRequired } from '../model/schema';
import { yamlScalar } from '../model/receipt';

const LEVELS: Record<number, string> = { 1: 'flag off', 2: 'deploy rollback', 3: 'migration rollback', 4: 'data correction' };


/** Is the offset inside the front matter content (or on the closing fence's line start)? */
function inFrontMatter(model: ReceiptModel, offset: number): boolean {
  const fm = model.frontMatter;
  if (!fm) return false;
  return offset >= fm.content.start && offset <= fm.content.end;
}

export function completions(project: Project, model: ReceiptModel, pos: Position, today: string): CompletionItem[] {
  const offset = model.lines.offset(pos);
  if (!inFrontMatter(model, offset)) return [];
  const line = model.lines.lineText(pos.line);
  const before = line.slice(0, pos.character);
  const fields = model.frontMatter!.fields;

  const keyTyping = /^([A-Za-z_]*)$/.exec(before);
  if (keyTyping) {
    const present = new Set(fields.keys());
    const lineKey = /^([A-Za-z_]+)\s*:/.exec(line)?.[1];
    return Object.entries(receiptProperties)
      .filter(([k]) => !present.has(k) || k === lineKey)
      .map(([k, p], i) => ({
        label: k,
        kind: CompletionItemKind.Property,
        detail: receiptRequired.includes(k) ? 'required' : 'optional',
        documentation: p.description ? { kind: MarkupKind.Markdown, value: p.description } : undefined,
        sortText: `${receiptRequired.includes(k) ? 0 : 1}${String(i).padStart(2, '0')}`,
        textEdit: lineKey
          ? { range: { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: line.indexOf(':') } }, newText: k }
          : { range: { start: { line: pos.line, character: 0 }, end: pos }, newText: `${k}: ` },
      }));
  }

  const valueTyping = /^([A-Za-z_]+)\s*:\s*/.exec(before);
  if (!valueTyping) return [];
  const key = valueTyping[1];
  const range = { start: { line: pos.line, character: valueTyping[0].length }, end: { line: pos.line, character: Math.max(pos.character, line.replace(/\s+#.*$/, '').trimEnd().length) } };
  const item = (label: string, newText: string, kind: CompletionItemKind, documentation?: string, detail?: string): CompletionItem => ({
    label,
    kind,
    detail,
    documentation,
    textEdit: { range, newText },
    insertTextFormat: InsertTextFormat.PlainText,
    filterText: label,
  });

  const prop = receiptProperties[key];
  if (key === 'trigger') {
    const out: CompletionItem[] = [];
    const seen = new Set<string>();
    for (const rb of project.runbooksFor(model)) {
      for (const t of rb.triggers.triggers) {
        if (seen.has(t.name)) continue;
        seen.add(t.name);
        out.push(item(t.name, yamlScalar(t.name), CompletionItemKind.EnumMember, t.observed ? `Observed: ${t.observed}` : undefined, t.budgetText ? `budget ${t.budgetText}` : undefined));
      }
    }
    return out;
  }
  if (key === 'date') return [item(today, today, CompletionItemKind.Value, 'Today')];
  if (key === 'observed_at' || key === 'recovered_at') {
    const d = typeof fields.get('date')?.value === 'string' ? (fields.get('date')!.value as string) : today;
    return [item(`${d}T`, `${d}T`, CompletionItemKind.Value, 'The rehearsal day; add HH:MM')];
  }
  if (key === 'rollback_level') return [1, 2, 3, 4].map((n) => item(String(n), String(n), CompletionItemKind.EnumMember, LEVELS[n], LEVELS[n]));
  if (prop?.enum) {
    return prop.enum.map((v) => {
      const c = item(String(v), String(v), CompletionItemKind.EnumMember, prop.description);
      if (v === prop.default) c.preselect = true;
      return c;
    });
  }
  return [];
}
