// Where a Markdown document can be cut into pieces that parse alone to the same tree:
// before an ATX heading at column 0 that follows a blank line, outside front matter,
// fences and the HTML blocks that a blank line does not end. A heading there closes
// every open block (paragraph, list, quote, table, HTML block types 6-7), so the
// pieces parse independently — which lets an edit re-parse only the piece it touched.
// Link and footnote definitions are document-wide, so a document with one is not cut.
// Pieces are at least MIN_PIECE characters: each parse has a fixed setup cost, and a
// receipt of a few headings is cheaper parsed whole than in five pieces (issue 5).

export interface Chunk {
  start: number;
  end: number;
  /** 0-based line of `start`. */
  line: number;
}

const DEFINITION = /^ {0,3}\[(?:[^\]\\\r\n]|\\.){1,999}\]:/m;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;
/** A fence opening after any container prefix (over-detecting only loses cut points). */
const FENCE = /^[ \t>]*(?:(?:[*+-]|\d{1,9}[.)])[ \t]+)*(`{3,}|~{3,})(.*)$/;
/** HTML blocks of types 1-5, which run to their terminator across blank lines. */
const HTML_OPEN: [RegExp, string][] = [
  [/^[ \t>]*<!--/, '-->'],
  [/^[ \t>]*<\?/, '?>'],
  [/^[ \t>]*<!\[CDATA\[/, ']]>'],
  [/^[ \t>]*<![A-Za-z]/, '>'],
];
const RAW_OPEN = /^[ \t>]*<(script|pre|style|textarea)(?:[\s>]|$)/i;

/** Front matter at the very start: `---` to the next `---` line (remark-frontmatter's yaml fences). */
function frontMatterEnd(text: string): number {
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return 0;
  const close = /(?:^|\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  return m ? m.index + m[0].length : text.length;
}

export const MIN_PIECE = 2048;

/** `minPiece`: no piece shorter than this is cut off (0 cuts at every possible point: tests). */
export function chunksOf(text: string, minPiece = MIN_PIECE): Chunk[] {
  if (text.length < 2 * minPiece) return [{ start: 0, end: text.length, line: 0 }];
  if (DEFINITION.test(text)) return [{ start: 0, end: text.length, line: 0 }];
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: string | undefined;
  let prevBlank = true;
  let line = 0;
  const fmEnd = frontMatterEnd(text);
  let pos = 0;
  while (pos < text.length) {
    let eol = pos;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const next = eol < text.length ? (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1) : eol;
    const s = text.slice(pos, eol);
    if (pos < fmEnd) {
      // inside the front matter: never a cut
    } else if (fence) {
      const m = FENCE.exec(s);
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && !m[2].trim()) fence = undefined;
    } else if (htmlEnd) {
      if (s.toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
    } else {
      if (prevBlank && pos - chunkStart >= Math.max(1, minPiece) && HEADING.test(s)) {
        chunks.push({ start: chunkStart, end: pos, line: chunkLine });
        chunkStart = pos;
        chunkLine = line;
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
