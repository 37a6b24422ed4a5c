// Markdown parsing: unified + remark-parse + the GFM parts rules read + remark-frontmatter.
// Every node keeps offsets into the original text, which is all the rules use.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root, Nodes, Parent, RootContent } from 'mdast';
import { countLines, rechunk, MIN_PIECE, type Chunk } from './chunks';
import { derivedFrom } from './text';
import type { Span } from './types';

/**
 * The parts of GFM the rules read: tables, task lists, strikethrough (what remark-gfm adds,
 * less two). Footnotes are left out because micromark-extension-gfm-footnote walks back over
 * every event of the paragraph at each `]` (a line of `]` took a minute, issue 6); autolink
 * literals because no rule reads links and they cost a third of the parse (issue 5).
 */
function gfmForRunbooks(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push([gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}

/**
 * Labels defined in other pieces of the document (micromark's normalized form). A reference
 * resolves only when its label is defined somewhere in the document, and a piece parsed
 * alone cannot see the rest: this construct adds them to the parser's `defined` list at the
 * first `[` or `![` of the text, before any label can end. It consumes nothing.
 */
let externalLabels: string[] = [];
const seeded = new WeakSet<object>();
const seedDefinitions = {
  name: 'runbookLintExternalDefinitions',
  add: 'before' as const,
  tokenize(this: { parser: { defined: string[] } }, _effects: unknown, _ok: unknown, nok: (code: number | null) => unknown) {
    if (externalLabels.length && !seeded.has(this.parser)) {
      seeded.add(this.parser);
      this.parser.defined.push(...externalLabels);
    }
    return nok;
  },
};
function externalDefinitions(this: Processor) {
  (this.data().micromarkExtensions ??= []).push({ text: { 33: seedDefinitions, 91: seedDefinitions } } as never);
}

const processor = unified().use(remarkParse).use(gfmForRunbooks).use(remarkFrontmatter, ['yaml']).use(externalDefinitions);

export type { Root, Nodes, Parent, RootContent };

/** Containers deeper than this on one line are read as text (issue 6: 10k `>` overflowed the stack). */
const MAX_CONTAINER_DEPTH = 40;
/** A block (lines up to a blank one) with more brackets than this is read without links: micromark's label matching is quadratic. */
const MAX_BRACKETS_PER_BLOCK = 2000;
/** A block with more unclosed comment openings than this is read with them as text (html-text is quadratic). */
const MAX_COMMENT_OPENS_PER_BLOCK = 200;
/** A block (not a table) with more runs of `*` than this is read without emphasis: micromark's delimiter pairing is quadratic. */
const MAX_STAR_RUNS_PER_BLOCK = 1000;
/** A block: lines up to a blank one. */
const BLOCK = /[^\r\n]*(?:(?:\r\n|\r|\n)(?![ \t]*(?:\r|\n|$))[^\r\n]*)*/g;

/**
 * Make pathological input parseable in bounded time and stack without moving a single
 * offset: every replacement is one UTF-16 unit for one. Real documents come out unchanged.
 */
function defuse(text: string): string {
  let out = text;
  // 1. Container prefixes (`>`, list markers) nested deeper than MAX_CONTAINER_DEPTH on a line.
  if (/(?:[>*+-][ \t]*){41}|(?:\d[.)][ \t]+){41}/.test(text)) {
    const chars = out.split('');
    let i = 0;
    while (i < chars.length) {
      let depth = 0;
      let j = i;
      for (;;) {
        while (chars[j] === ' ' || chars[j] === '\t') j++;
        let k = j;
        if (chars[j] === '>') k = j + 1;
        else if ((chars[j] === '-' || chars[j] === '*' || chars[j] === '+') && (chars[j + 1] === ' ' || chars[j + 1] === '\t')) k = j + 1;
        else {
          while (k - j < 9 && chars[k] >= '0' && chars[k] <= '9') k++;
          if (k > j && (chars[k] === '.' || chars[k] === ')') && (chars[k + 1] === ' ' || chars[k + 1] === '\t')) k++;
          else break;
        }
        if (++depth > MAX_CONTAINER_DEPTH) for (let m = j; m < k; m++) chars[m] = '\u00b7';
        j = k;
      }
      while (j < chars.length && chars[j] !== '\n' && chars[j] !== '\r') j++;
      i = j + 1;
    }
    out = chars.join('');
  }
  // 2. Indentation deeper than 128 columns (a list nested hundreds of levels by indentation)
  //    and emphasis delimiter runs longer than 32 (`*` x 20k `a` `*` x 20k nests 10k deep).
  if (/[ \t]{129}|([*_])\1{32}/.test(out)) {
    out = out
      .replace(/(^|[\r\n])([ \t]{128})([ \t]+)/g, (_, nl: string, keep: string, rest: string) => nl + keep + '\u00b7'.repeat(rest.length))
      .replace(/([*_])\1{32,}/g, (run) => run.slice(0, 32) + '\u00b7'.repeat(run.length - 32));
  }
  // 3. Blocks with thousands of brackets: links are not read there.
  let brackets = 0;
  for (let i = 0; i < out.length && brackets <= MAX_BRACKETS_PER_BLOCK; i++) if (out.charCodeAt(i) === 91 || out.charCodeAt(i) === 93) brackets++;
  if (brackets > MAX_BRACKETS_PER_BLOCK) {
    out = out.replace(BLOCK, (block) => {
      let n = 0;
      for (let i = 0; i < block.length; i++) if (block.charCodeAt(i) === 91 || block.charCodeAt(i) === 93) n++;
      return n > MAX_BRACKETS_PER_BLOCK ? block.replace(/\[/g, '\u2045').replace(/\]/g, '\u2046') : block;
    });
  }
  // 4. Blocks with hundreds of unclosed `<!--`: each one makes micromark scan to the end of the block.
  //    Judged per block, so a piece of a document is defused as the whole document would be.
  if (out.split('<!--').length - 1 > MAX_COMMENT_OPENS_PER_BLOCK) {
    out = out.replace(BLOCK, (block) => {
      const n = block.split('<!--').length - 1;
      return n > MAX_COMMENT_OPENS_PER_BLOCK && block.split('-->').length - 1 < n ? block.replace(/<!--/g, '\u2039!--') : block;
    });
  }
  // 5. Blocks with thousands of `*` runs (not tables, whose cells are read one by one): micromark
  //    pairs emphasis delimiters by scanning back over the open ones, quadratic on `*a*a*a…`
  //    (100 KB: 29 s). There the asterisks are read as text.
  if (starRuns(out) > MAX_STAR_RUNS_PER_BLOCK) {
    out = out.replace(BLOCK, (block) => (!/^[ \t]*\|/.test(block) && starRuns(block) > MAX_STAR_RUNS_PER_BLOCK ? block.replace(/\*/g, '\u2217') : block));
  }
  return out;
}

/** Runs of `*` in `s` (the last star of each), counted up to one over MAX_STAR_RUNS_PER_BLOCK. */
function starRuns(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= MAX_STAR_RUNS_PER_BLOCK; i++) if (s.charCodeAt(i) === 42 && s.charCodeAt(i + 1) !== 42) n++;
  return n;
}

