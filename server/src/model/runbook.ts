// The runbook model: everything the RB rules look at, extracted once per text.
import type { Root } from 'mdast';
import { NodeMemo, parseMarkdown, plainText, spanOf, walk, type RootContent } from './markdown';
import { MATCH } from './vocabulary';
import { LineIndex } from './text';
import { isReleaseBriefTitle, sectionsOf, type Section } from './sections';
import { extractTriggers, type TriggerModel } from './triggers';
import { extractRollback, type RollbackModel } from './rollback';
import { endpointMentions, extractCensus, type Census, type EndpointMention } from './census';
import { findDurations } from './duration';
import { headerOf, parseTable } from './table';
import type { Span } from './types';

export interface RollbackLevel {
  level: number;
  span: Span;
}

export interface RunbookModel {
  kind: 'runbook';
  path: string;
  text: string;
  lines: LineIndex;
  root: Root;
  sections: Section[];
  /** Where to report a missing section: the title heading, or the first line. */
  anchor: Span;
  triggers: TriggerModel;
  rollback: RollbackModel;
  census?: Census;
  censusSection?: Section;
  endpoints: EndpointMention[];
  level?: RollbackLevel;
  /** Where the runbook names its ladder of levels ("### Niveau 1 : Rollback Application", "| Level 0 | … |"), without committing to one. */
  levelLadder?: Span;
  /** A reversibility or review note, required at level 3 or 4. */
  reviewNote?: Span;
  /** A confirmed (measured) rollback time; `minutes` undefined when the statement names no number ("Confirmed time: TBD"). */
  confirmedTime?: { span: Span; minutes?: number };
  /** Where the runbook says rollback is possible (or easy) without a number. */
  rollbackPossible?: Span;
  /** Where a release brief stands, to insert missing lines into. */
  releaseBrief?: Section;
}

