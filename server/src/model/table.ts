// GFM tables with exact cell ranges: the remark cell span includes the pipes, a rule
// wants the content (or, for an empty cell, the room between the pipes).
import type { Table, TableCell } from 'mdast';
import { plainText, spanOf } from './markdown';
import type { Span } from './types';
import { derivedFrom } from './text';

export interface Cell {
  text: string;
  /** Content span, trimmed. Zero-width inside the pipes when the cell is empty. */
  span: Span;
  /** Between the pipes, untrimmed: what a fix replaces. */
  interior: Span;
}

export interface Row {
  cells: Cell[];
  span: Span;
}

export interface ParsedTable {
  node: Table;
  span: Span;
  header: Row;
  rows: Row[];
}

function cellOf(text: string, node: TableCell): Cell {
  const outer = spanOf(node);
  let start = outer.start;
  let end = outer.end;
  if (text[start] === '|') start++;
  if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
  const interior = { start, end };
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  // An empty cell: point at the room between the pipes.
  if (s === e) return { text: plainText(node).trim(), span: interior.end > interior.start ? interior : { start, end: start }, interior };
  return { text: plainText(node).trim(), span: { start: s, end: e }, interior };
}

/**
 * Each table node's cells, read once: a node an edit did not touch comes back with the same
 * content, moved, so its cells are moved with it instead of read again (a 20,000-line
 * runbook holds hundreds of tables, and every edit looks at all of them).
 */
const parsedTables = new WeakMap<Table, ParsedTable>();

export function parseTable(text: string, node: Table): ParsedTable {
  const known = parsedTables.get(node);
  if (known) {
    const delta = spanOf(node).start - known.span.start;
    if (delta === 0) return known;
    const moved = shiftTable(known, delta);
    parsedTables.set(node, moved);
    return moved;
  }
  const [head, ...body] = node.children;
  const rowOf = (r: (typeof node.children)[number]): Row => ({
    cells: r.children.map((c) => cellOf(text, c)),
    span: spanOf(r),
  });
  const table = { node, span: spanOf(node), header: rowOf(head), rows: body.map(rowOf) };
  parsedTables.set(node, table);
  return table;
}

const shifted = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

function shiftTable(t: ParsedTable, d: number): ParsedTable {
  const row = (r: Row): Row => ({ span: shifted(r.span, d), cells: r.cells.map((c) => ({ text: c.text, span: shifted(c.span, d), interior: shifted(c.interior, d) })) });
  return { node: t.node, span: shifted(t.span, d), header: row(t.header), rows: t.rows.map(row) };
}

/**
 * The header cells' text, read without parsing the table's rows or placing a span: whether
 * a table is the one a reader wants (triggers, census, a drill log) is a question about its
 * header, asked of every table on every edit.
 */
export const headerOf: (node: Table) => string[] = derivedFrom((node: Table) => (node.children[0]?.children ?? []).map((c) => plainText(c).trim()));

/** Index of the first header cell of a table node matching the pattern (lower case), or -1. */
export function headerColumn(node: Table, pattern: { test(text: string): boolean }, exclude: number[] = []): number {
  return headerOf(node).findIndex((t, i) => !exclude.includes(i) && pattern.test(t.toLowerCase()));
}

/** Index of the first header cell matching the pattern, or -1. */
export function columnIndex(table: ParsedTable, pattern: { test(text: string): boolean }, exclude: number[] = []): number {
  return table.header.cells.findIndex((c, i) => !exclude.includes(i) && pattern.test(c.text.toLowerCase()));
}