const EMPTY: Root = { type: 'root', children: [] };

function parseSafely(text: string): Root {
  try {
    return processor.parse(text) as Root;
  } catch (e) {
    // Never let a parser limit take the linter down: an empty tree, and the rules report what is missing.
    if (e instanceof RangeError) return EMPTY;
    throw e;
  }
}

const HTML_TERMINATOR: [RegExp, string][] = [
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
];

/** A top-level fence or HTML block (types 1-5) that the end of its piece left open. */
function swallowsNext(text: string, last: RootContent | undefined): boolean {
  if (!last || (last.type !== 'code' && last.type !== 'html')) return false;
  const { start, end } = spanOf(last);
  const source = text.slice(start, end);
  if (last.type === 'code') {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(source);
    if (!open) return false; // indented code
    const lines = source.split(/\r\n|\r|\n/);
    const close = lines.length > 1 ? /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]) : null;
    return !(close && close[1][0] === open[1][0] && close[1].length >= open[1].length);
  }
  const raw = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i.exec(source);
  if (raw) return !source.toLowerCase().includes(`</${raw[1].toLowerCase()}>`);
  for (const [opener, terminator] of HTML_TERMINATOR) {
    const m = opener.exec(source);
    if (m) return !source.slice(m[0].length).includes(terminator);
  }
  return false;
}

