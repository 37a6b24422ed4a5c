// A receipt's Markdown body: its headings, the code under "Commands run", the entries of
// the timeline, the text of "Compensating actions". Read by lines when the body is plain
// Markdown (what `new-receipt` and most hands write: ATX headings, paragraphs, flat lists,
// fenced code, code spans), by the Markdown parser otherwise. Both give the same answer on
// every plain body (test/unit/receiptBody.test.ts checks it against the parser); the line
// reader exists because a workspace holds thousands of receipts and the parser costs about
// 0.8 ms for each of them (issue 13).
import type { Root, RootContent } from 'mdast';
import { parseMarkdown, plainText, spanOf, type Nodes } from './markdown';
import { contentOf, normalizeTitle, sectionsOf, type Section } from './sections';
import type { ReceiptHeading, ReceiptModel, ReceiptSection, TimelineEntry } from './receipt';
import type { Span } from './types';
import { MATCH } from './vocabulary';

export type ReceiptBody = Pick<ReceiptModel, 'sections' | 'commands' | 'timeline' | 'gaps' | 'compensating' | 'timelineEntries' | 'bodyCode'> & { title?: Span };

// Section titles in any of the languages (vocabulary: receipt).
const TIMELINE = MATCH.receipt.timeline;
const COMMANDS = MATCH.receipt.commands;
const GAPS = MATCH.receipt.gaps;
const COMPENSATING = /\bcompensat/;
type TitleTest = { test(title: string): boolean };
const ENTRY_TIME = /^(?:[-*+]|\d+[.)])\s+(?:\*\*|`)?(?:\d{4}-\d{2}-\d{2}[ T])?(\d{1,2}):(\d{2})(?::\d{2})?\b/;
/** Code pieces kept per section (RR009 reads them). */
const MAX_CODE = 500;

/** The body of `text`, whose front matter (if any) ends at `from`. */
export function readReceiptBody(text: string, from: number, previous?: Root): ReceiptBody {
  return readPlainBody(text, from) ?? readParsedBody(text, previous);
}

function entryAt(text: string, s: Span): TimelineEntry | undefined {
  const t = text.slice(s.start, s.end);
  const tm = ENTRY_TIME.exec(t);
  if (!tm) return undefined;
  const start = s.start + t.indexOf(tm[1] + ':' + tm[2]);
  return { minutes: Number(tm[1]) * 60 + Number(tm[2]), span: { start, end: start + tm[1].length + 3 } };
}

// ---- through the Markdown parser ----

function sectionBy(sections: Section[], pattern: TitleTest): { section: Section; nodes: RootContent[] } | undefined {
  const s = sections.find((x) => pattern.test(x.title));
  return s && { section: s, nodes: contentOf(s) };
}

function textBetween(text: string, nodes: { start: number; end: number }[]): string {
  if (!nodes.length) return '';
  return text.slice(nodes[0].start, nodes[nodes.length - 1].end).trim();
}

function bodyOf(nodes: RootContent[], text: string): string {
  return nodes.map((n) => (n.type === 'code' ? n.value : plainText(n))).join('\n').trim() || textBetween(text, nodes.map(spanOf));
}

/** Code blocks and inline code anywhere under these nodes (inside list items too), bounded. */
type Code = NonNullable<ReceiptSection['code']>;
function codeIn(nodes: readonly Nodes[], out: Code, depth = 0): Code {
  if (depth > 50) return out;
  for (const n of nodes) {
    if (out.block.length + out.inline.length > MAX_CODE) return out;
    if (n.type === 'code') out.block.push(n.value);
    else if (n.type === 'inlineCode') out.inline.push(n.value);
    else if ('children' in n && Array.isArray(n.children)) codeIn(n.children as Nodes[], out, depth + 1);
  }
  return out;
}

const heading = (s: Section): ReceiptHeading => ({ title: s.title, depth: s.depth, span: s.span });

/** The model keeps what the rules read of a section (its code, or its text), not its Markdown tree. */
function slim(s: ReturnType<typeof sectionBy>, text: string, keep?: 'code' | 'body'): ReceiptSection | undefined {
  if (!s) return undefined;
  if (keep === 'code') return { section: heading(s.section), code: codeIn(s.nodes as Nodes[], { block: [], inline: [] }) };
  if (keep === 'body') return { section: heading(s.section), body: bodyOf(s.nodes, text) };
  return { section: heading(s.section) };
}

export function readParsedBody(text: string, previous?: Root): ReceiptBody {
  const root = parseMarkdown(text, previous);
  const sections = sectionsOf(root, text);
  const timeline = sectionBy(sections, TIMELINE);
  const commands = sectionBy(sections, COMMANDS);
  const entries: TimelineEntry[] = [];
  for (const n of timeline?.nodes ?? []) {
    if (n.type !== 'list') continue;
    for (const item of n.children) {
      const e = entryAt(text, spanOf(item));
      if (e) entries.push(e);
    }
  }
  return {
    title: sections[0]?.span,
    // Receipts keep no Markdown tree: a workspace holds thousands (issue 5).
    sections: sections.map(heading),
    commands: slim(commands, text, 'code'),
    // A drill report written as prose has no "Commands run": what it ran is its code anywhere.
    bodyCode: commands ? undefined : codeIn(root.children.filter((n) => n.type !== 'heading') as Nodes[], { block: [], inline: [] }),
    timeline: slim(timeline, text),
    gaps: slim(sectionBy(sections, GAPS), text),
    compensating: slim(sectionBy(sections, COMPENSATING), text, 'body'),
    timelineEntries: entries,
  };
}

// ---- by lines, when the body is plain ----

/** A block of a plain body, with what the parser's tree would give of it. */
type Block =
  | { kind: 'heading'; start: number; end: number; depth: number; title: string }
  | { kind: 'paragraph'; start: number; end: number; plain: string; code: string[] }
  | { kind: 'code'; start: number; end: number; value: string }
  | { kind: 'list'; start: number; end: number; marker: string; items: { start: number; end: number; plain: string; code: string[] }[] };

/** What may open a construct inside a line: emphasis, links, escapes, tables, strikethrough; HTML or an autolink (`<` before a letter or a sign), an entity (`&` before anything but a space). */
const SPECIAL = /[\\*~[\]|\t]|<(?![ \d=]|$)|&(?! |$)/;
const ALNUM = /[A-Za-z0-9]/;
/**
 * `**words**` (strong) and `[words](https://plain.url)` (a link), each between spaces, an
 * opening parenthesis or punctuation after: read as their words.
 */
const STRONG_OR_LINK = /\*\*([A-Za-z0-9](?:[A-Za-z0-9 -]*[A-Za-z0-9])?)\*\*|\[([A-Za-z0-9](?:[A-Za-z0-9 .:/-]*[A-Za-z0-9])?)\]\([A-Za-z0-9./_:?=#%+~-]+\)/g;

/**
 * A line's inline content when it holds only text, single-backtick code spans, plain
 * `**strong**` words and plain links: its plain
 * text (as `plainText` gives it) and its code spans' values. Undefined for anything else.
 */
function inlineOf(s: string): { plain: string; code: string[] } | undefined {
  let plain = '';
  const code: string[] = [];
  let i = 0;
  while (i < s.length) {
    const tick = s.indexOf('`', i);
    let outside = tick < 0 ? s.slice(i) : s.slice(i, tick);
    if (outside.includes('**') || outside.includes('[')) {
      let bad = false;
      outside = outside.replace(STRONG_OR_LINK, (m: string, strong: string | undefined, link: string | undefined, at: number) => {
        if (!/^[ (]?$/.test(s[i + at - 1] ?? '') || !/^[ .,;:)]?$/.test(s[i + at + m.length] ?? '')) bad = true;
        return strong ?? link ?? '';
      });
      if (bad) return undefined;
    }
    // `_` between two ASCII letters or digits can neither open nor close emphasis.
    for (let u = outside.indexOf('_'); u >= 0; u = outside.indexOf('_', u + 1)) {
      if (!ALNUM.test(outside[u - 1] ?? '') || !ALNUM.test(outside[u + 1] ?? '')) return undefined;
    }
    if (SPECIAL.test(outside)) return undefined;
    plain += outside;
    if (tick < 0) break;
    const close = s.indexOf('`', tick + 1);
    if (close < 0 || close === tick + 1 || s[close + 1] === '`') return undefined;
    let value = s.slice(tick + 1, close);
    if (value.length > 1 && value[0] === ' ' && value[value.length - 1] === ' ' && value.trim() !== '') value = value.slice(1, -1);
    plain += value;
    code.push(value);
    i = close + 1;
  }
  return { plain, code };
}

/** An ATX heading; one ending in `#` (a closing sequence, or not) is left to the parser. */
const ATX = /^(#{1,6}) +(\S.*[^#]|[^#])$/;
const BULLET = /^([-*+]) (?=\S)(.*)$/;
const ORDERED = /^(\d{1,9})([.)]) (?=\S)(.*)$/;
const FENCE_OPEN = /^```[\w+.-]*$/;
/** A line that could close a fence, open one, or be read as a closing fence inside one: anything but exactly "```" is left to the parser. */
const FENCE_LIKE = /^ {0,3}(?:`{3,}|~{3,})/;
/** Paragraph text must not begin like a block: headings, lists, quotes, rules, fences, setext underlines, indentation. */
const BLOCK_START = /^(?:[\s#>=_+*-]|```|~~~|\d{1,9}[.)](?:\s|$))/;

/**
 * Blocks of the body from `from`, or undefined as soon as a line is not plain (the parser
 * then reads the whole body). Only what can be read without doubt is accepted: no
 * indentation, no trailing spaces, no lazy continuation of a list item, no ordered list
 * right after a paragraph, no carriage returns.
 */
function plainBlocks(text: string, from: number): Block[] | undefined {
  if (text.includes('\r') || text.includes('\0') || (from === 0 && text.charCodeAt(0) === 0xfeff)) return undefined;
  const blocks: Block[] = [];
  let pos = from;
  let blankBefore = true;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    const last = blocks[blocks.length - 1];
    const next = eol + 1;
    if (line === '') {
      blankBefore = true;
    } else if (/[ \t]$/.test(line)) {
      return undefined;
    } else if (FENCE_LIKE.test(line)) {
      if (!FENCE_OPEN.test(line)) return undefined;
      const lines: string[] = [];
      let at = next;
      let closed = -1;
      while (at <= text.length) {
        let e = text.indexOf('\n', at);
        if (e < 0) e = text.length;
        const l = text.slice(at, e);
        if (l === '```') {
          closed = e;
          break;
        }
        if (FENCE_LIKE.test(l)) return undefined;
        lines.push(l);
        if (e === text.length) break;
        at = e + 1;
      }
      if (closed < 0) return undefined;
      blocks.push({ kind: 'code', start: pos, end: closed, value: lines.join('\n') });
      eol = closed;
      blankBefore = false;
    } else {
      const atx = ATX.exec(line);
      const bullet = atx ? undefined : BULLET.exec(line);
      const ordered = atx || bullet ? undefined : ORDERED.exec(line);
      if (atx) {
        const inline = inlineOf(atx[2]);
        if (!inline) return undefined;
        blocks.push({ kind: 'heading', start: pos, end: eol, depth: atx[1].length, title: normalizeTitle(inline.plain) });
      } else if (bullet || ordered) {
        if (ordered && last?.kind === 'paragraph' && !blankBefore) return undefined;
        const content = bullet ? bullet[2] : ordered![3];
        if (BLOCK_START.test(content)) return undefined;
        const inline = inlineOf(content);
        if (!inline) return undefined;
        const marker = bullet ? bullet[1] : ordered![2];
        const item = { start: pos, end: eol, ...inline };
        if (last?.kind === 'list' && last.marker === marker) {
          last.items.push(item);
          last.end = eol;
        } else {
          blocks.push({ kind: 'list', start: pos, end: eol, marker, items: [item] });
        }
      } else {
        if (BLOCK_START.test(line)) return undefined;
        // Directly under a list item, a line of text continues the item (lazily): left to the parser.
        if (last?.kind === 'list' && !blankBefore) return undefined;
        const inline = inlineOf(line);
        if (!inline) return undefined;
        if (last?.kind === 'paragraph' && !blankBefore) {
          last.plain += '\n' + inline.plain;
          last.code.push(...inline.code);
          last.end = eol;
        } else {
          blocks.push({ kind: 'paragraph', start: pos, end: eol, ...inline });
        }
      }
      blankBefore = false;
    }
    if (eol >= text.length) break;
    pos = eol + 1;
  }
  return blocks;
}

export function readPlainBody(text: string, from: number): ReceiptBody | undefined {
  const blocks = plainBlocks(text, from);
  if (!blocks) return undefined;
  const headings: { at: number; h: ReceiptHeading }[] = [];
  blocks.forEach((b, at) => {
    if (b.kind === 'heading') headings.push({ at, h: { title: b.title, depth: b.depth, span: { start: b.start, end: b.end } } });
  });
  /** The first section titled like `pattern`, with its blocks and those of its subsections. */
  const sectionBy = (pattern: TitleTest): { h: ReceiptHeading; blocks: Block[] } | undefined => {
    const i = headings.findIndex((x) => pattern.test(x.h.title));
    if (i < 0) return undefined;
    let j = i + 1;
    while (j < headings.length && headings[j].h.depth > headings[i].h.depth) j++;
    const end = j < headings.length ? headings[j].at : blocks.length;
    return { h: headings[i].h, blocks: blocks.slice(headings[i].at + 1, end).filter((b) => b.kind !== 'heading') };
  };
  const commands = sectionBy(COMMANDS);
  const timeline = sectionBy(TIMELINE);
  const compensating = sectionBy(COMPENSATING);
  const gaps = sectionBy(GAPS);
  const entries: TimelineEntry[] = [];
  for (const b of timeline?.blocks ?? []) {
    if (b.kind !== 'list') continue;
    for (const item of b.items) {
      const e = entryAt(text, item);
      if (e) entries.push(e);
    }
  }
  const code: NonNullable<ReceiptSection['code']> = { block: [], inline: [] };
  const full = () => code.block.length + code.inline.length > MAX_CODE;
  // A drill report written as prose has no "Commands run": what it ran is its code anywhere.
  for (const b of commands ? commands.blocks : blocks) {
    if (full()) break;
    if (b.kind === 'code') code.block.push(b.value);
    const pieces = b.kind === 'paragraph' ? [b.code] : b.kind === 'list' ? b.items.map((i) => i.code) : [];
    for (const p of pieces) for (const c of p) if (!full()) code.inline.push(c);
  }
  const plainOf = (b: Block): string =>
    b.kind === 'code' ? b.value : b.kind === 'paragraph' ? b.plain : b.kind === 'list' ? b.items.map((i) => i.plain + '  ').join('') : '';
  return {
    title: headings[0]?.h.span,
    sections: headings.map((x) => x.h),
    commands: commands && { section: commands.h, code },
    bodyCode: commands ? undefined : code,
    timeline: timeline && { section: timeline.h },
    gaps: gaps && { section: gaps.h },
    compensating: compensating && { section: compensating.h, body: compensating.blocks.map(plainOf).join('\n').trim() || textBetween(text, compensating.blocks) },
    timelineEntries: entries,
  };
}
