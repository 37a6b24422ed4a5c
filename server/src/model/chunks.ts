// Where a Markdown document can be cut into pieces that parse alone to the same tree:
// before a line at column 0 that follows a blank line and can only open a new block (an
// ATX heading, a paragraph, a table, HTML; CUT_LINE), outside front matter, fences and
// the HTML blocks that a blank line does not end. Such a line closes every open block
// (paragraph, list, quote, table, HTML block types 6-7), so the pieces parse
// independently — which lets an edit re-parse only the piece it touched.
// Link definitions are document-wide: markdown.ts hands each piece the labels defined
// elsewhere (footnotes are not parsed at all).
// Pieces are at least MIN_PIECE characters: each parse has a fixed setup cost, and a
// receipt of a few headings is cheaper parsed whole than in five pieces (issue 5).

export interface Chunk {
  start: number;
  end: number;
  /** 0-based line of `start`. */
  line: number;
}

/**
 * A line a piece may begin with, after a blank line: an ATX heading, or a block at column 0
 * that closes whatever came before (a paragraph, a table, a list, a quote, indented code)
 * and can neither continue it nor open front matter: a letter, a table row, a link or
 * definition, HTML, a fence, bold text. Not a list marker, a digit, `>`, `-`, `*`, `+`, `_`,
 * `=` or indentation. A long trigger section is cut between its blocks, so typing in it
 * re-parses a few kilobytes, not the section.
 */
const CUT_LINE = /^(?:#{1,6}(?:[ \t]|$)|[\p{L}|[<!`~("'\\]|\*\*[^\s*]|__[^\s_])/u;
const BLANK = /^[ \t]*$/;
/** Any container prefix: indentation, quotes, list markers (over-detecting only loses cut points). */
const CONTAINER = String.raw`[ \t>]*(?:(?:[*+-]|\d{1,9}[.)])[ \t]+)*`;
/** A fence opening after any container prefix. */
const FENCE = new RegExp(String.raw`^${CONTAINER}(\`{3,}|~{3,})(.*)$`);
/** HTML blocks of types 1-5, which run to their terminator across blank lines ("* <!--" opens one inside a list item). */
const HTML_OPEN: [RegExp, string][] = [
  [new RegExp(String.raw`^${CONTAINER}<!--`), '-->'],
  [new RegExp(String.raw`^${CONTAINER}<\?`), '?>'],
  [new RegExp(String.raw`^${CONTAINER}<!\[CDATA\[`), ']]>'],
  [new RegExp(String.raw`^${CONTAINER}<![A-Za-z]`), '>'],
];
const RAW_OPEN = new RegExp(String.raw`^${CONTAINER}<(script|pre|style|textarea)(?:[\s>]|$)`, 'i');

/**
 * The YAML front matter block as micromark-extension-frontmatter reads it (remark-frontmatter,
 * 'yaml'): at the very start (after a BOM), a `---` line, and up to the next `---` line at
 * column 1 (trailing spaces or tabs allowed on both); without a closing fence there is none.
 * The span covers both fences, not the line break after the closing one.
 */
export function frontMatterSpan(text: string): { start: number; end: number } | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const o = frontMatterOpening(text, start);
  if (!o) return undefined;
  // From the opening line's break, so that the closing fence may be the very next line.
  const close = /(?:\r\n|\r|\n)---[ \t]*(?=\r\n|\r|\n|$)/g;
  close.lastIndex = start + o.length - (o.endsWith('\r\n') ? 2 : 1);
  const m = close.exec(text);
  if (!m) return undefined;
  return { start, end: m.index + m[0].length };
}

/** The opening fence line at `start`, line break included. */
function frontMatterOpening(text: string, start: number): string | undefined {
  const open = /---[ \t]*(?:\r\n|\r|\n)/y;
  open.lastIndex = start;
  return open.exec(text)?.[0];
}

/** Where cutting may begin: after the front matter; nowhere when an opening fence is never closed (micromark's failed attempt at it changes how the whole rest of the document parses). */
function frontMatterEnd(text: string): number {
  const span = frontMatterSpan(text);
  if (span) return span.end;
  return frontMatterOpening(text, 0) ? text.length : 0;
}

export const MIN_PIECE = 2048;
/** The smallest piece cut again around an edit (micromark reads about 3 µs per character). */
const EDITED_PIECE = 512;

/** `minPiece`: no piece shorter than this is cut off (0 cuts at every possible point: tests). */
export function chunksOf(text: string, minPiece = MIN_PIECE): Chunk[] {
  if (text.length < 2 * minPiece) return [{ start: 0, end: text.length, line: 0 }];
  return scan(text, 0, 0, minPiece, []);
}

