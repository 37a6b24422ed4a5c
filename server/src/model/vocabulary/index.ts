// Every language's words, compiled once into the matchers the model reads with.
// The model asks "is this a rollback word?", never "is this English?": a heading
// may mix languages ("Rollback 기준", "Critérios de rollback").
import type { Vocabulary } from './types';
import { StringCache } from '../text';
import { en } from './en';
import { es } from './es';
import { pt } from './pt';
import { fr } from './fr';
import { de } from './de';
import { it } from './it';
import { nl } from './nl';
import { ru } from './ru';
import { vi } from './vi';
import { ja } from './ja';
import { ko } from './ko';
import { zhHans } from './zh-hans';
import { zhHant } from './zh-hant';

export type { Vocabulary } from './types';

export const VOCABULARIES: readonly Vocabulary[] = [en, es, pt, fr, de, it, nl, ru, vi, ja, ko, zhHans, zhHant];

type WordList = Exclude<keyof Vocabulary, 'language' | 'columns' | 'units' | 'window' | 'receipt'>;

const SPACED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** Whether an entry is written in a script that separates words with spaces. */
export function isSpaced(entry: string): boolean {
  return SPACED.test(entry);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// A spaced word ends where a letter of a spaced script ends: "Dashboardでのロールバック" holds "dashboard".
const LEFT_BOUND = '(?<![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}])';
const RIGHT_BOUND = '(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}])';
// "시>": no letter of any script may follow ("롤백 시", not "시나리오").
const WORD_END = '(?![\\p{L}\\p{N}])';

/** One entry as the parts of a regex source (the syntax is in types.ts): what must stand before it, the entry, what must follow. */
function entryParts(entry: string): { left: string; body: string; right: string } {
  let e = entry.trim().toLowerCase();
  const anchored = e.startsWith('^');
  if (anchored) e = e.slice(1);
  const prefix = e.endsWith('*');
  if (prefix) e = e.slice(0, -1);
  const suffix = e.startsWith('*');
  if (suffix) e = e.slice(1);
  const ends = e.endsWith('>');
  if (ends) e = e.slice(0, -1);
  const body = e.split(/\s+/).map(escape).join('[\\s-]{0,2}');
  const bounded = isSpaced(e);
  const left = anchored ? '^' : bounded && !suffix ? LEFT_BOUND : '';
  const right = ends ? WORD_END : bounded && !prefix ? RIGHT_BOUND : '';
  return { left, body, right };
}

/** One entry as a regex source. */
export function entrySource(entry: string): string {
  const { left, body, right } = entryParts(entry);
  return left + body + right;
}

/**
 * The entries as one regex source. Entries with the same boundaries share them: one
 * `(?<![\p{L}\p{N}])(?:a|b|…)(?![\p{L}\p{N}])` instead of a pair of lookarounds per entry,
 * which made each matcher cost ~100 ms to compile (twice: for one-byte and two-byte text) and
 * kept V8 interpreting it (issue 13).
 */
function alternation(entries: Iterable<string>, parts: (e: string) => { left: string; body: string; right: string } = entryParts): string {
  // Longest first, so "rolling back" is tried before "roll back" where both could start.
  const unique = [...new Set([...entries].map((e) => e.trim().toLowerCase()))].sort((a, b) => b.length - a.length);
  const groups = new Map<string, { left: string; right: string; bodies: string[] }>();
  for (const e of unique) {
    const p = parts(e);
    const key = `${p.left}\0${p.right}`;
    const g = groups.get(key);
    if (g) g.bodies.push(p.body);
    else groups.set(key, { left: p.left, right: p.right, bodies: [p.body] });
  }
  return [...groups.values()].map((g) => (g.left || g.right ? `${g.left}(?:${g.bodies.join('|')})${g.right}` : g.bodies.join('|'))).join('|');
}

function all(list: WordList, languages: readonly Vocabulary[] = VOCABULARIES): string[] {
  return languages.flatMap((v) => v[list]);
}

const SEEN_LENGTH = 400;

/**
 * A compiled word list. The entries are lower case and the text is lowered before the test:
 * a regex without the `i` flag costs a third as much to compile (case-insensitive Unicode
 * matching expands every letter), and each is compiled twice, for one-byte and two-byte text.
 */
export class Matcher {
  constructor(readonly regex: RegExp) {}

  // The same titles, trigger names and steps are asked about on every edit, and one test of a
  // 13-language alternation costs far more than a lookup. Only short texts are kept.
  private readonly seen = new StringCache<boolean>(4096);
  test(text: string): boolean {
    if (text.length > SEEN_LENGTH) return this.regex.test(text.toLowerCase());
    return this.seen.peek(text) ?? this.seen.put(text, this.regex.test(text.toLowerCase()));
  }

  /** Where the first match stands in `text` (the whole text when lowering changed its length, "İ" → "i̇"). */
  find(text: string): { index: number; length: number } | undefined {
    const lower = text.toLowerCase();
    if (lower.length !== text.length) return this.regex.test(lower) ? { index: 0, length: text.length } : undefined;
    const m = this.regex.exec(lower);
    return m ? { index: m.index, length: m[0].length } : undefined;
  }

  private everywhere?: RegExp;
  /** `text` lowered, every match replaced by a space: what the text says besides these words. */
  without(text: string): string {
    this.everywhere ??= new RegExp(this.regex.source, 'gu');
    return text.toLowerCase().replace(this.everywhere, ' ');
  }
}

const compile = (source: string) => new Matcher(new RegExp(source, 'u'));
const substring = (entries: string[]) => compile(alternation(entries, (e) => ({ left: '', body: escape(e), right: '' })));

/** The compiled matchers: built from the tables above, exported for the regex audit. */
export const MATCH = {
  rollback: compile(alternation(all('rollback'))),
  criteria: compile(alternation(all('criteria'))),
  triggerTitle: compile(`^(?:${alternation(all('triggerTitles'))})$`),
  triggerPhrase: compile(alternation(all('triggerPhrases'))),
  usage: compile(alternation(all('usage'))),
  notTriggers: compile(alternation(all('notTriggers'))),
  procedure: compile(alternation([...all('rollback'), ...all('procedure')])),
  notProcedure: compile(alternation([...all('notProcedure'), ...all('criteria'), ...all('scenarios')])),
  scenarios: compile(alternation(all('scenarios'))),
  scenarioQualifiers: compile(alternation(all('scenarioQualifiers'))),
  advice: compile(alternation(all('advice'))),
  example: compile(`^(?:${alternation(all('examples'))})$`),
  compose: compile(alternation(all('compose'))),
  roles: compile(alternation(all('roles'))),
  levelStep: compile(`^(?:${alternation(all('levels'))})\\s{0,3}([0-4])(?![\\p{N}])`),
  census: compile(alternation(all('census'))),
  brief: compile(alternation(all('brief'))),
  negative: compile(alternation(all('negative'))),
  dataCorruption: compile(alternation(all('dataCorruption'))),
  dataCorrection: compile(alternation(all('dataCorrection'))),
  vague: compile(alternation(all('vague'))),
  frequency: compile(alternation(all('frequency'))),
  mood: compile(alternation(all('mood'))),
  events: compile(alternation(all('events'))),
  failures: compile(alternation(all('failures'))),
  unresolved: compile(alternation(all('unresolved'))),
  deadlines: compile(alternation(all('deadlines'))),
  users: compile(alternation(all('users'))),
  generic: compile(alternation(all('generic'))),
  observedBy: compile(alternation(all('observedBy'))),
  rates: compile(alternation(all('rates'))),
  comparators: compile(alternation(all('comparators'))),
  // "10秒以上", "50%以上": the languages that write the comparison after the number.
  comparatorAfter: compile(`^\\s*(?:${alternation(all('comparators'))})`),
  // "API応答時間10秒", "latency > 500ms": the duration is the value of a latency, not a window.
  // "API 回應時間 P95 超過 5 秒": a percentile and a comparator word may stand between.
  rateBefore: compile(`(?:${alternation(all('rates'))})[\\s:：]*(?:p\\d{2,3}[\\s:：]*)?(?:(?:${alternation(all('comparators'))})\\s*|[<>≥≤~]\\s*=?\\s*)?$`),
  preferred: compile(alternation(all('preferred'))),
  environments: compile(alternation(all('environments'))),
  pathChoice: compile(alternation(all('pathChoice'))),
  /** A step's opening verb, at the start of the item's words. */
  step: compile(`^(?:${alternation(all('steps'))})`),
  run: compile(`^(?:${alternation(all('run'))})`),
  automatic: compile(alternation(all('automatic'))),
  manual: compile(alternation(all('manual'))),
  /** "step 1", "paso 2", "步骤3", "第3步": a stage of one sequence. */
  stageHeading: compile(`^(?:${alternation(all('stages'))})\\s*\\d`),
  stepLabel: compile(`^(?:${alternation(all('stepLabels'))})$`),
  /** A whole cell that answers no. */
  no: compile(`^\\s*(?:${alternation(all('no'))})\\s*[.!]?\\s*$`),
  or: compile(`^\\s*(?:${alternation(all('or'))})`),
  console: compile(alternation(all('console'))),
  browserConsole: compile(alternation(all('browserConsole'))),
  watchOnly: compile(alternation(all('watchOnly'))),
  symptom: compile(`^(?:${alternation(all('symptom'))})`),
  gitRevert: compile(alternation(all('gitRevert'))),
  schemaReversal: compile(alternation(all('schemaReversal'))),
  schemaChanges: compile(alternation(all('schemaChanges'))),
  /** A heading that names one path of several: "Option A", "Método 2", "方案A", "Вариант B". */
  pathHeading: compile(`^(?:${alternation(all('paths'))})\\s*[a-z0-9](?![\\p{L}\\p{N}])`),
  pathVia: compile(alternation(all('pathVia'))),
  /** "Revertir si:", "Rollback wenn:": a rollback word, then soon an if-word (English labels have their own, stricter reading). */
  rollbackThenIf: compile(
    `(?:${alternation(all('rollback'))})[^\\n]{0,24}?(?:${alternation(
      all('conditional', VOCABULARIES.filter((v) => v !== en)).filter(isSpaced),
    )})`,
  ),
  /** "以下の場合はロールバック", "다음의 경우 롤백": in the scripts without spaces the condition comes first, or after. */
  ifNearRollback: compile(
    (() => {
      const cond = alternation(all('conditional').filter((e) => !isSpaced(e)));
      const roll = alternation(all('rollback'));
      return `(?:${cond})[^\\n]{0,24}?(?:${roll})|(?:${roll})[^\\n]{0,24}?(?:${cond})`;
    })(),
  ),
  /** An if-word: "if", "se", "wenn", "nếu", "если", "場合". */
  conditional: compile(alternation(all('conditional'))),
  immediate: compile(alternation(all('immediate'))),
  rto: compile(alternation(all('rto'))),
  objective: compile(`^(?:${alternation(all('objective'))})`),
  /** Text before a duration that makes it a window ("for 5 min", "pendant 10 minutes", "持续5分钟"). */
  windowBefore: compile(`(?:${alternation(VOCABULARIES.flatMap((v) => v.window.before))})[\\s:：(（]*(?:[<>≥≤~]\\s*=?\\s*)?$`),
  /** Text after a duration that makes it a window ("5 minutes in a row", "5分間継続"). */
  windowAfter: compile(`^[\\s,]*(?:${alternation(VOCABULARIES.flatMap((v) => v.window.after))})`),
  windowSteady: compile(alternation(VOCABULARIES.flatMap((v) => v.window.steady))),
  receipt: {
    commands: compile(alternation(VOCABULARIES.flatMap((v) => v.receipt.commands))),
    gaps: compile(alternation(VOCABULARIES.flatMap((v) => v.receipt.gaps))),
    timeline: compile(alternation(VOCABULARIES.flatMap((v) => v.receipt.timeline))),
    witness: compile(alternation(VOCABULARIES.flatMap((v) => v.receipt.witness))),
    signOff: compile(alternation(VOCABULARIES.flatMap((v) => v.receipt.signOff))),
    measured: compile(alternation(VOCABULARIES.flatMap((v) => v.receipt.measured))),
    estimate: compile(alternation(VOCABULARIES.flatMap((v) => v.receipt.estimate))),
    notRun: compile(alternation(VOCABULARIES.flatMap((v) => v.receipt.notRun))),
    status: compile(alternation(VOCABULARIES.flatMap((v) => v.receipt.status))),
  },
  columns: {
    trigger: substring(VOCABULARIES.flatMap((v) => v.columns.trigger)),
    observed: substring(VOCABULARIES.flatMap((v) => v.columns.observed)),
    budget: substring(VOCABULARIES.flatMap((v) => v.columns.budget)),
    threshold: substring(VOCABULARIES.flatMap((v) => v.columns.threshold)),
    fixTime: substring(VOCABULARIES.flatMap((v) => v.columns.fixTime)),
    severity: substring(VOCABULARIES.flatMap((v) => v.columns.severity)),
  },
};

/** Minutes per unit of time, by the unit as written (lowercase), in every language. */
export const UNIT_MINUTES: ReadonlyMap<string, number> = new Map(
  VOCABULARIES.flatMap((v) => [
    ...v.units.seconds.map((u) => [u, 1 / 60] as const),
    ...v.units.minutes.map((u) => [u, 1] as const),
    ...v.units.hours.map((u) => [u, 60] as const),
    ...v.units.days.map((u) => [u, 24 * 60] as const),
  ]),
);

/** The units as one regex source, longest first ("minutes" before "min" before "m"). */
export const UNIT_SOURCE = [...UNIT_MINUTES.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');

/** The units of a minute or longer, as one regex source: "per minute" counts over a minute, "per second" flaps. */
export const MINUTE_OR_LONGER_UNIT_SOURCE = [...UNIT_MINUTES].filter(([, m]) => m >= 1).map(([u]) => u).sort((a, b) => b.length - a.length).map(escape).join('|');

/** The words a window puts between the number and its unit ("10 consecutive minutes"), as one regex source. */
/** A path's word with its letter or number ("Opción A", "方案B", "방법 1"), as one regex source: a label like "**Opción A: …**" opens a path. */
export const PATH_ID_SOURCE = `(?:${alternation(all('paths'))})\\s*[a-z0-9]{1,2}(?![\\p{L}\\p{N}])`;

export const WINDOW_BETWEEN_SOURCE = [...new Set(VOCABULARIES.flatMap((v) => v.window.between ?? []))].sort((a, b) => b.length - a.length).map(escape).join('|');

/** A heading (normalized by sections.ts) that names a trigger section, in any of the languages. */
export function namesTriggers(title: string): boolean {
  if (MATCH.negative.test(title)) return false;
  if (MATCH.triggerTitle.test(title) || MATCH.triggerPhrase.test(title)) return true;
  return MATCH.rollback.test(title) && MATCH.criteria.test(title) && !MATCH.notTriggers.test(title);
}

/**
 * Use every matcher once on one-byte and once on two-byte text. V8 compiles a regex on its
 * first use for each kind of string; the 20 matchers cost ~65 ms together, which the server
 * spends while its client starts rather than on the first document opened (issue 13).
 */
export function compileMatchers(): void {
  const all = [...Object.values(MATCH).filter((m): m is Matcher => m instanceof Matcher), ...Object.values(MATCH.columns), ...Object.values(MATCH.receipt)];
  for (const m of all) for (const sample of ['rollback', 'rollback \u2014 ロールバック']) m.test(sample);
}
