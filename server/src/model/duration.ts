// Durations in every form people write in a runbook: 5, 5m, 5 min, 90s, 1.5 h, 00:05,
// ~5m, <5 min, ≤ 5 min, within 5 minutes, 5+ minutes, 5-10 min, 2–3 minutes.
// A range counts by its upper bound.
import { memoized } from './text';
import { MATCH, UNIT_MINUTES, UNIT_SOURCE, WINDOW_BETWEEN_SOURCE } from './vocabulary';

export interface Duration {
  minutes: number;
  /** Offsets of the duration inside the searched string. */
  start: number;
  end: number;
}

function unitFactor(unit: string | undefined): number | undefined {
  return unit ? UNIT_MINUTES.get(unit.toLowerCase()) : undefined;
}

const NUM = String.raw`(\d{1,6}(?:[.,]\d{1,3})?)`;
// Every language's units (vocabulary); a letter of a spaced script may not follow ("5 mindset"),
// one of Chinese or Japanese may ("5分以内").
const UNIT = `(${UNIT_SOURCE})`;
// Prefix words and comparison signs are optional; the number and unit do the work.
export const DURATION_RE = new RegExp(
  String.raw`(?:\b(?:within|under|less than|up to|at most|max(?:imum)?|in)\s+)?(?:[~≈<≤]\s*(?:=\s*)?)?` +
    NUM + String.raw`(\s*\+)?(?:\s*(?:-|–|—|to)\s*` + NUM + String.raw`)?\s*` + `(?:(?:${WINDOW_BETWEEN_SOURCE})\\s+)?` + UNIT + String.raw`(?![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\d])`,
  'giu',
);
const WINDOW_BETWEEN = new RegExp(String.raw`\d\s*(?:${WINDOW_BETWEEN_SOURCE})\s`, 'iu');
const CLOCK_RE = /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/g;

function num(s: string): number {
  return Number(s.replace(',', '.'));
}

/** Every duration with an explicit unit (or a clock form) inside free text. */
export function findDurations(text: string): Duration[] {
  const out: Duration[] = [];
  DURATION_RE.lastIndex = 0;
  for (let m = DURATION_RE.exec(text); m; m = DURATION_RE.exec(text)) {
    const factor = unitFactor(m[4]);
    if (factor === undefined) continue;
    const value = m[3] !== undefined ? Math.max(num(m[1]), num(m[3])) : num(m[1]);
    out.push({ minutes: value * factor, start: m.index, end: m.index + m[0].length });
  }
  CLOCK_RE.lastIndex = 0;
  for (let m = CLOCK_RE.exec(text); m; m = CLOCK_RE.exec(text)) {
    const minutes = m[3] !== undefined ? num(m[1]) * 60 + num(m[2]) + num(m[3]) / 60 : num(m[1]) * 60 + num(m[2]);
    out.push({ minutes, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A budget cell or value: a whole cell that is a duration. A bare number means minutes.
 * Returns undefined when the text is not a duration ("ASAP", "TBD", "soon").
 */
export function parseBudget(text: string): Duration | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const bare = /^(?:[~≈<≤]\s*(?:=\s*)?)?(\d{1,6}(?:[.,]\d{1,3})?)(?:\s*(?:-|–|—|to)\s*(\d{1,6}(?:[.,]\d{1,3})?))?\s*\+?$/.exec(t);
  if (bare) {
    const lead = text.indexOf(t);
    const minutes = bare[2] !== undefined ? Math.max(num(bare[1]), num(bare[2])) : num(bare[1]);
    return { minutes, start: lead, end: lead + t.length };
  }
  const found = findDurations(text);
  return found[0];
}

/** A budget cell that says this trigger is answered by data correction, not by rolling back code. */
// Asked of every trigger and budget on every edit.
export const isDataCorrection: (text: string) => boolean = memoized(
  (text: string) => /\b(do not|don't|never|no)\s+roll\s*back|level\s*4|not (?:a )?(?:code )?rollback/i.test(text) || MATCH.dataCorrection.test(text),
  10_000,
);

export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  const rounded = Math.round(minutes * 10) / 10;
  return `${rounded} min`;
}

/** Whether the duration at [start, end) of `s` is a window the condition must hold for ("for 5 minutes", "5分間継続"), not a budget. */
export function isWindowAt(s: string, start: number, end: number): boolean {
  return MATCH.windowBefore.test(s.slice(Math.max(0, start - 30), start)) || MATCH.windowAfter.test(s.slice(end, end + 20)) || WINDOW_BETWEEN.test(s.slice(start, end));
}

