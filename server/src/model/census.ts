// The side-effect census: every endpoint with a user-visible side effect and the
// compensating action that undoes what a rollback cannot.
import type { Root } from 'mdast';
import { NodeMemo, spanOf, walk, type Nodes } from './markdown';
import { columnIndex, headerColumn, headerOf, parseTable, type ParsedTable, type Row } from './table';
import { contentOf, isCensusTitle, type Section } from './sections';
import type { Span } from './types';

export interface CensusRow {
  endpoint: string;
  endpointSpan: Span;
  effect: string;
  effectSpan: Span;
  compensation: string;
  compensationSpan: Span;
  /** Between the pipes of the compensation cell: what a fix replaces. */
  compensationInterior: Span;
  row: Row;
}

export interface Census {
  section?: Section;
  table: ParsedTable;
  endpointCol: number;
  effectCol: number;
  compensationCol: number;
  rows: CensusRow[];
}

export interface EndpointMention {
  method: string;
  path: string;
  /** "METHOD /path" as written. */
  span: Span;
  /** The side effect words found beside it. */
  effect: string;
}

const ENDPOINT_COL = /endpoint|route|api|operation|action|path|url|call/;
const EFFECT_COL = /side[\s-]?effect|effect|what happens|impact|external/;
const COMPENSATION_COL = /compensat|undo|remed|revers|correct|mitigat|recovery/;
const EFFECT_WORDS = /\b(e-?mails?|webhooks?|payments?|charge[sd]?|charging|refunds?|sms|text messages?|notifications?|push|invoices?|slack|messages?|orders?|shipments?|third[- ]party)\b/i;
const ENDPOINT = /\b(POST|PUT|PATCH|DELETE)\s+(\/[\w\-./{}:]*)/g;

function censusOfTable(text: string, table: ParsedTable, section?: Section): Census | undefined {
  const compensationCol = columnIndex(table, COMPENSATION_COL);
  if (compensationCol < 0) return undefined;
  const endpointCol = columnIndex(table, ENDPOINT_COL, [compensationCol]);
  const effectCol = columnIndex(table, EFFECT_COL, [compensationCol, endpointCol]);
  const rows: CensusRow[] = [];
  for (const row of table.rows) {
    const at = (i: number) => (i >= 0 ? row.cells[i] : undefined);
    const endpoint = at(endpointCol) ?? row.cells[0];
    const effect = at(effectCol);
    const comp = at(compensationCol);
    const end = row.span.end;
    rows.push({
      endpoint: endpoint?.text ?? '',
      endpointSpan: endpoint?.span ?? row.span,
      effect: effect?.text ?? '',
      effectSpan: effect?.span ?? row.span,
      compensation: comp?.text ?? '',
      compensationSpan: comp?.span ?? { start: end, end },
      compensationInterior: comp?.interior ?? { start: end, end },
      row,
    });
  }
  return { section, table, endpointCol, effectCol, compensationCol, rows };
}

export function extractCensus(root: Root, text: string, sections: Section[]): { census?: Census; announced?: Section } {
  let announced: Section | undefined;
  for (const s of sections) {
    if (!isCensusTitle(s.title)) continue;
    announced ??= s;
    for (const n of contentOf(s)) {
      if (n.type !== 'table' || headerColumn(n, COMPENSATION_COL) < 0) continue;
      const c = censusOfTable(text, parseTable(text, n), s);
      if (c) return { census: c, announced: s };
    }
  }
  // A table with a compensating-action column counts wherever it stands.
  let found: Census | undefined;
  walk(root, (n) => {
    if (found) return false;
    if (n.type === 'table') {
      if (headerOf(n).some((h) => /compensat/i.test(h))) found = censusOfTable(text, parseTable(text, n));
      return false;
    }
    return undefined;
  });
  return { census: found, announced };
}

/** Lines and sentences of a block, with their offsets inside it: a side effect counts only beside its endpoint. */
function segments(block: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const BREAK = /\r\n|\r|\n|[.!?;](?=\s)/g;
  let from = 0;
  for (let m = BREAK.exec(block); m; m = BREAK.exec(block)) {
    out.push({ text: block.slice(from, m.index), offset: from });
    from = m.index + m[0].length;
  }
  out.push({ text: block.slice(from), offset: from });
  return out;
}

const mentions = new NodeMemo<EndpointMention>();

/** "POST /api/orders" mentioned beside a side-effect word (same line or sentence), outside the census table. */
export function endpointMentions(root: Root, text: string, census?: Census): EndpointMention[] {
  const out: EndpointMention[] = [];
  const skip = census?.table.span;
  for (const top of root.children) {
    const s = spanOf(top);
    // The node that holds the census table is read afresh: what it yields depends on where the table is.
    const holdsCensus = skip && s.start <= skip.start && s.end >= skip.end;
    out.push(...(holdsCensus ? mentionsIn(top, text, skip) : mentions.of(top, () => mentionsIn(top, text))));
  }
  return out;
}