const LEVEL_NAMES: [RegExp, number][] = [
  [/^flag/i, 1],
  [/^(?:deploy|code|release|image|revision)/i, 2],
  [/^(?:migration|schema)/i, 3],
  [/^data/i, 4],
];
// Separators are bounded character runs, never adjacent optional `\s*` groups, so a
// long run of spaces cannot make a pattern backtrack polynomially.
const LEVEL_PATTERNS = [
  /\brollback\s+level(?:\s+required)?[\s*_:=—–|-]{0,12}(?:\bis\b[\s*_]{0,6})?(?:level\s{0,3})?([1-4])\b/i,
  /\broll\s{0,3}-?back\s+at\s+level\s{0,3}([1-4])\b/i,
  /\blevel\s{0,3}([1-4])[\s(:—–-]{0,6}(?:flag[- ]off|flag|deploy(?:ment)?\s+rollback|migration\s+rollback|data\s+correction)\b/i,
  /^[ \t*+-]{0,8}(?:rollback\s+)?level[ \t*_]{0,6}[:=][ \t*_]{0,6}([1-4])\b/im,
  // A range beside the rollback it belongs to: "Follow `docs/ROLLBACK.md` Level 1-2".
  /\broll\s{0,3}-?back\b[^\n]{0,40}?\blevels?\s{0,3}([1-4])\s{0,2}[-–]\s{0,2}[1-4]\b/i,
  // Named without the number: "Rollback level: deploy rollback", "Rollback level: flag off".
  /\brollback\s+level(?:\s+required)?[\s*_:=—–|-]{1,12}(flag[- ]?off|flag|feature[- ]flag|deploy(?:ment)?(?:\s+rollback)?|code(?:\s+rollback)?|migration(?:\s+rollback)?|schema(?:\s+rollback)?|data(?:\s+correction)?)\b/i,
];
// A reversibility or release-gate review note. "Post-incident review" and "review the
// logs" are not notes about the change's reversibility.
const REVIEW = [
  /\b(?:reversib\w*|irreversib\w*|non-reversible|not\s+reversible|one-way\s+(?:migration|door|change|street)|(?<!last\s)(?<!last\s\*\*)reviewed\b|approved\s+by|approval\s*[:=]|sign(?:ed)?[- ]?off|release\s+gate|change\s+advisory|\bCAB\b|risk\s+(?:assessment|review)|reviewer\s*[:=]|review(?:\s+note)?\s*[:=]|down\s+migration\s+(?:tested|rehearsed|verified|exists))/i,
];
const CONFIRMED = [
  /\bconfirmed(?:\s+rollback)?\s+time\b[^\n]*/i,
  /\brollback\s+(?:takes|took|time\s+(?:was|is|measured)|completed\s+in|finished\s+in)[\s:=]{0,6}(?:about\s{1,3}|~|≈)?\d[^\n]*/i,
  /\brehearsed\b[^\n]{0,80}?\b(?:took|in)\s+(?:about\s+|~)?\d+\s*(?:min|m\b|minutes|s\b|sec)[^\n]*/i,
  /\btime\s+to\s+(?:roll\s*-?back|recover(?:y)?)\s*[:=]\s*(?:about\s+|~)?\d[^\n]*/i,
  /\bmeasured\s+rollback\s+time\b[^\n]*/i,
  /\brolled\s+back\s+in\s+(?:about\s+|~)?\d+\s*(?:min|m\b|minutes|s\b|sec)[^\n]*/i,
  /\bdecision[- ]to[- ](?:rollback|recover(?:ed|y)?)\b[^\n]{0,60}?\d+\s*(?:min|m\b|minutes|s\b|sec)[^\n]*/i,
];
/** "Rollback possible", "we can roll back": the claim that is not a plan. */
const POSSIBLE = [
  /\b(?:roll[\s-]{0,3}back\s+is\s+(?:always\s+)?(?:possible|available|easy|simple|trivial|straightforward)|(?:we|it)\s+can\s+(?:always\s+|easily\s+|quickly\s+)?(?:be\s+)?roll(?:ed)?[\s-]{0,3}back|can\s+be\s+rolled\s+back|rollback\s+possible)\b/i,
];

/** Two or more rollback levels by number, as headings or as the first cells of a table's rows: where the first stands. */
function ladderOf(root: Root, sections: Section[]): Span | undefined {
  const steps = new Map<string, Span>();
  let severity = false;
  const take = (label: string, span: Span) => {
    const lower = label.trim().toLowerCase();
    const m = MATCH.levelStep.regex.exec(lower);
    if (!m) return;
    // "Level 1 - CRITICAL", "| **Level 2 - HIGH** | < 5 minutes |": an alert's severity, not a way back.
    if (MATCH.vague.find(lower.slice(m[0].length).replace(/^[^\p{L}]+/u, ''))?.index === 0) severity = true;
    if (!steps.has(m[1])) steps.set(m[1], span);
  };
  for (const s of sections) take(s.title.replace(/^[\d.)\s]+/, ''), s.span);
  for (const n of root.children) {
    if (n.type !== 'table') continue;
    for (const row of n.children.slice(1)) if (row.children[0]) take(plainText(row.children[0]), spanOf(row));
  }
  if (steps.size < 2 || severity) return undefined;
  return [...steps.values()].sort((a, b) => a.start - b.start)[0];
}

function levelFromMatch(m: RegExpExecArray): number | undefined {
  const v = m[1] ?? '';
  if (/^[1-4]$/.test(v)) return Number(v);
  for (const [re, n] of LEVEL_NAMES) if (re.test(v)) return n;
  return undefined;
}

/** Minutes written in a confirmed-time statement; a bare number after the label counts as minutes. */
function confirmedMinutes(statement: string): number | undefined {
  const d = findDurations(statement)[0]?.minutes;
  if (d !== undefined) return d;
  const bare = /\bconfirmed(?:\s+rollback)?\s+time\b[\s*_:=—–-]{0,12}(?:~|about\s{1,3})?(\d{1,4}(?:\.\d+)?)(?![\d-])/i.exec(statement);
  return bare ? Number(bare[1]) : undefined;
}