/** The whole document in one parse, never cut: what the cut parse must equal (tests, benchmarks). */
export function parseWhole(text: string): Root {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = parseSafely(defuse(bom ? text.slice(1) : text));
  if (bom) for (const n of root.children) shiftInPlace(n, 1, 0);
  return root;
}

/** A piece of a parsed document: its text and the top-level nodes parsed from it. */
interface ParsedChunk extends Chunk {
  /** Offsets are into the body (the text less a BOM); `shift` is where its nodes stand now. */
  shift: number;
  nodes: RootContent[];
  /** Identifiers (normalized, upper case) of the definitions in this piece. */
  defines: string[];
  /** The labels defined elsewhere that it was parsed with, and the label set that was judged against. */
  seeded: string[];
  judged: string;
  /** Its last node is a fence or raw HTML block left open, which swallows what follows (judged when parsed). */
  open: boolean;
}

interface Pieces {
  body: string;
  pieces: ParsedChunk[];
  labels: string;
}

/** The pieces each tree was assembled from, so the next version re-parses only what changed. */
const piecesOf = new WeakMap<Root, Pieces>();

/** Moves the positions of a fresh subtree in place (nothing else holds it yet). */
function shiftInPlace(node: Nodes, offset: number, lines: number): void {
  const p = node.position;
  if (p) {
    p.start.line += lines;
    p.start.offset = (p.start.offset ?? 0) + offset;
    p.end.line += lines;
    p.end.offset = (p.end.offset ?? 0) + offset;
  }
  if ('children' in node) for (const c of node.children as Nodes[]) shiftInPlace(c, offset, lines);
}

function definitionsIn(nodes: RootContent[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    walk(n, (d) => {
      if (d.type === 'definition') out.push(d.identifier.toUpperCase());
      else if (d.type === 'paragraph' || d.type === 'heading' || d.type === 'code' || d.type === 'table') return false;
      return undefined;
    });
  }
  return out;
}

/**
 * The labels of `all` a piece may reference: those whose first word stands in its text
 * (a reference's label is in the piece's own text, whitespace aside, in any case).
 */
function candidates(piece: string, all: string[]): string[] {
  if (!all.length) return all;
  const folded = piece.toLowerCase().toUpperCase();
  return all.filter((label) => folded.includes(label.split(' ', 1)[0]));
}

/** What the parses read, for the tests that hold an edit to re-parsing only what it touched. */
export const parseCounts = { characters: 0, rows: 0 };

function parsePiece(piece: string, seeded: string[]): RootContent[] {
  parseCounts.characters += piece.length;
  externalLabels = seeded;
  try {
    return parseSafely(defuse(piece)).children;
  } finally {
    externalLabels = [];
  }
}

/**
 * Parse `text`; pass the tree of the file's previous version and only the pieces whose
 * text changed are parsed again (chunks.ts says where a document can be cut, and which
 * pieces an edit left alone; `minPiece` is its smallest piece, 0 in the tests that cut
 * everywhere they can). Link definitions are document-wide: each piece is parsed knowing
 * the labels defined elsewhere that it may use, and an unchanged piece is parsed again only
 * when a definition it may use came or went.
 *
 * The previous tree is taken over, not copied: reused nodes that moved get their positions
 * shifted in place (copying half a 2,000-line document on every keystroke cost a third of
 * the edit, issue 5). Do not use `previous` again afterwards.
 */
