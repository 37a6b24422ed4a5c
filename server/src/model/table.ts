// GFM tables with exact cell ranges: the remark cell span includes the pipes, a rule
// wants the content (or, for an empty cell, the room between the pipes).
import type { Table, TableCell } from 'mdast';
import { plainText, spanOf } from './markdown';
import type { Span } from './types';

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

export function parseTable(text: string, node: Table): ParsedTable {
  const [head, ...body] = node.children;
  const rowOf = (r: (typeof node.children)[number]): Row => ({
    cells: r.children.map((c) => cellOf(text, c)),
    span: spanOf(r),
  });
  return { node, span: spanOf(node), header: rowOf(head), rows: body.map(rowOf) };
}

/** Index of the first header cell matching the pattern, or -1. */
export function columnIndex(table: ParsedTable, pattern: RegExp, exclude: number[] = []): number {
  return table.header.cells.findIndex((c, i) => !exclude.includes(i) && pattern.test(c.text.toLowerCase()));
}