/** A drill or rehearsal table with a measured total ("| #1 | ... | Total (min) | 7 |"). */
function measuredInTable(root: Root, text: string): { span: Span; minutes: number } | undefined {
  let found: { span: Span; minutes: number } | undefined;
  walk(root, (n) => {
    if (found) return false;
    if (n.type !== 'table') return undefined;
    const header = headerOf(n);
    const col = header.findIndex((h) => /\b(?:total|rollback|recovery|time\s+to\s+recover|mttr)\b/i.test(h) && /\b(?:min|minutes|time|duration|mttr)\b/i.test(h));
    if (col < 0 || !header.some((h) => /\b(?:drill|rehears\w*|run|date|#)\b|#/i.test(h))) return false;
    const t = parseTable(text, n);
    for (const row of t.rows) {
      const cell = row.cells[col];
      const m = cell ? /^(?:~|≈)?\s*(\d{1,4}(?:\.\d+)?)\s*(?:m|min|mins|minutes)?$/i.exec(cell.text) : null;
      if (cell && m) {
        found = { span: cell.span, minutes: Number(m[1]) };
        break;
      }
    }
    return false;
  });
  return found;
}

type ProseHit = { span: Span; match: RegExpExecArray; set: number };

/** What the prose is searched for, once per node for all of them. */
const PROSE = [LEVEL_PATTERNS, REVIEW, CONFIRMED, POSSIBLE];
const proseMemo = new NodeMemo<ProseHit>();

/**
 * The first match of each pattern in each prose block (paragraphs, headings, table rows; not
 * code, front matter or HTML), block by block and, within one, pattern by pattern, for each
 * set of PROSE. Read per top-level node and remembered: an edit searches only the nodes it
 * re-parsed.
 */
function proseHits(root: Root, text: string): ProseHit[][] {
  const out: ProseHit[][] = PROSE.map(() => []);
  for (const hit of proseMemo.in(root.children, (top) => hitsIn(top, text))) out[hit.set].push(hit);
  return out;
}

function hitsIn(top: RootContent, text: string): ProseHit[] {
  const out: ProseHit[] = [];
  walk(top, (n) => {
    if (n.type === 'code' || n.type === 'yaml' || n.type === 'html') return false;
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableRow') {
      const s = spanOf(n);
      const block = text.slice(s.start, s.end);
      for (const [set, patterns] of PROSE.entries()) {
        for (const re of patterns) {
          const m = re.exec(block);
          if (m) out.push({ span: { start: s.start + m.index, end: s.start + m.index + m[0].length }, match: m, set });
        }
      }
      return false;
    }
    return undefined;
  });
  return out;
}

/**
 * Where document-level findings go: the H1; without one, the `title:` of the front matter
 * (GOV.UK-style pages), or a heading that opens the document; else the first line. Not a
 * "## Description" halfway down.
 */
function anchorOf(root: Root, text: string, sections: Section[], lines: LineIndex): Span {
  const h1 = sections.find((s) => s.depth === 1);
  if (h1) return spanOf(h1.heading);
  const first = root.children[0];
  if (first?.type === 'yaml') {
    const fm = spanOf(first);
    const m = /^title[ \t]*:[^\r\n]*/m.exec(text.slice(fm.start, fm.end));
    if (m) return { start: fm.start + m.index, end: fm.start + m.index + m[0].length };
  }
  if (first?.type === 'heading') return spanOf(first);
  return { start: 0, end: Math.max(0, lines.lineEnd(0)) };
}

/** `previous`: the tree of this file's last version, so only the changed pieces are parsed again. */
export function buildRunbook(path: string, text: string, previous?: Root): RunbookModel {
  const root = parseMarkdown(text, previous);
  const lines = new LineIndex(text);
  const sections = sectionsOf(root, text);
  const anchor = anchorOf(root, text, sections, lines);
  const triggers = extractTriggers(root, text, sections);
  const rollback = extractRollback(root, text, sections);
  const { census, announced } = extractCensus(root, text, sections);
  const [levels, reviews, confirmed, possibles] = proseHits(root, text);
  const levelHit = levels[0];
  const levelNumber = levelHit ? levelFromMatch(levelHit.match) : undefined;
  const level = levelHit && levelNumber ? { level: levelNumber, span: levelHit.span } : undefined;
  const review = reviews[0];
  // A statement with a number wins over an earlier one without ("Confirmed time: TBD").
  const statements = confirmed
    .sort((a, b) => a.span.start - b.span.start)
    .map((c) => ({ span: c.span, minutes: confirmedMinutes(text.slice(c.span.start, c.span.end)) }));
  const withNumber = statements.find((c) => c.minutes !== undefined);
  const measured = withNumber ? undefined : measuredInTable(root, text);
  const confirmedTime = withNumber ?? measured ?? statements[0];
  const possible = possibles[0];
  return {
    kind: 'runbook',
    path,
    text,
    lines,
    root,
    sections,
    anchor,
    triggers,
    rollback,
    census,
    censusSection: census?.section ?? announced,
    endpoints: endpointMentions(root, text, census),
    level,
    levelLadder: level ? undefined : ladderOf(root, sections),
    reviewNote: review?.span,
    confirmedTime,
    rollbackPossible: possible?.span,
    releaseBrief: sections.find((s) => isReleaseBriefTitle(s.title)),
  };
}
