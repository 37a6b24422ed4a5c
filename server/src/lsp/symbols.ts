// Document outline: what the editor's Markdown support cannot show (VS Code lists every
// heading already, issue 12): triggers, rollback paths and census rows, nested under the
// sections that hold them (and only those); a receipt's front matter keys.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { RunbookModel } from '../model/runbook';
import type { ReceiptModel } from '../model/receipt';
import type { Span } from '../model/types';
import { rangeOf } from './diagnostics';

interface Node {
  symbol: DocumentSymbol;
  span: Span;
  depth: number;
  children: Node[];
}

function clip(s: string, n = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t || '(empty)';
}

export function documentSymbols(model: RunbookModel | ReceiptModel): DocumentSymbol[] {
  const lines = model.lines;
  const len = model.text.length;
  const sym = (name: string, kind: SymbolKind, span: Span, sel: Span, detail?: string): DocumentSymbol => ({
    name: clip(name),
    detail,
    kind,
    range: rangeOf(lines, span),
    selectionRange: rangeOf(lines, { start: Math.max(span.start, Math.min(sel.start, span.end)), end: Math.max(span.start, Math.min(sel.end, span.end)) }),
    children: [],
  });

  // Sections: a heading runs to the next heading of the same or a higher level.
  const roots: Node[] = [];
  const all: Node[] = [];
  const stack: Node[] = [];
  const secs = model.sections;
  for (let i = 0; i < secs.length; i++) {
    const s = secs[i];
    let end = len;
    for (let j = i + 1; j < secs.length; j++) {
      if (secs[j].depth <= s.depth) {
        end = secs[j].span.start;
        break;
      }
    }
    const span = { start: s.span.start, end: Math.max(s.span.end, end) };
    const text = headingWords(model.text.slice(s.span.start, s.span.end));
    const node: Node = { symbol: sym(text || s.title, SymbolKind.Namespace, span, s.span), span, depth: s.depth, children: [] };
    while (stack.length && stack[stack.length - 1].depth >= s.depth) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
    all.push(node);
  }

  const place = (item: DocumentSymbol, span: Span) => {
    let best: Node | undefined;
    for (const n of all) if (n.span.start <= span.start && span.end <= n.span.end && (!best || n.span.start >= best.span.start)) best = n;
    const leaf: Node = { symbol: item, span, depth: 99, children: [] };
    (best ? best.children : roots).push(leaf);
  };

  if (model.kind === 'runbook') {
    for (const t of model.triggers.triggers) place(sym(t.name, SymbolKind.Event, t.span, t.nameSpan, t.budgetText ? `budget ${t.budgetText}` : 'no budget'), t.span);
    for (const p of model.rollback.paths) place(sym(p.label ? `${p.label}` : `${p.kind} path`, SymbolKind.Function, p.span, p.labelSpan, `${p.primary ? 'primary · ' : ''}${p.kind}`), p.span);
    for (const r of model.census?.rows ?? []) place(sym(r.endpoint, SymbolKind.Field, r.row.span, r.endpointSpan, r.effect), r.row.span);
  } else if (model.frontMatter) {
    const fm = model.frontMatter;
    const fmSym = sym('Front matter', SymbolKind.Object, fm.span, fm.span);
    const fmNode: Node = { symbol: fmSym, span: fm.span, depth: 0, children: [] };
    for (const f of fm.fields.values()) {
      const span = { start: f.keySpan.start, end: Math.max(f.keySpan.end, f.valueSpan.end) };
      fmNode.children.push({ symbol: sym(f.key, SymbolKind.Property, span, f.keySpan, clip(f.source ?? '', 60)), span, depth: 99, children: [] });
    }
    roots.unshift(fmNode);
  }

  // A section is kept only as the home of something of ours: the headings alone are the Markdown support's.
  const holds = (n: Node): boolean => n.depth === 99 || n.depth === 0 || n.children.some(holds);
  const build = (n: Node): DocumentSymbol => {
    n.children.sort((a, b) => a.span.start - b.span.start);
    return { ...n.symbol, children: n.children.filter(holds).map(build) };
  };
  return roots
    .filter(holds)
    .sort((a, b) => a.span.start - b.span.start)
    .map(build);
}

/** An ATX heading's words: without the opening hashes and a closing sequence, read by index (a regex pair of space runs is quadratic on a long heading). */
function headingWords(heading: string): string {
  const t = heading.replace(/^#+\s*/, '').trimEnd();
  let end = t.length;
  while (end > 0 && t.charCodeAt(end - 1) === 35) end--;
  return t.slice(0, end).trimEnd();
}