export function parseMarkdown(text: string, previous?: Root, minPiece = MIN_PIECE): Root {
  // micromark drops a leading BOM without counting it: parse without it and shift back.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const before = previous ? piecesOf.get(previous) : undefined;
  const oldPieces = before?.pieces ?? [];
  const { chunks, reused } = rechunk(body, before?.body ?? '', oldPieces, minPiece);
  // Pieces that moved with the edit are known by index; the others may still match by text.
  const byText = new Map<string, ParsedChunk>();
  const taken = new Set(reused);
  for (let i = 0; i < oldPieces.length; i++) if (!taken.has(i)) byText.set(before!.body.slice(oldPieces[i].start, oldPieces[i].end), oldPieces[i]);
  const guessKey = before?.labels ?? '';
  const guess = guessKey ? guessKey.split('\n') : [];
  // Typing in one old piece (which the new cut may have split): an edit inside a table row is spliced.
  const fresh = chunks.flatMap((_, i) => (reused[i] === undefined ? [i] : []));
  const dropped = oldPieces.flatMap((_, i) => (taken.has(i) ? [] : [i]));
  let spliced: { at: number; piece: ParsedChunk } | undefined;
  if (fresh.length && dropped.length === 1 && fresh[fresh.length - 1] - fresh[0] === fresh.length - 1) {
    const old = oldPieces[dropped[0]];
    const region = { start: chunks[fresh[0]].start, end: chunks[fresh[fresh.length - 1]].end, line: chunks[fresh[0]].line };
    const piece = region.end - region.start === old.end - old.start + body.length - before!.body.length ? spliceRow(before!.body, body, old, region, bom, guess) : undefined;
    if (piece) {
      chunks.splice(fresh[0], fresh.length, region);
      reused.splice(fresh[0], fresh.length, undefined);
      spliced = { at: fresh[0], piece };
    }
  }
  const pieces: ParsedChunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    let end = chunk.end;
    let piece: ParsedChunk;
    for (;;) {
      const source = body.slice(chunk.start, end);
      // By index when the edit moved it (no need to read its text: a Map lookup hashes all of it), else by text.
      const byIndex = end === chunk.end && reused[i] !== undefined;
      const old = byIndex ? oldPieces[reused[i]!] : byText.size ? byText.get(source) : undefined;
      if (old) {
        // A piece is taken over once: a second identical piece in the new text is parsed afresh.
        if (!byIndex) byText.delete(source);
        piece = { ...old, start: chunk.start, end, line: chunk.line, shift: chunk.start + bom };
        if (old.shift !== piece.shift || old.line !== chunk.line) for (const n of old.nodes) shiftInPlace(n, piece.shift - old.shift, chunk.line - old.line);
      } else if (spliced?.at === i && end === chunk.end) {
        piece = spliced.piece;
      } else {
        const seeded = candidates(source, guess);
        const nodes = parsePiece(source, seeded);
        const shift = chunk.start + bom;
        if (shift || chunk.line) for (const n of nodes) shiftInPlace(n, shift, chunk.line);
        piece = { start: chunk.start, end, line: chunk.line, shift, nodes, defines: definitionsIn(nodes), seeded, judged: guessKey, open: swallowsNext(text, nodes[nodes.length - 1]) };
      }
      // The cut was a guess: a fence or raw HTML block still open at its end swallows what follows.
      if (i + 1 >= chunks.length || !piece.open) break;
      end = chunks[++i].end;
    }
    pieces.push(piece);
  }
  // The labels of the new text; a piece parsed with a different view of the ones it may use is parsed again.
  const labels = [...new Set(pieces.flatMap((p) => p.defines))].sort();
  const key = labels.join('\n');
  const children: RootContent[] = [];
  for (const piece of pieces) {
    if (piece.judged !== key) {
      const source = body.slice(piece.start, piece.end);
      const seeded = candidates(source, labels);
      if (seeded.join('\n') !== piece.seeded.join('\n')) {
        piece.nodes = parsePiece(source, seeded);
        if (piece.shift || piece.line) for (const n of piece.nodes) shiftInPlace(n, piece.shift, piece.line);
        piece.seeded = seeded;
      }
      piece.judged = key;
    }
    for (const n of piece.nodes) children.push(n);
  }
  const last = pieces[pieces.length - 1];
  const lastLine = last.line + countLines(body, last.start, body.length) + 1;
  const root: Root = {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lastLine, column: body.length - lastBreak(body), offset: text.length } },
  };
  // One piece is all or nothing: no reuse to gain, and the entry would keep the tree alive longer.
  if (pieces.length > 1) piecesOf.set(root, { body, pieces, labels: key });
  return root;
}

