// Sections found by heading text at any level: emoji, numbering, bold and trailing
// durations stripped, matched by synonym.
import type { Heading, RootContent, Root } from 'mdast';
import { plainText, spanOf } from './markdown';
import { findDurations, type Duration } from './duration';
import { memoized } from './text';
import type { Span } from './types';
import { MATCH, namesTriggers } from './vocabulary';

export interface Section {
  heading: Heading;
  title: string;
  depth: number;
  span: Span;
  /** Nodes between this heading and the next heading of any depth. */
  own: RootContent[];
  children: Section[];
  parent?: Section;
  /** A duration written at the end of the heading ("(< 5 minutes decision)"), absolute offsets. */
  budget?: Duration;
}

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3]/gu;

/** Memoized: every heading and list label goes through here again on each edit (issue 5). */
export const normalizeTitle: (raw: string) => string = memoized(computeTitle, 10_000);

function computeTitle(raw: string): string {
  // A title is short; a 100 KB paragraph passed in here is cut (and can then match no synonym).
  if (raw.length > 500) raw = raw.slice(0, 500) + ' \u2026';
  return raw
    .replace(EMOJI, ' ')
    .replace(/[*_`]/g, '')
    .replace(/^\s*(?:(?:step|phase|part|section)\s+)?(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.):]\s+/i, '')
    .replace(/^\s*\d+(?:\.\d+)*\s+/, '')
    .replace(/(?<!\s)\s*[([](?=[^()[\]]*\d)[^()[\]]*[)\]]\s*$/, '')
    .replace(/(?<!\s)\s*[-–—:|]\s*(?:[~<≤]\s*)?\d+(?:[.,]\d+)?(?:\s*[-–](?:\s*\d+)?|\s+\d+)?\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)\b.*$/i, '')
    .replace(/(?<![:.\s])[:.\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The duration written at the end of a heading's text, offsets in it; memoized like the titles (every heading again on each edit). */
const headingBudget: (headingText: string) => Duration | undefined = memoized((headingText: string) => {
  const textEnd = headingText.replace(/(?<![\s)#*\]])[\s)#*\]]+$/, '').length;
  const tail = findDurations(headingText).filter((d) => d.end >= textEnd - 12);
  return tail[tail.length - 1];
}, 10_000);

// A heading node an edit did not touch is the same object after it: its title is then the same string,
// and every question asked of titles (memoized by their text) is answered without reading it again.
const headings = new WeakMap<Heading, { length: number; title: string; tail: Duration | undefined }>();

function headingOf(node: Heading, span: Span, text: string): { title: string; tail: Duration | undefined } {
  const known = headings.get(node);
  if (known && known.length === span.end - span.start) return known;
  const facts = { length: span.end - span.start, title: normalizeTitle(plainText(node)), tail: headingBudget(text.slice(span.start, span.end)) };
  headings.set(node, facts);
  return facts;
}

/** Split a document into a tree of sections. Nodes before the first heading are not in any section. */
export function sectionsOf(root: Root, text: string): Section[] {
  const all: Section[] = [];
  const stack: Section[] = [];
  let current: Section | undefined;
  for (const node of root.children) {
    if (node.type === 'heading') {
      const span = spanOf(node);
      const { title, tail } = headingOf(node, span, text);
      const section: Section = {
        heading: node,
        title,
        depth: node.depth,
        span,
        own: [],
        children: [],
        budget: tail ? { ...tail, start: span.start + tail.start, end: span.start + tail.end } : undefined,
      };
      while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
      section.parent = stack[stack.length - 1];
      section.parent?.children.push(section);
      stack.push(section);
      all.push(section);
      current = section;
    } else if (current) {
      current.own.push(node);
    }
  }
  return all;
}

export function descendants(section: Section): Section[] {
  const out: Section[] = [];
  const visit = (s: Section) => {
    for (const c of s.children) {
      out.push(c);
      visit(c);
    }
  };
  visit(section);
  return out;
}

/** Own nodes of the section and of every descendant, in document order. */
export function contentOf(section: Section): RootContent[] {
  return [section, ...descendants(section)].flatMap((s) => s.own);
}

export function isWithin(section: Section, ancestor: Section): boolean {
  for (let s: Section | undefined = section; s; s = s.parent) if (s === ancestor) return true;
  return false;
}

/** Headings that read "not", "never", "instead" (any language): "When not to roll back". */
export const isNegativeTitle: (title: string) => boolean = memoized((title: string) => MATCH.negative.test(title), 10_000);

/**
 * A tier whose qualifier says to watch, prepare or that all is normal ("### Warning (모니터링 강화, 롤백 준비)",
 * "### Info (정상 범위)"): its items are no triggers. Only the words after the tier's name, in brackets or after
 * a colon or dash, count: "### Monitoring alerts" over a trigger list is not one.
 */
export const isWatchTitle: (title: string) => boolean = memoized((title: string) => {
  const at = title.search(/[(（:：—–]|\s-\s/);
  if (at <= 0) return false;
  const qualifier = title.slice(at).toLowerCase();
  if (!MATCH.watchOnly.test(qualifier) || MATCH.immediate.test(qualifier)) return false;
  // What the watch words leave: "( 강화, )" of "(모니터링 강화, 롤백 준비)".
  return !MATCH.rollback.test(MATCH.watchOnly.without(qualifier));
}, 10_000);

/** Headings of who decides and whom to tell ("Communication", "判断責任者", "判断時の連絡"): not when to roll back. */
export const isRolesTitle: (title: string) => boolean = memoized((title: string) => MATCH.roles.test(title), 10_000);

// Memoized, as the titles are: every heading is asked again on each edit, and each asks several matchers (issue 13).
export const isTriggerTitle: (title: string) => boolean = memoized(namesTriggers, 10_000);

export const isRollbackTitle: (title: string) => boolean = memoized(
  (title: string) => MATCH.procedure.test(title) && !/\bnot\s+roll/.test(title) && !isTriggerTitle(title) && !isCensusTitle(title) && !MATCH.notProcedure.test(title),
  10_000,
);

export const isCensusTitle: (title: string) => boolean = memoized((title: string) => MATCH.census.test(title), 10_000);

export const isReleaseBriefTitle: (title: string) => boolean = memoized((title: string) => MATCH.brief.test(title), 10_000);

const ENGLISH_LABEL =
  /^(?:(?:trigger|initiate|perform|start|execute|consider)\s+(?:a\s+|the\s+)?)?(?:immediate(?:ly)?\s+)?roll\s?-?back(?:\s+immediately)?\s+(?:if|when)\b|^if\s+any\s+of\s+(?:these|the\s+following)\s+(?:conditions\s+)?(?:is\s+|are\s+)?(?:met|true|occurs?|fires?|happens?)\b[^.]{0,40}\broll\s?-?back\b|^abort\s+(?:if|when)\b|^(?:(?:auto(?:mated|matic)?|manual|emergency|immediate)\s+)?(?:rollback\s+)?triggers?$|^trigger\s+(?:conditions|list)$|^roll\s?-?back\s+(?:triggers|criteria)$/;

/**
 * "The system automatically triggers rollbacks when:", "Rollback is triggered automatically when:": a sentence that says what
 * triggers the rollback and ends on its if-word. Not "Rollback is COMPLETE when:", "Use manual rollback when:", "Rollback database if:".
 */
const ENGLISH_ROLLBACK_WHEN = /\btrigger(?:s|ed)?\b[^.\n]{0,30}\broll\s?-?backs?\b[^.\n]{0,20}\b(?:if|when)$|\broll\s?-?backs?\s+(?:is|are)\s+(?:automatically\s+)?triggered\b[^.\n]{0,20}\b(?:if|when)$/;

/** A bold label that introduces a trigger list: "**Immediate rollback if:**". */
export const isTriggerLabel: (text: string) => boolean = memoized(computeTriggerLabel, 10_000);

function computeTriggerLabel(text: string): boolean {
  // The colon closes the label: "**Auto triggers (any sustained 30m):**" reads as "auto triggers".
  const t = normalizeTitle(text.replace(/(?<![\s:*_])[\s:*_]+$/, ''));
  if (isNegativeTitle(t)) return false;
  // "如果生產環境發生嚴重問題，可以使用以下方式回滾至上一個穩定版本。" is a sentence, not a label over triggers.
  if (/[。.!！]$/.test(text.replace(/(?<![*_\s])[*_\s]+$/, ''))) return false;
  if (ENGLISH_LABEL.test(t) || ENGLISH_ROLLBACK_WHEN.test(t)) return true;
  // A group named by its answer: "**Critical Issues (Immediate Rollback)**:", "**ALTO (rollback em 15 min)**:".
  const answer = /\(([^()]{1,60})\)$/.exec(t);
  if (answer && t.length <= 80 && MATCH.rollback.test(answer[1]) && !MATCH.preferred.test(answer[1]) && !MATCH.pathHeading.test(t) && !MATCH.stageHeading.test(t)) return true;
  // Other languages: a short label that names triggers, or a rollback word next to an if-word.
  return t.length <= 100 && (namesTriggers(t) || MATCH.rollbackThenIf.test(t) || MATCH.ifNearRollback.test(t));
}