/**
 * The chunks of `text` after an edit of `before`, whose chunks were `old`: the chunks before
 * the edit and after it are kept (their text is unchanged, so are their cut points), and
 * only the region between is scanned again, so the work follows the edit, not the document.
 * `reused[i]` is the index in `old` of chunk i when it is the same text, moved or not.
 */
export function rechunk(text: string, before: string, old: Chunk[], minPiece = MIN_PIECE): { chunks: Chunk[]; reused: (number | undefined)[] } {
  if (text.length < 2 * minPiece || old.length < 2) {
    const chunks = chunksOf(text, minPiece);
    return { chunks, reused: chunks.map(() => undefined) };
  }
  const same = (c: Chunk, at: number) => at >= 0 && at + c.end - c.start <= text.length && text.slice(at, at + c.end - c.start) === before.slice(c.start, c.end);
  // Unchanged leading chunks, each still followed by a line it may be cut before.
  let k = 0;
  while (k < old.length - 1 && same(old[k], old[k].start) && CUT_LINE.test(text.slice(old[k].end, old[k].end + 8).split(/\r|\n/, 1)[0])) k++;
  // Unchanged trailing chunks at their shifted place, after the leading ones.
  const delta = text.length - before.length;
  const from = k ? old[k - 1].end : 0;
  let j = old.length;
  while (j - 1 > k && old[j - 1].start + delta >= from && same(old[j - 1], old[j - 1].start + delta)) j--;
  const chunks: Chunk[] = old.slice(0, k);
  const reused: (number | undefined)[] = chunks.map((_, i) => i);
  const stops = old.slice(j).map((c) => c.start + delta);
  // Where the document is being edited, pieces are cut finer: the next keystroke there re-parses less.
  const middle = scan(text, from, k ? old[k].line : 0, Math.min(minPiece, EDITED_PIECE), stops);
  chunks.push(...middle);
  for (const _ of middle) reused.push(undefined);
  // The scan stopped at the first trailing chunk it could cut before; those after it are kept, lines moved.
  const resume = middle[middle.length - 1].end;
  const first = stops.indexOf(resume);
  if (first >= 0) {
    const lineDelta = middle[middle.length - 1].line + countLines(text, middle[middle.length - 1].start, resume) - old[j + first].line;
    for (let i = j + first; i < old.length; i++) {
      chunks.push({ start: old[i].start + delta, end: old[i].end + delta, line: old[i].line + lineDelta });
      reused.push(i);
    }
  }
  return { chunks, reused };
}

/** Line breaks in text[from, to): CRLF, LF and a lone CR each count one. */
export function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * Scan from `from` (a cut point, at 0-based line `line`) and cut where a piece may end; at a
 * position in `stops` where a cut is possible the scan ends with a cut there, whatever the
 * piece's length (the chunks after it are known). Otherwise it runs to the end of the text.
 */
function scan(text: string, from: number, line: number, minPiece: number, stops: number[]): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = from;
  let chunkLine = line;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: string | undefined;
  let prevBlank = true;
  const fmEnd = from === 0 ? frontMatterEnd(text) : 0;
  let stop = 0;
  let pos = from;
  while (pos < text.length) {
    let eol = pos;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const next = eol < text.length ? (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1) : eol;
    const s = text.slice(pos, eol);
    while (stop < stops.length && stops[stop] < pos) stop++;
    if (pos < fmEnd) {
      // inside the front matter: never a cut
    } else if (fence) {
      const m = FENCE.exec(s);
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && !m[2].trim()) fence = undefined;
    } else if (htmlEnd) {
      if (s.toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
    } else {
      if (prevBlank && pos > chunkStart && CUT_LINE.test(s)) {
        if (stops[stop] === pos) {
          chunks.push({ start: chunkStart, end: pos, line: chunkLine });
          return chunks;
        }
        if (pos - chunkStart >= Math.max(1, minPiece)) {
          chunks.push({ start: chunkStart, end: pos, line: chunkLine });
          chunkStart = pos;
          chunkLine = line;
        }
      }
      const f = FENCE.exec(s);
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) fence = { char: f[1][0], length: f[1].length };
      else if (RAW_OPEN.test(s)) {
        const end = `</${RAW_OPEN.exec(s)![1].toLowerCase()}>`;
        if (!s.toLowerCase().includes(end)) htmlEnd = end;
      } else {
        for (const [open, end] of HTML_OPEN) {
          const m = open.exec(s);
          if (m && !s.slice(m[0].length).includes(end)) {
            htmlEnd = end;
            break;
          }
        }
      }
    }
    prevBlank = BLANK.test(s);
    pos = next;
    line++;
  }
  chunks.push({ start: chunkStart, end: text.length, line: chunkLine });
  return chunks;
}