/** A copy of `t` with its spans (`span`, a script line's `block`) moved by `by`: run on every item after an edit, so no key walk. */
function moved<T extends { span: Span }>(t: T, by: number): T {
  const out = { ...t, span: { start: t.span.start + by, end: t.span.end + by } };
  const block = (t as { block?: Span }).block;
  if (block) (out as { block?: Span }).block = { start: block.start + by, end: block.end + by };
  return out;
}

/**
 * What a node's own content yields (a list of things with spans), remembered per node. An
 * edit re-parses one piece and hands the other pieces' nodes over unchanged, only moved: what
 * was read from such a node still holds, its spans moved by as much. So the work of an edit
 * follows the edit, not the document. `compute` must read nothing but the node's own text.
 */
export class NodeMemo<T extends { span: Span }> {
  private readonly known = new WeakMap<object, { at: number; items: T[] }>();

  of(node: Nodes, compute: () => T[]): T[] {
    const at = node.position?.start.offset ?? 0;
    const hit = this.known.get(node);
    // Nothing to move (most nodes yield nothing): no new entry either, or every edit would allocate one per node after it.
    if (hit && (hit.at === at || !hit.items.length)) return hit.items;
    const items = hit ? hit.items.map((t) => moved(t, at - hit.at)) : compute();
    this.known.set(node, { at, items });
    return items;
  }

  /** What each of `nodes` yields, in order, as one list. */
  in<N extends Nodes>(nodes: N[], compute: (node: N) => T[]): T[] {
    const out: T[] = [];
    for (const n of nodes) for (const t of this.of(n, () => compute(n))) out.push(t);
    return out;
  }
}

const ROW_LINE = /^ {0,3}\|[^\r\n]*\|[ \t]*$/;

/**
 * An edit inside one body row of a top-level table, in a piece that is otherwise unchanged:
 * only that row is parsed again (under the table's header and delimiter row) and put in
 * place of the old one. A table of hundreds of triggers is one piece that cannot be cut,
 * and editing a budget cell would re-parse all of it. Undefined whenever anything else may
 * have changed: the caller then parses the piece.
 */