function mentionsIn(top: Nodes, text: string, skip?: Span): EndpointMention[] {
  const out: EndpointMention[] = [];
  walk(top, (n: Nodes) => {
    const s = spanOf(n);
    if (skip && s.start >= skip.start && s.end <= skip.end) return false;
    if (n.type === 'code' || n.type === 'html' || n.type === 'yaml') return false;
    if (n.type === 'paragraph' || n.type === 'tableRow' || n.type === 'heading') {
      const block = text.slice(s.start, s.end);
      const parts = n.type === 'tableRow' ? [{ text: block, offset: 0 }] : segments(block);
      for (const part of parts) {
        ENDPOINT.lastIndex = 0;
        if (!ENDPOINT.test(part.text)) continue;
        // The side effect must be said beside the endpoint, not read from its path
        // ("POST /api/orders" alone is not a mention of a side effect).
        ENDPOINT.lastIndex = 0;
        const effect = EFFECT_WORDS.exec(part.text.replace(ENDPOINT, ' '));
        if (!effect) continue;
        ENDPOINT.lastIndex = 0;
        for (let m = ENDPOINT.exec(part.text); m; m = ENDPOINT.exec(part.text)) {
          const path = m[2].replace(/(?<![.:,;])[.:,;]+$/, '');
          const start = s.start + part.offset + m.index;
          out.push({ method: m[1], path, span: { start, end: start + m[1].length + (m[0].length - m[1].length - m[2].length) + path.length }, effect: effect[1].toLowerCase() });
        }
      }
      return false;
    }
    return undefined;
  });
  return out;
}

/** Path parameters written any way ({id}, :id, <id>) compare equal. */
function normalizePath(p: string): string {
  return p
    .replace(/(?<![.,;:)])[.,;:)]+$/, '')
    .replace(/\{[^{}/]*\}|<[^<>/]*>|:[A-Za-z_]\w*/g, ':param')
    .replace(/(?<!\/)\/+$/, '')
    .toLowerCase();
}

export function normalizeEndpoint(s: string): string {
  const m = /\b(GET|POST|PUT|PATCH|DELETE)\s+(\/\S*)/i.exec(s.replace(/`/g, ''));
  return m ? `${m[1].toUpperCase()} ${normalizePath(m[2])}` : s.trim().toLowerCase();
}

/** Whether a census row declares this endpoint: same method and path, or the path alone when the row names no method. */
export function censusDeclares(census: Census, method: string, path: string): boolean {
  const key = normalizeEndpoint(`${method} ${path}`);
  const bare = normalizePath(path);
  for (const row of census.rows) {
    const cell = row.endpoint.replace(/`/g, '');
    const named = [...cell.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\s+(\/[\w\-./{}:<>]*)/gi)];
    if (named.some((m) => `${m[1].toUpperCase()} ${normalizePath(m[2])}` === key)) return true;
    if (named.length) continue;
    const paths = cell.match(/\/[\w\-./{}:<>]*/g) ?? [];
    if (paths.some((p) => normalizePath(p) === bare)) return true;
  }
  return false;
}

/** A suggested compensating action for a side effect, when one is obvious. */
export function suggestCompensation(effect: string): string | undefined {
  const e = effect.toLowerCase();
  if (/e-?mail|mail/.test(e)) return 'send a correction email to affected users';
  if (/refund/.test(e)) return 'reverse the refund or contact the customer';
  if (/payment|charge|card/.test(e)) return 'void or refund the charge';
  if (/webhook/.test(e)) return 'send a compensating webhook event to each receiver';
  if (/sms|text message/.test(e)) return 'send a correction SMS';
  if (/notification|push/.test(e)) return 'send a correction notification';
  if (/order/.test(e)) return 'cancel the affected orders and notify the customers';
  if (/invoice/.test(e)) return 'void the invoice and issue a corrected one';
  return undefined;
}

const PLACEHOLDER = /^(?:|-+|—|–|\?+|tbd|tba|todo|n\/?a|none|fixme|xxx|\.\.\.|…|<[^>]*>|\{[^}]*\}|\[[^\]]*\]|same|see above|unknown|later)$/i;

export function isPlaceholder(s: string): boolean {
  return PLACEHOLDER.test(s.replace(/[*_`]/g, '').trim()) || /^(?:tbd|todo|fixme)\b/i.test(s.trim());
}