function spliceRow(oldBody: string, body: string, old: ParsedChunk, chunk: Chunk, bom: number, guess: string[]): ParsedChunk | undefined {
  if (chunk.start !== old.start || chunk.line !== old.line || chunk.start + bom !== old.shift) return undefined;
  const was = oldBody.slice(old.start, old.end);
  const now = body.slice(chunk.start, chunk.end);
  if (now.includes('\r')) return undefined;
  let p = 0;
  const max = Math.min(was.length, now.length);
  while (p < max && was.charCodeAt(p) === now.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && was.charCodeAt(was.length - 1 - q) === now.charCodeAt(now.length - 1 - q)) q++;
  const lineStart = was.lastIndexOf('\n', p - 1) + 1;
  const endIn = (t: string, from: number) => {
    const e = t.indexOf('\n', from);
    return e < 0 ? t.length : e;
  };
  const wasEnd = endIn(was, Math.max(p, lineStart));
  const nowEnd = endIn(now, Math.max(p, lineStart));
  // The change must stay inside the one line: from the line's start to its break, the rest alike.
  if (was.length - q > wasEnd || now.length - q > nowEnd) return undefined;
  const wasLine = was.slice(lineStart, wasEnd);
  const nowLine = now.slice(lineStart, nowEnd);
  if (!ROW_LINE.test(wasLine) || !ROW_LINE.test(nowLine)) return undefined;
  const at = old.shift + lineStart;
  const index = old.nodes.findIndex((n) => n.type === 'table' && spanOf(n).start < at && at < spanOf(n).end);
  const table = old.nodes[index];
  if (!table || table.type !== 'table') return undefined;
  const row = table.children.findIndex((r) => r.position?.start.offset !== undefined && r.position.start.offset >= at && r.position.start.offset <= at + 3);
  if (row < 1) return undefined;
  const header = table.children[0];
  const headerStart = (header.position?.start.offset ?? 0) - old.shift;
  const headerLineStart = was.lastIndexOf('\n', headerStart - 1) + 1;
  const delimiterEnd = endIn(was, endIn(was, headerLineStart) + 1);
  const prefix = was.slice(headerLineStart, delimiterEnd) + '\n';
  // The labels the piece may reference must be those it was parsed with.
  const seeded = candidates(now, guess);
  if (seeded.join('\n') !== old.seeded.join('\n')) return undefined;
  const mini = parsePiece(prefix + nowLine, seeded);
  const parsed = mini.length === 1 && mini[0].type === 'table' && mini[0].children.length === 2 ? mini[0] : undefined;
  if (!parsed || parsed.children[0].children.length !== header.children.length) return undefined;
  const fresh = parsed.children[1];
  parseCounts.rows++;
  const lineNo = table.children[row].position!.start.line;
  shiftInPlace(fresh, at - prefix.length, lineNo - 3);
  const delta = nowLine.length - wasLine.length;
  const rows = table.children.slice();
  rows[row] = fresh;
  for (let r = row + 1; r < rows.length; r++) shiftInPlace(rows[r], delta, 0);
  // A new table node: what was remembered of the old one (its cells, its prose) no longer holds.
  const end = table.position?.end;
  const position = table.position && end && { start: table.position.start, end: { line: end.line, column: end.column + (row === rows.length - 1 ? delta : 0), offset: (end.offset ?? 0) + delta } };
  const nodes = old.nodes.slice();
  nodes[index] = { ...table, children: rows, position };
  for (let n = index + 1; n < nodes.length; n++) shiftInPlace(nodes[n], delta, 0);
  return { ...old, start: chunk.start, end: chunk.end, line: chunk.line, shift: chunk.start + bom, nodes, seeded };
}

/** The offset of the last line break (LF or CR), -1 without one: read back from the end, never the whole text. */
function lastBreak(body: string): number {
  let i = body.length - 1;
  while (i >= 0 && body.charCodeAt(i) !== 10 && body.charCodeAt(i) !== 13) i--;
  return i;
}

export function spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** Plain text of a node: inline code kept, markup dropped. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return parentText(node as Parent);
  if (node.type === 'break') return ' ';
  return '';
}

/**
 * The plain text of each parent node, for as long as the node lives. An edit re-parses one
 * piece and hands the other pieces' nodes over unchanged (moved, never rewritten), so their
 * text is not assembled again on every keystroke.
 */
const parentText = derivedFrom((node: Parent): string => {
  let out = '';
  for (const child of node.children as Nodes[]) {
    out += plainText(child);
    if (child.type === 'paragraph' || child.type === 'listItem') out += ' ';
  }
  return out;
});

/** Depth-first walk; return false from the visitor to skip a node's children. */
export function walk(node: Nodes, visit: (node: Nodes, parent: Parent | undefined) => boolean | void, parent?: Parent): void {
  if (visit(node, parent) === false) return;
  if ('children' in node) {
    for (const child of node.children as Nodes[]) walk(child, visit, node as Parent);
  }
}

