// The trigger list: when we roll back without discussion, how we notice, how many
// minutes we allow. Read from a table, a bullet/numbered/checkbox list or a
// bold-label list, with observation and budget inline.
import type { Code, List, ListItem, Paragraph, RootContent, Table, Root } from 'mdast';
import { NodeMemo, plainText, spanOf } from './markdown';
import { drawnGroups, type DrawnGroup } from './drawn';
import { findDurations, isDataCorrection, isWindowAt, parseBudget, type Duration } from './duration';
import { columnIndex, headerColumn, headerOf, parseTable, type Cell, type ParsedTable } from './table';
import { contentOf, descendants, isNegativeTitle, isRollbackTitle, isRolesTitle, isTriggerLabel, isTriggerTitle, isWatchTitle, normalizeTitle, type Section } from './sections';
import type { Span } from './types';
import { derivedFrom, memoized } from './text';
import { isSpaced, MATCH } from './vocabulary';

/** "→", "->", "=>" between a drawn item's condition and its answer. */
const ARROW = /→|->|=>|⇒/u;

const namesConditions = (title: string) => MATCH.criteria.test(title) || MATCH.columns.trigger.test(title);

/** How a receipt's `trigger:` names a trigger: case and spacing do not matter. Memoized: every receipt meets every trigger name of its runbooks, on every edit. */
export const normalizeTrigger: (s: string) => string = memoized((s: string) => s.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase(), 10_000);

export type TriggerStyle = 'table' | 'list';

export interface Trigger {
  /** The trigger as written (the trigger cell, or the item without observation and budget). */
  name: string;
  nameSpan: Span;
  /** Full text of the row or item, for measurability checks. */
  fullText: string;
  observed?: string;
  observedSpan?: Span;
  /** A trigger table's threshold cells, when the threshold stands beside the name ("| Error rate (5xx) | > 3% |"). */
  threshold?: string;
  /** Budget as written; undefined when there is none. */
  budgetText?: string;
  budgetSpan?: Span;
  /** Parsed minutes; undefined when missing or not a duration. */
  budgetMinutes?: number;
  /** The budget says "data correction / do not roll back". */
  dataCorrection: boolean;
  /** The budget comes from the heading above the list ("(< 5 minutes decision)"). */
  budgetFromHeading: boolean;
  /** The budget is the trigger's window: the system rolls back by itself when it has held ("Automatic rollback triggers"). */
  budgetIsWindow?: true;
  style: TriggerStyle;
  /** The whole row or list item. */
  span: Span;
  section?: Section;
  table?: TriggerTable;
  /** The label or heading that introduced the list ("Auto triggers (any sustained 30m):"), when it says more. */
  context?: string;
  /** A trigger table's severity cell ("Critical"), lower case: the level a legend answers. */
  level?: string;
}

export interface TriggerTable {
  table: ParsedTable;
  section?: Section;
  triggerCol: number;
  observedCol: number;
  budgetCol: number;
  /** "| Метрика | Порог для рассмотрения | Порог для немедленного отката |": the values the metric is compared with. */
  thresholdCols: number[];
  /** "| 修复时间评估 |", "| Time to fix |": how long the fix would take, neither the budget nor a measure of the trigger. */
  fixTimeCols: number[];
  /** "| Severity |": the level each row is answered by; -1 when none. */
  severityCol: number;
}

export interface TriggerList {
  node: List;
  span: Span;
  section?: Section;
}

export interface TriggerModel {
  triggers: Trigger[];
  tables: TriggerTable[];
  lists: TriggerList[];
  /** Headings (or bold labels) that announce a trigger list, whether or not one follows. */
  announcements: { span: Span; section?: Section }[];
}

const TRIGGER_COL = MATCH.columns.trigger;
const OBSERVED_COL = MATCH.columns.observed;
const BUDGET_COL = MATCH.columns.budget;
const THRESHOLD_COL = MATCH.columns.threshold;
/** A table with a header cell that names triggers ("Trigger", "Critério de rollback") is a trigger table wherever it stands. */
const isStrongHeader = (cell: string) => isTriggerTitle(normalizeTitle(cell));

// `\s*(?::\s*)?`, not `\s*:?\s*`: the two runs of spaces would trade characters, quadratic on a long run (issue 12).
const FORM_FIELD = /^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*(?::\s*)?(?:\[[^\]]*\]|<[^>]*>)\s*$/;

const BUDGET_MARKER = /\b(?:timer\s+budget|budget|timer|decide\s+within|roll\s?-?back\s+within)\b\s*[:=]?\s*/i;

function triggerTableOf(table: ParsedTable, section: Section | undefined, inTriggerSection: boolean): TriggerTable | undefined {
  const strong = table.header.cells.findIndex((c) => isStrongHeader(c.text));
  const triggerCol = strong >= 0 ? strong : inTriggerSection ? columnIndex(table, TRIGGER_COL) : -1;
  if (triggerCol < 0) return undefined;
  const fixTime = table.header.cells.flatMap((c, i) => (MATCH.columns.fixTime.test(c.text.toLowerCase()) ? [i] : []));
  const budgetCol = columnIndex(table, BUDGET_COL, [triggerCol, ...fixTime]);
  const observedCol = columnIndex(table, OBSERVED_COL, [triggerCol, budgetCol]);
  const thresholdCols = table.header.cells.flatMap((c, i) => (i !== triggerCol && i !== budgetCol && i !== observedCol && THRESHOLD_COL.test(c.text.toLowerCase()) ? [i] : []));
  const severityCol = columnIndex(table, MATCH.columns.severity, [triggerCol, budgetCol, observedCol]);
  return { table, section, triggerCol, observedCol, budgetCol, thresholdCols, fixTimeCols: fixTime, severityCol };
}

function triggersOfTable(text: string, tt: TriggerTable): Trigger[] {
  const out: Trigger[] = [];
  // A decision matrix's "Rollback?" column: a row it answers "No" ("| UI glitch | P3 | No | Fix forward |") is no trigger.
  const answer = tt.table.header.cells.findIndex((c, i) => i !== tt.triggerCol && i !== tt.budgetCol && MATCH.rollback.test(c.text) && /[?？]\s*$/.test(c.text));
  // An action column that names the rollback in most rows: a row whose action names none ("| Minor issues | Fix forward |") is no trigger.
  const taken = [tt.triggerCol, tt.budgetCol, tt.observedCol, ...tt.thresholdCols];
  const rows = tt.table.rows;
  const action = rows.length < 2 ? -1 : tt.table.header.cells.findIndex((_, i) => !taken.includes(i) && rows.filter((r) => MATCH.rollback.test(r.cells[i]?.text ?? '')).length * 2 > rows.length);
  // A table without a budget column under "### 推奨基準 (下記のいずれかが満たされたら即 rollback)": the heading's word is the rows' budget (RB004, once).
  const heading = headingBudgetOf(tt.section) ?? (tt.budgetCol < 0 ? immediateHeading(text, tt.section) : undefined);
  for (const row of rows) {
    const nameCell = row.cells[tt.triggerCol];
    if (!nameCell || !nameCell.text) continue;
    if (answer >= 0 && MATCH.no.test(row.cells[answer]?.text ?? '')) continue;
    if (action >= 0 && row.cells[action]?.text && !MATCH.rollback.test(row.cells[action].text)) continue;
    const observedCell = tt.observedCol >= 0 ? row.cells[tt.observedCol] : undefined;
    const budgetCell = tt.budgetCol >= 0 ? row.cells[tt.budgetCol] : undefined;
    const budgetText = budgetCell?.text || undefined;
    const parsed = budgetText ? parseBudget(budgetText) : undefined;
    // The answer can stand in any cell: "| Dữ liệu bị hỏng | Database PITR | 10-30 phút |".
    const dataCorrection = row.cells.some((c, i) => i !== tt.triggerCol && c.text && isDataCorrection(c.text));
    const inherited = budgetText ? undefined : heading ?? (tt.budgetCol < 0 ? immediateAnswer(text, row.cells, taken) : undefined);
    out.push({
      name: nameCell.text,
      nameSpan: nameCell.span,
      fullText: row.cells.filter((_, i) => !tt.fixTimeCols.includes(i)).map((c) => c.text).join(' | '),
      observed: observedCell?.text || undefined,
      observedSpan: observedCell?.text ? observedCell.span : undefined,
      ...(tt.thresholdCols.length ? { threshold: tt.thresholdCols.map((i) => row.cells[i]?.text ?? '').join(' ') } : {}),
      budgetText: budgetText ?? (inherited ? text.slice(inherited.start, inherited.end) : undefined),
      budgetSpan: budgetCell ? budgetCell.span : inherited ? { start: inherited.start, end: inherited.end } : undefined,
      // A budget cell that says "data correction" holds no minutes; minutes beside a restore in another cell stay.
      budgetMinutes: budgetText && isDataCorrection(budgetText) ? undefined : parsed?.minutes ?? inherited?.minutes,
      dataCorrection,
      budgetFromHeading: !!inherited,
      style: 'table',
      span: row.span,
      section: tt.section,
      table: tt,
      ...(tt.severityCol >= 0 && row.cells[tt.severityCol]?.text ? { level: levelName(row.cells[tt.severityCol].text) } : {}),
    });
  }
  return out;
}

/**
 * "| API が 5xx エラーを返す | **即時ロールバック** |", "| 錯誤率 | > 5% | 立即回滾 |": in a table without a budget
 * column, an answer cell that rolls back "immediately" puts a word where the minutes should be (RB004).
 */
function immediateAnswer(text: string, cells: Cell[], taken: number[]): SharedBudget | undefined {
  for (let i = 0; i < cells.length; i++) {
    if (taken.includes(i) || !MATCH.rollback.test(cells[i].text)) continue;
    const word = immediateWordIn(text, cells[i].span);
    if (word) return word;
  }
  return undefined;
}

/** The duration soon after "not resolved" ("not resolved within 30 minutes", "未解决超过30分钟"), offsets in `s`. */
function unresolvedWithin(s: string): Duration | undefined {
  const at = MATCH.unresolved.find(s);
  if (!at) return undefined;
  const from = at.index + at.length;
  return findDurations(s).find((d) => d.start >= from && d.start - from <= 30);
}

/** "Not fixed the same day", "当日中の恒久修正が不可能": a deadline beside the fix attempt, offsets in `s`. */
function unresolvedBy(s: string): Span | undefined {
  const at = MATCH.unresolved.find(s);
  const by = at && MATCH.deadlines.find(s);
  if (!at || !by) return undefined;
  const gap = by.index > at.index ? by.index - (at.index + at.length) : at.index - (by.index + by.length);
  return gap <= 30 ? { start: by.index, end: by.index + by.length } : undefined;
}

/** A duration with a placeholder for its number ("[N] ore", "X minutes", "[X] min"), offsets in `s`. */
function placeholderDuration(s: string): Span | undefined {
  const re = /(?<![\p{L}\p{N}])(?:\[\s*[A-Za-z]{1,3}\s*\]|[NXY])(?=\s*\p{L})/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const rest = s.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const d = findDurations(`1${rest}`)[0];
    if (d && d.start === 0) return { start: m.index, end: m.index + m[0].length + d.end - 1 };
  }
  return undefined;
}

/** The first paragraph of an item, which holds the trigger; nested lists are details. */
function itemHead(item: ListItem): RootContent | undefined {
  return item.children.find((c) => c.type === 'paragraph');
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /[\s,;:|—–\-→(]/.test(text[start])) start++;
  while (end > start && /[\s,;:|—–\-→(.]/.test(text[end - 1])) end--;
  return { start, end };
}

function triggerOfItem(text: string, item: ListItem, section: Section | undefined, shared?: SharedBudget, automatic = false): Trigger | undefined {
  const head = itemHead(item);
  if (!head) return undefined;
  const headSpan = spanOf(head);
  let raw = text.slice(headSpan.start, headSpan.end);
  const rawStart = headSpan.start;
  // A checkbox is kept in the paragraph by some parsers; skip it.
  const box = /^\s*\[[ xX]\]\s*/.exec(raw);
  const lead = box ? box[0].length : 0;
  raw = raw.slice(lead);
  const base = rawStart + lead;
  if (!plainText(head).trim()) return undefined;
  // Form fields ("**Trigger Type**: [Automatic/Manual]") and unfinished labels ("other:") are not triggers.
  if (FORM_FIELD.test(raw)) return undefined;
  if (/^[^\s]+:\s*$/.test(raw.trim())) return undefined;

  let nameEnd = raw.length;
  let budgetSpan: Span | undefined;
  let budget: Duration | undefined;
  let budgetIsWindow = false;
  let placeholder: Span | undefined;
  let deadline: Span | undefined;
  const marker = BUDGET_MARKER.exec(raw);
  const after = marker ? raw.slice(marker.index + marker[0].length) : '';
  const first = marker ? findDurations(after)[0] : undefined;
  const d = first && first.start <= 2 ? first : undefined;
  // "Latenz deutlich ueber Budget.": a budget the signal exceeds, no timer; a word after it must be one ("ASAP", "TBD", "?").
  const next = /^[^\s,;)]+/.exec(after);
  const word = next && /[\p{L}\p{N}?]/u.test(next[0]) ? next : null;
  if (marker && (d || word)) {
    if (d) {
      budget = d;
      budgetSpan = { start: base + marker.index + marker[0].length + d.start, end: base + marker.index + marker[0].length + d.end };
    } else if (word) {
      budgetSpan = { start: base + marker.index + marker[0].length, end: base + marker.index + marker[0].length + word[0].length };
    }
    nameEnd = marker.index;
  } else {
    // "…  — 5 min" or "… (5 min)" at the very end of the item.
    const tail = /(?:\s[—–→|]\s*|\s\(\s*)((?:[~<≤]\s*)?\d+(?:[.,]\d+)?\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hours?))\s*(?:\)\s*)?$/i.exec(raw);
    if (tail) {
      const start = tail.index + tail[0].indexOf(tail[1]);
      budget = findDurations(tail[1])[0];
      budgetSpan = { start: base + start, end: base + start + tail[1].length };
      nameEnd = tail.index;
    } else if ((placeholder = placeholderDuration(raw))) {
      // "Errori critici non risolvibili in [N] ore": the budget is there, not filled in (RB004).
      budgetSpan = { start: base + placeholder.start, end: base + placeholder.end };
    } else if ((budget = unresolvedWithin(raw))) {
      // "Critical errors not resolved within 30 minutes": the trigger is the timer on the fix attempt.
      budgetSpan = { start: base + budget.start, end: base + budget.end };
    } else if ((deadline = unresolvedBy(raw))) {
      budgetSpan = { start: base + deadline.start, end: base + deadline.end };
    } else if (automatic) {
      // "Error rate > 5% for 2+ minutes" where the system rolls back by itself: the window is the time to the decision.
      const d = findDurations(raw).find((x) => isWindowAt(raw, x.start, x.end));
      if (d) {
        budget = d;
        budgetSpan = { start: base + d.start, end: base + d.end };
        budgetIsWindow = true;
      }
    }
  }
  let nameSpan = trimSpan(text, base, base + nameEnd);
  let observedSpan: Span | undefined;
  const bold = /^\s*(\*\*|__)(.+?)\1\s*:?/.exec(raw);
  const nameText = text.slice(nameSpan.start, nameSpan.end);
  const observedMarker = /(?<!\s)\s*\(?\b(?:observed\s+(?:by|via|in|on|with)|how\s+observed\s*:|detected\s+(?:by|via|in|on)|seen\s+(?:in|on)|via)\s+/i.exec(nameText);
  if (observedMarker && observedMarker.index > 0) {
    observedSpan = trimSpan(text, nameSpan.start + observedMarker.index + observedMarker[0].length, nameSpan.end);
    nameSpan = trimSpan(text, nameSpan.start, nameSpan.start + observedMarker.index);
  } else if (marker && !bold) {
    // The canonical inline form "5xx > 5% for 2 min: dashboard, budget 5 min".
    const colon = /:\s/.exec(nameText);
    if (colon) {
      observedSpan = trimSpan(text, nameSpan.start + colon.index + 1, nameSpan.end);
      nameSpan = trimSpan(text, nameSpan.start, nameSpan.start + colon.index);
    }
  }
  if (bold && !marker && !observedSpan) {
    // "**System down**: no response from any endpoint" — the label names the trigger.
    const labelStart = base + bold.index + bold[0].indexOf(bold[2]);
    nameSpan = { start: labelStart, end: labelStart + bold[2].length };
    // "**Response time > 5s**: Immediate rollback": the answer stands where the budget should, as a word (RB004).
    const rest = raw.slice(bold.index + bold[0].length);
    const word = budgetSpan ? undefined : MATCH.immediate.find(rest.slice(0, 40));
    if (word && !rest.slice(0, word.index).trim()) {
      const at = base + bold.index + bold[0].length + word.index;
      budgetSpan = { start: at, end: at + word.length };
    }
  }
  const strip = (s: string) => s.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
  // The nearest shared budget: the lead-in above the list, else the heading; "Roll back immediately if:"
  // under "Immediate Rollback Scenarios (< 5 minutes decision)" keeps the heading's minutes.
  const heading = headingBudgetOf(section);
  const fromLead = shared && (shared.minutes !== undefined || !heading) ? shared : undefined;
  const inherited = budgetSpan ? undefined : fromLead ?? heading;
  const budgetText = budgetSpan ? text.slice(budgetSpan.start, budgetSpan.end) : inherited ? text.slice(inherited.start, inherited.end) : undefined;
  const dataCorrection = isDataCorrection(budgetText ?? raw);
  return {
    name: strip(text.slice(nameSpan.start, nameSpan.end)),
    nameSpan,
    // Nested items carry the details ("Data integrity issues" → "Data corruption detected").
    fullText: strip(plainText(item)),
    observed: observedSpan ? strip(text.slice(observedSpan.start, observedSpan.end)) : undefined,
    observedSpan,
    budgetText,
    budgetSpan: budgetSpan ?? (inherited ? { start: inherited.start, end: inherited.end } : undefined),
    budgetMinutes: dataCorrection ? undefined : budget?.minutes ?? inherited?.minutes,
    dataCorrection,
    budgetFromHeading: !!inherited,
    ...(budgetIsWindow ? { budgetIsWindow: true as const } : {}),
    style: 'list',
    span: spanOf(item),
    section,
  };
}

/**
 * "If any of the following occur for 10 consecutive minutes:": a lead-in that gives every item
 * its window. A watch period ("within the first 24 hours of rollout") is hours, not a signal that holds.
 */
function holdsWindow(text: string, n: Paragraph): boolean {
  const span = spanOf(n);
  const src = text.slice(span.start, span.end);
  return findDurations(src).some((d) => d.minutes <= 60 && isWindowAt(src, d.start, d.end));
}

/** "### 즉시 롤백이 필요한 경우", "## Immediate rollback": the list's own heading gives a budget as a word (RB004, once for the list). */
function immediateHeading(text: string, section: Section | undefined): SharedBudget | undefined {
  if (!section || headingBudgetOf(section)) return undefined;
  return immediateWordIn(text, spanOf(section.heading));
}

/** "Immediately", "立即", "即時" in `at` of the text, as a budget with no minutes (RB004), offsets in the document. */
function immediateWordIn(text: string, at: Span): SharedBudget | undefined {
  const word = MATCH.immediate.find(text.slice(at.start, at.end));
  return word ? { start: at.start + word.index, end: at.start + word.index + word.length } : undefined;
}

/** A rollback the system does by itself: said by the lead-in or label, by the list's heading or the one above it. */
function isAutomatic(section: Section | undefined, lead: string | undefined): boolean {
  if (lead && MATCH.automatic.test(lead)) return true;
  for (let s = section, n = 0; s && s.depth >= 2 && n < 2; s = s.parent, n++) if (MATCH.automatic.test(s.title)) return true;
  return false;
}

/** The budget the nearest heading gives ("## Rollback Decision (⏱️ 5-10 minutes)" over "### Rollback decision" over the list). */
function headingBudgetOf(section: Section | undefined): Duration | undefined {
  for (let s = section; s; s = s.parent) if (s.budget) return s.budget;
  return undefined;
}

/** A budget stated once for the items below it: offsets in the document; no minutes when written as a word ("immediately"). */
interface SharedBudget {
  start: number;
  end: number;
  minutes?: number;
}

/** A group line's own budget ("ROLLBACK RAPIDE (< 30 min)"), or its word ("IMMEDIATE ROLLBACK"). */
function drawnBudget(text: string, g: DrawnGroup): SharedBudget | undefined {
  if (!g.line) return undefined;
  const d = findDurations(g.line.text).find((x) => !isWindowAt(g.line!.text, x.start, x.end));
  if (d) return { start: g.line.start + d.start, end: g.line.start + d.end, minutes: d.minutes };
  const word = MATCH.immediate.find(g.line.text);
  return word ? { start: g.line.start + word.index, end: g.line.start + word.index + word.length } : undefined;
}

/** The budget a heading above gives, as a shared budget. */
function headingShared(section: Section | undefined): SharedBudget | undefined {
  const d = headingBudgetOf(section);
  return d ? { start: d.start, end: d.end, minutes: d.minutes } : undefined;
}

/** A short paragraph ending with a colon that introduces the list after it: "If any of these occur, roll back within 5 minutes:". */
function isLeadIn(n: RootContent | undefined): n is Paragraph {
  if (n?.type !== 'paragraph') return false;
  const t = plainText(n).trim();
  return t.length <= 300 && /[:：]$/.test(t);
}

/**
 * The budget a lead-in gives every item of its list: its first duration that is not a window,
 * else a word such as "immediately" (a budget, but not a duration: RB004, once for the list).
 */
function leadBudget(text: string, n: Paragraph, automatic: boolean): SharedBudget | undefined {
  const span = spanOf(n);
  const src = text.slice(span.start, span.end);
  const durations = findDurations(src);
  const d = durations.find((x) => !isWindowAt(src, x.start, x.end)) ?? (automatic ? durations[0] : undefined);
  if (d) return { start: span.start + d.start, end: span.start + d.end, minutes: d.minutes };
  return immediateWordIn(text, span);
}

/** The words an item opens with: no checkbox, numbering, emoji or markup before them. */
function itemWords(item: ListItem): string {
  const head = itemHead(item);
  return head ? plainText(head).replace(/^\s*\[[ xX]\]\s*/, '').replace(/^[^\p{L}\p{N}]+/u, '') : '';
}

/**
 * What to do, not when: a numbered list most of whose items open with a step's verb ("1. Execute:
 * `npm run deploy:rollback`", "2. Verificar health checks"), or any list all of whose (three or more) do.
 */
export const isStepList: (list: List) => boolean = derivedFrom((list: List) => {
  const n = list.children.length;
  const steps = list.children.filter((item) => MATCH.step.test(itemWords(item))).length;
  return list.ordered ? steps >= 2 && steps * 2 > n : n >= 3 && steps === n;
});

/** "**Proceso:**", "Steps:": a label that introduces the steps after it; under "**症狀**: …", its own last line. */
function isStepLabel(n: Paragraph): boolean {
  const lines = plainText(n).split('\n');
  return MATCH.stepLabel.test(lines[lines.length - 1].replace(/[:：]\s*$/, '').replace(/^[^\p{L}]+/u, '').trim());
}

/**
 * "revisar `x.js` se os botões não responderem", "Restart the worker if the queue stalls": another
 * response on its own condition, not a trigger. The if-word stands outside brackets: "Review
 * confidence is low (unclear if the code is correct)" opens with a noun.
 */
function isOtherAction(item: ListItem): boolean {
  const words = itemWords(item);
  const verb = MATCH.step.find(words);
  if (!verb || verb.index !== 0 || MATCH.rollback.test(words.slice(0, verb.length))) return false;
  return !!MATCH.conditional.find(words.slice(verb.length).replace(/\([^()]*\)|（[^（）]*）/g, ' '));
}

/** A paragraph's parts without the blanks and colons around them: "**HOTFIX IF**:" is one strong part. */
function labelParts(p: Paragraph): Paragraph['children'] {
  return p.children.filter((c) => !(c.type === 'text' && /^[\s:：]*$/.test(c.value)));
}

/**
 * An item that is only a bold label over a list of two or more conditions: a group, not a trigger.
 * A label with a checkbox ("- [ ] **Data integrity issues**") is the one thing to check, its
 * sub-items the details; so is one whose sub-items tell what follows ("✅ Automatic rollback triggered").
 */
function groupOf(item: ListItem): List | undefined {
  const head = itemHead(item);
  const nested = item.children.find((c): c is List => c.type === 'list');
  if (!head || head.type !== 'paragraph' || !nested || nested.children.length < 2 || item.children.indexOf(head) !== 0 || typeof item.checked === 'boolean') return undefined;
  const parts = labelParts(head);
  if (parts.length !== 1 || parts[0].type !== 'strong') return undefined;
  const outcome = (sub: ListItem) => {
    const t = plainText(itemHead(sub) ?? sub).trim();
    return /^[✅❌⛔🚫→⇒➡]/u.test(t) || MATCH.rollback.test(t);
  };
  return listIsTriggers(nested) && !isStepList(nested) && !nested.children.some(outcome) ? nested : undefined;
}

/** "Rollback DB OBLIGATOIRE si :" over "Colonne renommée / supprimée", "Enum réduit": the changes that need a database rollback, mostly. */
const isSchemaChangeList = derivedFrom((list: List): boolean => list.children.filter((item) => MATCH.schemaChanges.test(itemWords(item))).length * 2 > list.children.length);

function listIsTriggers(list: List): boolean {
  // A list of links or of one-word items is a table of contents, not triggers.
  return list.children.some((item) => {
    const head = itemHead(item);
    if (!head) return false;
    const t = plainText(head).trim();
    // Chinese and Japanese write a whole trigger without a space ("系统服务不可用超过5分钟").
    return t.split(/\s+/).length >= 2 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{4}/u.test(t);
  });
}

export function extractTriggers(root: Root, text: string, sections: Section[]): TriggerModel {
  const model: TriggerModel = { triggers: [], tables: [], lists: [], announcements: [] };
  const seen = new Set<number>();

  // A rollback document ("# Rollback runbook", "# 回滚操作手册"): its "When to use" is a trigger section,
  // and a table with a condition column and a time column is a trigger table wherever it stands.
  const aboutRollback = sections.some((s) => s.depth === 1 && MATCH.rollback.test(s.title));
  const takeTable = (node: Table, section: Section | undefined, inTriggerSection: boolean) => {
    const start = spanOf(node).start;
    if (seen.has(start)) return;
    // Most tables are not trigger tables: asked of the header alone, before any cell is placed.
    const byColumns = !inTriggerSection && aboutRollback && isTriggerShaped(text, node);
    if (!headerOf(node).some(isStrongHeader) && !((inTriggerSection || byColumns) && headerColumn(node, TRIGGER_COL) >= 0)) return;
    const tt = triggerTableOf(parseTable(text, node), section, inTriggerSection || byColumns);
    if (!tt) return;
    seen.add(start);
    model.tables.push(tt);
    model.triggers.push(...triggersOfTable(text, tt));
  };
  const takeList = (node: List, section: Section | undefined, context?: string, leadIn?: Paragraph) => {
    const start = spanOf(node).start;
    if (seen.has(start) || !listIsTriggers(node) || isStepList(node) || (leadIn && isStepLabel(leadIn)) || isSchemaChangeList(node)) return;
    seen.add(start);
    model.lists.push({ node, span: spanOf(node), section });
    const leadText = leadIn ? plainText(leadIn) : undefined;
    const automatic = isAutomatic(section, leadText ?? context);
    const lead = (leadIn ? leadBudget(text, leadIn, automatic) : undefined) ?? immediateHeading(text, section);
    for (const item of node.children) {
      if (isOtherAction(item)) continue;
      // "2. **データ破損**" over "- 文字起こしデータの破損", "- ユーザーデータの消失": a group label, each sub-item a trigger.
      const group = groupOf(item);
      if (group) {
        const label = `${plainText(itemHead(item)!).trim()} ${context ?? ''}`.trim();
        for (const sub of group.children) {
          const t = triggerOfItem(text, sub, section, lead, automatic);
          if (!t) continue;
          t.context = label;
          model.triggers.push(t);
        }
        continue;
      }
      const t = triggerOfItem(text, item, section, lead, automatic);
      if (!t) continue;
      if (context) t.context = context;
      else if (leadIn && holdsWindow(text, leadIn)) t.context = leadText;
      model.triggers.push(t);
    }
  };
  // Criteria drawn in a code block ("🔴 ROLLBACK IMMÉDIAT (< 5 min)" over "└── Error rate > 5%"): each group line
  // is a lead-in, each branch a trigger, deeper branches its answers.
  const takeDrawn = (node: Code, section: Section | undefined) => {
    const span = spanOf(node);
    if (seen.has(span.start) || (node.lang && !/^(?:text|txt|plain|plaintext)$/i.test(node.lang))) return;
    const groups = drawnGroups(text, span);
    if (!groups) return;
    seen.add(span.start);
    // Where some groups name a rollback ("ROLLBACK RAPIDE"), one that does not ("ÉVALUER / HOTFIX") is another answer.
    const rollbackNamed = groups.some((g) => g.line && MATCH.rollback.test(g.line.text));
    for (const g of groups) {
      if (g.line && (isNegativeTitle(g.line.text) || /[?？]/.test(g.line.text) || (rollbackNamed && !MATCH.rollback.test(g.line.text)))) continue;
      const shared = drawnBudget(text, g) ?? headingShared(section) ?? immediateHeading(text, section);
      for (const item of g.items) {
        // "Minor Issues" whose only answer is "Fix forward (don't rollback)" is no trigger.
        if (item.children.length && item.children.every((c) => MATCH.negative.test(c.text))) continue;
        if (MATCH.negative.test(item.line.text)) continue;
        // "├─ P99 > 1s 持续10分钟 → 立即回滚": the answer after the arrow. "└─ 单个P2/P3告警 → 监控观察" only watches;
        // "立即回滚" is a word where the budget should be (RB004).
        const arrow = ARROW.exec(item.line.text);
        const answer = arrow ? item.line.text.slice(arrow.index + arrow[0].length) : '';
        if (arrow && MATCH.watchOnly.test(answer) && !MATCH.rollback.test(answer)) continue;
        const nameEnd = arrow ? item.line.start + arrow.index : item.line.end;
        const answerStart = arrow ? nameEnd + arrow[0].length : nameEnd;
        const word = arrow && !shared ? MATCH.immediate.find(answer) : undefined;
        const own = word ? { start: answerStart + word.index, end: answerStart + word.index + word.length } : undefined;
        const budget = shared ?? own;
        const end = item.children.length ? item.children[item.children.length - 1].end : item.line.end;
        model.triggers.push({
          name: text.slice(item.line.start, nameEnd).replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim(),
          nameSpan: trimSpan(text, item.line.start, nameEnd),
          fullText: [item.line.text, ...item.children.map((c) => c.text)].join(' ').replace(/\s+/g, ' ').trim(),
          budgetText: budget ? text.slice(budget.start, budget.end) : undefined,
          budgetSpan: budget ? { start: budget.start, end: budget.end } : undefined,
          budgetMinutes: shared?.minutes,
          dataCorrection: budget ? isDataCorrection(text.slice(budget.start, budget.end)) : false,
          budgetFromHeading: !!shared,
          style: 'list',
          span: { start: item.line.start, end },
          section,
          ...(g.line ? { context: g.line.text } : {}),
        });
      }
    }
  };
  const takeNodes = (nodes: RootContent[], section: Section | undefined) => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.type === 'table') takeTable(n, section, true);
      else if (n.type === 'code') takeDrawn(n, section);
      else if (n.type === 'list') takeList(n, section, undefined, isLeadIn(nodes[i - 1]) ? (nodes[i - 1] as Paragraph) : undefined);
      else if (n.type === 'paragraph' && (isNegativeLabel(n) || isOtherAnswerLabel(n) || isWatchLabel(n))) {
        // "Consider not rolling back when:", "**HOTFIX IF**:", "**Bajo** (Evaluar fix forward):" — skip the list it introduces.
        if (nodes[i + 1]?.type === 'list') i++;
      }
    }
  };

  const takeSection = (section: Section) => {
    model.announcements.push({ span: section.span, section });
    // A trigger-titled sub-section is taken on its own; one with nothing to take ("### Rollback decision flowchart"
    // over a diagram) does not stand in for its siblings' lists.
    const triggerKids = descendants(section).filter((d) => isTriggerTitle(d.title) && holdsLists(d));
    const before = model.triggers.length;
    takeNodes(section.own, section);
    // A table of its own that holds no triggers (a severity legend) does not stand in for the sub-sections' lists.
    const ownHolds = section.own.some((n) => n.type === 'list') || (model.triggers.length > before && section.own.some((n) => n.type === 'table'));
    if (triggerKids.length === 0 && !ownHolds) {
      // The document's own title ("# Rollback Criteria") heads everything: only its sections that
      // read like conditions ("## Trigger thresholds") hold triggers, not "## Owners" or "## Rollback actions".
      const whole = !section.parent && section.depth === 1 && section.children.length > 1;
      for (const d of descendants(section)) {
        // "### 3.1 判断責任者", "### Communication": who decides and whom to tell, not when.
        if (isNegativeTitle(d.title) || isRolesTitle(d.title) || isWatchTitle(d.title) || declinesRollback(d) || (whole && !namesConditions(d.title) && !d.own.some((n) => n.type === 'table' && isVerdictTable(text, n)))) continue;
        takeNodes(d.own, d);
      }
    }
  };
  const weak: Section[] = [];
  for (const section of sections) {
    // Only the document's own "When to use" (under its title), not a method's ("### Method 2" → "#### When to use").
    // Or a top rollback section's own ("## Rollback" → "### Cuándo ejecutar"), not a method's.
    const negative = isNegativeTitle(section.title);
    const usage =
      ((aboutRollback && (!section.parent || section.parent.depth === 1)) || (!!section.parent && MATCH.rollback.test(section.parent.title) && !isOneOfSeveralMethods(section.parent, sections))) &&
      MATCH.usage.test(section.title) &&
      !negative;
    // "Rollback scenarios (< 5 minutes decision)": worked scenarios are triggers when the heading gives the time to
    // decide, or when they are a table with a condition column ("| Escenario | Criterio de activación | Acción |").
    const scenarios = MATCH.scenarios.test(section.title) && (MATCH.rollback.test(section.title) || aboutRollback) && !negative;
    const decided = scenarios && ((!!section.budget && MATCH.rollback.test(section.title)) || section.own.some((n) => n.type === 'table' && headerColumn(n, TRIGGER_COL) >= 0 && answersRollback(text, n)));
    // A sub-section of a trigger section that has its own lists: taken with its parent.
    const underList = !!section.parent && isTriggerTitle(section.parent.title) && sectionHasLists(section.parent.own);
    // Worked scenarios ("Common rollback scenarios": trigger, symptoms, resolution) count only
    // when the runbook has no real trigger list.
    if (MATCH.scenarios.test(section.title) && MATCH.scenarioQualifiers.test(section.title) && !decided && !negative) {
      if (!underList) weak.push(section);
      continue;
    }
    if ((!isTriggerTitle(section.title) && !usage && !decided) || underList) continue;
    // "#### Immediate Rollback (< 5 minutes)" over a script is a procedure, not a trigger list.
    if (BARE_IMMEDIATE.test(section.title) && !sectionHasLists(section.own)) continue;
    takeSection(section);
  }
  if (!model.triggers.length) for (const section of weak) takeSection(section);

  // Triggers written as sub-headings, each with its detail below ("#### 1. Error Rate Threshold").
  if (!model.triggers.length) {
    const done = new Set<Section>();
    for (const a of model.announcements) {
      if (!a.section) continue;
      for (const d of descendants(a.section)) {
        if (done.has(d)) continue;
        done.add(d);
        if (isTriggerTitle(d.title) || isNegativeTitle(d.title) || isRolesTitle(d.title) || isRollbackTitle(d.title) || d.children.length || !d.own.length) continue;
        // A worked scenario that is only a script or a config ("## Common Scenarios" → "### Enable Blockchain" over
        // `FEATURES__BlockchainEnabled=true`) says how to do something, not when.
        if (weak.includes(a.section) && d.own.every((n) => n.type === 'code')) continue;
        // A report template ("### Trigger Details" over "**Trigger Type**: [Automatic/Manual]") is no trigger.
        if (/\btrigger\b/.test(d.title) || isFormOnly(text, d.own)) continue;
        const body = d.own.map((n) => ('value' in n && typeof n.value === 'string' ? n.value : plainText(n as never))).join(' ');
        const headingSpan = spanOf(d.heading);
        const headingText = text.slice(headingSpan.start, headingSpan.end);
        // The heading's own words, without the hashes, the numbering and a closing sequence.
        const lead = /^[ \t]*#+[ \t]*(?:(?:\d+(?:\.\d+)*|[a-z])[.):][ \t]+)?/i.exec(headingText);
        const nameSpan = trimSpan(text, headingSpan.start + (lead ? lead[0].length : 0), headingSpan.start + headingText.replace(/[ \t]#+[ \t]*$/, '').length);
        const start = nameSpan.start;
        model.triggers.push({
          name: text.slice(nameSpan.start, nameSpan.end).replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim() || d.title,
          nameSpan: { start, end: nameSpan.end },
          fullText: `${d.title} ${body}`,
          budgetText: d.budget ? text.slice(d.budget.start, d.budget.end) : undefined,
          budgetSpan: d.budget ? { start: d.budget.start, end: d.budget.end } : undefined,
          budgetMinutes: d.budget?.minutes,
          dataCorrection: false,
          budgetFromHeading: !!d.budget,
          style: 'list',
          span: { start: spanOf(d.heading).start, end: spanOf(d.own[d.own.length - 1]).end },
          section: d,
        });
      }
    }
  }

  // "**Rollback trigger:** error rate > 5% or p95 > 2 s" in a paragraph or a list's item; `mark` is the block then seen.
  const takeInline = (para: Paragraph, section: Section | undefined, mark: number) => {
    const inline = inlineTriggers(text, para, section);
    if (!inline.length) return;
    seen.add(mark);
    model.announcements.push({ span: spanOf(para), section });
    model.triggers.push(...inline);
  };
  // "### Niveau 1 — Rollback de routage (< 5 minutes)" over "**Quand utiliser** : Taux d'erreur > 5%, …": with no list
  // of its own, each rollback level's "when to use" is its trigger, and the level's time its budget.
  if (!model.triggers.length) {
    for (const section of sections) {
      if (!MATCH.levelStep.test(section.title) || !(aboutRollback || MATCH.rollback.test(section.title))) continue;
      for (const n of section.own) {
        if (n.type !== 'paragraph') continue;
        // The label opens the paragraph or one of its lines ("**Prérequis** : …  " then "**Quand utiliser** : …").
        const at = n.children.findIndex((c, i) => c.type === 'strong' && (i === 0 || n.children[i - 1].type === 'break') && MATCH.usage.test(plainText(c)));
        if (at < 0) continue;
        const label = n.children[at];
        const next = n.children.findIndex((c, i) => i > at && c.type === 'break');
        const nameSpan = trimSpan(text, spanOf(label).end, next < 0 ? spanOf(n).end : spanOf(n.children[next]).start);
        while (nameSpan.start < nameSpan.end && /[\s:：—–-]/.test(text[nameSpan.start])) nameSpan.start++;
        while (nameSpan.end > nameSpan.start && /[\s.。]/.test(text[nameSpan.end - 1])) nameSpan.end--;
        const name = text.slice(nameSpan.start, nameSpan.end).replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
        if (!/\p{L}/u.test(name) || name.length > 300) continue;
        const budget = headingBudgetOf(section);
        model.announcements.push({ span: spanOf(n), section });
        model.triggers.push({
          name,
          nameSpan,
          fullText: name,
          budgetText: budget ? text.slice(budget.start, budget.end) : undefined,
          budgetSpan: budget ? { start: budget.start, end: budget.end } : undefined,
          budgetMinutes: budget?.minutes,
          dataCorrection: false,
          budgetFromHeading: !!budget,
          style: 'list',
          span: spanOf(n),
          section,
        });
      }
    }
  }

  // "- **即時ロールバック**: 致命的な不具合発見時、…に戻す": with no list of triggers, an immediate rollback's label over the
  // condition it answers is one trigger, the label's word its budget (RB004).
  if (!model.triggers.length) {
    for (const section of sections) {
      if (!isRollbackTitle(section.title)) continue;
      for (const n of section.own) {
        if (n.type !== 'list') continue;
        for (const item of n.children) {
          const t = immediateLabelTrigger(text, item, section);
          if (t) model.triggers.push(t);
        }
      }
    }
  }

  // "- 8 項全過 → 上線完成" / "- 有任一項不符 → 進入下面「回退」": with no list of triggers, a verdict list's items whose answer
  // after the arrow is the rollback are its triggers.
  if (!model.triggers.length) {
    for (const section of sections) {
      for (const n of section.own) if (n.type === 'list' && n.children.length >= 2) model.triggers.push(...verdictTriggers(text, n, section));
    }
  }

  // Bold labels anywhere: "**Immediate rollback if:**" followed by a list.
  const visitBlocks = (nodes: RootContent[], section: Section | undefined) => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.type === 'paragraph' && nodes[i + 1]?.type === 'list' && (isLabelParagraph(n) || isAutomaticWhen(n, section))) {
        model.announcements.push({ span: spanOf(n), section });
        takeList(nodes[i + 1] as List, section, plainText(n), n);
      } else if (n.type === 'paragraph' && !(nodes[i + 1]?.type === 'list') && !seen.has(spanOf(n).start)) {
        takeInline(n, section, spanOf(n).start);
      } else if (n.type === 'list' && !seen.has(spanOf(n).start)) {
        for (const item of n.children) if (item.children[0]?.type === 'paragraph') takeInline(item.children[0], section, spanOf(n).start);
      } else if (n.type === 'table' && !(section && isRolesTitle(section.title))) {
        // Under "## Escalation" a "Criteria" column says when to call whom, not when to roll back.
        takeTable(n, section, false);
      }
    }
  };
  const firstHeading = root.children.findIndex((n) => n.type === 'heading');
  visitBlocks(firstHeading < 0 ? root.children : root.children.slice(0, firstHeading), undefined);
  for (const section of sections) visitBlocks(section.own, section);

  inheritFromDecisionTables(root, text, model);
  inheritFromSeverityLegends(root, text, sections, model, seen);
  inheritDocumentBudget(root, text, sections, model);
  model.triggers.sort((a, b) => a.span.start - b.span.start);
  return model;
}

/** A rollback section beside others like it ("## 1. Application Rollback", "## 2. Docker Image Rollback"): one method among several. */
function isOneOfSeveralMethods(section: Section, sections: Section[]): boolean {
  const siblings = section.parent ? section.parent.children : sections.filter((s) => !s.parent);
  return siblings.some((s) => s !== section && s.depth === section.depth && MATCH.rollback.test(s.title));
}

/**
 * The document's own rollback time ("RTO: 15 minutes", "Tempo de rollback: < 10 min"): the
 * first line that names one, with a duration after it that is not a window; offsets in the
 * document. Read block by block, each block's answer kept with its node: an edit re-reads only
 * the blocks it changed, not the 20,000 lines around them (issue 13).
 */
function documentBudget(root: Root, text: string): SharedBudget | undefined {
  for (const node of root.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    let hit = rtoOfBlock.get(node);
    if (hit === undefined) {
      hit = budgetInLines(text.slice(start, end)) ?? null;
      rtoOfBlock.set(node, hit);
    }
    if (hit) return { start: start + hit.start, end: start + hit.end, minutes: hit.minutes };
  }
  return undefined;
}

/** Per top-level node, the rollback time its lines name (offsets in the node), or null. */
const rtoOfBlock = new WeakMap<object, SharedBudget | null>();

function budgetInLines(text: string): SharedBudget | undefined {
  const objective = objectiveIn(text) ?? rollbackTimeRow(text);
  if (objective) return objective;
  if (!MATCH.rto.test(text)) return undefined;
  const line = /[^\r\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const s = m[0];
    if (s.length > 500) continue;
    const at = MATCH.rto.find(s);
    // "### Phase 2: ロールバック判断（10分以内）" is how long one stage of the procedure takes.
    if (!at || MATCH.stageHeading.test(s.replace(/^\s*#+\s*/, '').toLowerCase())) continue;
    const found = findDurations(s).filter((x) => !isWindowAt(s, x.start, x.end));
    // Japanese and Korean put the time before the decision ("問題検知から15分以内にロールバック判断").
    const before = isSpaced(s.slice(at.index, at.index + at.length)) ? undefined : found.filter((x) => x.end <= at.index && at.index - x.end <= 20).pop();
    const d = found.find((x) => x.start >= at.index) ?? before;
    if (d) return { start: m.index + d.start, end: m.index + d.end, minutes: d.minutes };
    if (/^\s*\|/.test(s)) {
      const fromTable = rtoColumn(text, m.index, s, at.index);
      if (fromTable) return fromTable;
    }
  }
  return undefined;
}

/** "**Obiettivo T1: < 30 minuti.**", "Objectif : retour à la version stable en **< 10 min**": a label line, its first duration. */
function objectiveIn(text: string): SharedBudget | undefined {
  const line = /[^\r\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const s = m[0];
    if (s.length > 300) continue;
    const at = objectiveAt(s);
    if (!at) continue;
    const lead = at.index;
    const colon = s.slice(lead + at.length, lead + at.length + 25).search(/[:：]/);
    if (colon < 0) continue;
    const from = lead + at.length + colon + 1;
    const d = findDurations(s.slice(from)).find((x) => !isWindowAt(s.slice(from), x.start, x.end));
    if (d) return { start: m.index + from + d.start, end: m.index + from + d.end, minutes: d.minutes };
  }
  return undefined;
}

/**
 * A KPI table's row that names the rollback time and holds its limit ("| Tempo rollback (se necessario) | < 5 min |"):
 * the limit, offsets in the block.
 */
function rollbackTimeRow(text: string): SharedBudget | undefined {
  if (!text.startsWith('|') || !MATCH.rollback.test(text)) return undefined;
  const line = /[^\r\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const cells = m[0].split('|');
    const name = cells[1] ?? '';
    if (name.length > 80 || !MATCH.rollback.test(name) || !MATCH.columns.budget.test(name.toLowerCase())) continue;
    const rest = cells.slice(2).join('|');
    const limit = /[<≤]\s{0,3}(?=\d)/.exec(rest);
    const d = limit ? findDurations(rest.slice(limit.index)).find((x) => x.start <= limit[0].length) : undefined;
    if (d && limit) {
      const at = m.index + cells[0].length + name.length + 2 + limit.index;
      return { start: at + d.start, end: at + d.end, minutes: d.minutes };
    }
  }
  return undefined;
}

/**
 * Where a line's objective label starts: at the line's start, or in brackets after a recovery
 * ("**빠른 복구**: 서비스 중단 시간 최소화 (목표: 30분 이내)"), and the label's length.
 */
function objectiveAt(s: string): { index: number; length: number } | undefined {
  const lead = /^[\s>*_-]*/.exec(s)![0].length;
  const first = MATCH.objective.find(s.slice(lead));
  if (first) return { index: lead, length: first.length };
  let n = 0;
  for (const b of s.matchAll(/[(（]/g)) {
    if (++n > 4) break;
    const at = MATCH.objective.find(s.slice(b.index + 1));
    if (at && MATCH.procedure.test(s.slice(0, b.index))) return { index: b.index + 1, length: at.length };
  }
  return undefined;
}

/**
 * An RTO table ("| Environment | RTO | … |" over a row per environment): the strictest value
 * of the RTO column, which is production's in every such table seen.
 */
function rtoColumn(text: string, headerAt: number, header: string, rtoAt: number): SharedBudget | undefined {
  const col = header.slice(0, rtoAt).split('|').length - 1;
  const row = /[^\r\n]*(?:\r\n|\r|\n|$)/y;
  row.lastIndex = headerAt + header.length;
  let best: SharedBudget | undefined;
  for (let n = 0; n < 50; n++) {
    while (/[\r\n]/.test(text[row.lastIndex] ?? '')) row.lastIndex++;
    const at = row.lastIndex;
    const m = row.exec(text);
    if (!m || !m[0] || !/^\s*\|/.test(m[0])) break;
    const line = m[0].replace(/(?:\r\n|\r|\n)$/, '');
    const cells = line.split('|');
    const cell = cells[col];
    if (cell === undefined || /^\s*:?-+:?\s*$/.test(cell)) continue;
    const cellAt = at + cells.slice(0, col).join('|').length + 1;
    const d = findDurations(cell)[0];
    if (d && (!best || d.minutes < best.minutes!)) best = { start: cellAt + d.start, end: cellAt + d.end, minutes: d.minutes };
  }
  return best;
}

/**
 * A document-wide rollback time is the default budget of the triggers that state none, and
 * gives its minutes to those that share only a word ("Roll back immediately if:"). Not to a
 * table's empty budget cell: the cell is where the team writes it.
 */
function inheritDocumentBudget(root: Root, text: string, sections: Section[], model: TriggerModel): void {
  const heirs = model.triggers.filter((t) => {
    if (t.dataCorrection || (t.table && t.table.budgetCol >= 0)) return false;
    const onlyAWord = t.budgetFromHeading && t.budgetMinutes === undefined;
    return t.budgetText === undefined || onlyAWord;
  });
  // The scan reads the whole text: only when a trigger would inherit (most edits, none does).
  if (!heirs.length) return;
  const fallback = documentBudget(root, text);
  const answering = answeringRollbacks();
  // Asked once per word, not once per heir: a 20,000-line runbook has hundreds of them and thousands of sections.
  const named = memoized((word: string) => namedRollback(sections, word), 256);
  for (const t of heirs) {
    // "### 触发条件" then "### 快速回滚（5分钟内）": the rollback that answers them, with its time.
    // "| 运行时异常 | … | 立即回滚 |" and "### 2.1 立即回滚（5分钟内完成）": the word names the rollback that gives its minutes.
    const b = answering(t.section)?.budget ?? (t.budgetText ? named(t.budgetText)?.budget : undefined) ?? fallback;
    if (!b) continue;
    t.budgetText = text.slice(b.start, b.end);
    t.budgetSpan = { start: b.start, end: b.end };
    t.budgetMinutes = b.minutes;
    t.budgetFromHeading = true;
  }
}

/** The rollback section whose heading says the budget's word and gives the minutes ("### 2.1 立即回滚（5分钟内完成）" for "立即"). */
function namedRollback(sections: Section[], word: string): Section | undefined {
  const w = word.trim().toLowerCase();
  if (!w || !MATCH.immediate.test(w)) return undefined;
  return sections.find((s) => s.budget && s.title.includes(w) && MATCH.rollback.test(s.title) && !MATCH.stageHeading.test(plainText(s.heading).trim()));
}

/**
 * The section right after a trigger section, when it is the rollback to run and its heading gives
 * the time. Each parent's children are paired with their next sibling once, however many triggers ask.
 */
function answeringRollbacks(): (section: Section | undefined) => Section | undefined {
  const next = new Map<Section, Section | undefined>();
  return (section) => {
    const siblings = section?.parent?.children;
    if (!section || !siblings) return undefined;
    if (!next.has(section)) siblings.forEach((s, i) => next.set(s, siblings[i + 1]));
    const n = next.get(section);
    return n?.budget && MATCH.rollback.test(n.title) && !MATCH.stageHeading.test(plainText(n.heading).trim()) ? n : undefined;
  };
}

/** A severity tag at the start of a legend entry or anywhere in a trigger ("P0", "Sev 1", "SEV-2"). */
// Bounded by Latin letters and digits only: "多个P1级告警" carries P1.
const SEVERITY_TAG = /(?<![\p{Script=Latin}\p{N}])(?:p[0-4]|sev[- ]?[0-4])(?![\p{Script=Latin}\p{N}])/iu;
/** The severity tag a text carries, spelled one way ("SEV-2", "sev 2" → "SEV2"), or undefined. */
export const severityTagOf = (s: string) => SEVERITY_TAG.exec(s)?.[0].toUpperCase().replace(/[- ]/g, '');

interface LegendEntry {
  tag: string;
  item: ListItem;
  /** The answer: the clause that says how the level is answered ("immediate rollback required", "Immediate rollback"). */
  span: Span;
}

/** The bold label an item opens with ("**P0 (Critical)**", "**Critical-trigger:**"), or undefined. */
function boldLabelOf(item: ListItem) {
  const head = itemHead(item);
  const first = head?.type === 'paragraph' ? head.children[0] : undefined;
  return first?.type === 'strong' ? first : undefined;
}

/** The items that open with a bold severity tag, judged once per list node (every list, on every edit). */
const legendEntries = derivedFrom((list: List): ListItem[] =>
  list.children.filter((item) => {
    const label = boldLabelOf(item);
    return !!label && SEVERITY_TAG.exec(plainText(label))?.index === 0;
  }),
);

/** What a legend entry's answer gives the triggers of its level: the answer as their budget. */
function legendBudget(text: string, e: LegendEntry) {
  const answer = text.slice(e.span.start, e.span.end);
  return { budgetText: answer, budgetSpan: e.span, budgetMinutes: findDurations(answer)[0]?.minutes, dataCorrection: isDataCorrection(answer) };
}

/** Where an entry's answer clause ends: its punctuation, a line break, the bold markup. */
const isClauseEdge = (c: string) => ',;:：()（）、，\n*'.includes(c);

/**
 * "**P0 (Critical)**: Service completely down, immediate rollback required": a severity legend, two or
 * more items that open with a bold severity tag. Its entries that name a rollback answer that level.
 */
function severityLegend(text: string, list: List): LegendEntry[] {
  return severityLegendOf.of(list, () => readSeverityLegend(text, list));
}
const severityLegendOf = new NodeMemo<LegendEntry>();

function readSeverityLegend(text: string, list: List): LegendEntry[] {
  const tagged = legendEntries(list);
  if (tagged.length < 2) return [];
  const out: LegendEntry[] = [];
  for (const item of tagged) {
    const span = spanOf(itemHead(item)!);
    const src = text.slice(span.start, span.end);
    const at = MATCH.rollback.find(src);
    if (!at) continue;
    let start = at.index;
    while (start > 0 && !isClauseEdge(src[start - 1])) start--;
    let end = at.index + at.length;
    while (end < src.length && !isClauseEdge(src[end])) end++;
    out.push({ tag: severityTagOf(plainText(itemHead(item)!))!, item, span: trimSpan(text, span.start + start, span.start + end) });
  }
  return out;
}

/** "**Critical**", "Critical-trigger:": a level as a legend's label or a severity cell writes it, compared in lower case. */
const levelName = (s: string) => s.replace(/[*_`]/g, '').trim().toLowerCase();

/**
 * "- **Critical-trigger:** rollback-besluit binnen 1 uur, …" / "- **Major-trigger:** …" under a trigger table whose
 * Severity column says "Critical" and "Major": a legend of the table's levels, two or more items whose bold label
 * opens with one. Its entries that name a rollback answer the rows of that level; the list holds no triggers.
 */
function levelLegend(text: string, list: List, levels: Set<string>): LegendEntry[] {
  const out: LegendEntry[] = [];
  let labelled = 0;
  for (const item of list.children) {
    const first = boldLabelOf(item);
    if (!first) continue;
    const label = levelName(plainText(first));
    const level = [...levels].find((l) => label.startsWith(l) && !/[\p{L}\p{N}]/u.test(label[l.length] ?? ''));
    if (!level) continue;
    labelled++;
    const from = spanOf(first).end;
    const answer = trimSpan(text, from, spanOf(itemHead(item)!).end);
    const words = text.slice(answer.start, answer.end).replace(/^[\s:：—–-]+/, '');
    if (MATCH.rollback.test(words) && (findDurations(words).length || MATCH.immediate.test(words))) out.push({ tag: level, item, span: trimSpan(text, answer.end - words.length, answer.end) });
  }
  return labelled >= 2 ? out : [];
}

/**
 * A severity legend answers the triggers tagged with its levels ("Service Completely Down (P0)" takes
 * P0's "immediate rollback required"). A legend whose levels no trigger carries is a trigger list of
 * its own: "**Sev 1 (Immediate rollback):** data loss, auth outage" says when to roll back.
 */
function inheritFromSeverityLegends(root: Root, text: string, sections: Section[], model: TriggerModel, seen: Set<number>): void {
  inheritFromLevelLegends(root, text, model);
  inheritFromSeverityTables(root, text, model);
  const entries = root.children.flatMap((n) => (n.type === 'list' && !seen.has(spanOf(n).start) ? severityLegend(text, n) : []));
  if (!entries.length) return;
  const tagged = model.triggers.filter((t) => severityTagOf(t.name));
  if (tagged.length) {
    for (const t of tagged) {
      const e = entries.find((x) => x.tag === severityTagOf(t.name));
      if (!e || t.budgetText !== undefined) continue;
      Object.assign(t, legendBudget(text, e), { budgetFromHeading: true });
    }
    return;
  }
  for (const e of entries) {
    const head = itemHead(e.item) as Paragraph;
    const label = spanOf(head.children[0]);
    const headSpan = spanOf(head);
    // The conditions after the label, without the answer when it stands among them.
    const from = e.span.start > label.end ? e.span.start : headSpan.end;
    const nameSpan = trimSpan(text, label.end, from);
    let name = text.slice(nameSpan.start, nameSpan.end).replace(/^[\s:：—–-]+/, '').replace(/\*\*|__|`/g, '').trim();
    while (/[,，、;]$/.test(name)) name = name.slice(0, -1).trimEnd();
    if (!name) continue;
    const start = spanOf(e.item).start;
    model.triggers.push({
      name,
      nameSpan,
      fullText: plainText(e.item).replace(/\s+/g, ' ').trim(),
      ...legendBudget(text, e),
      budgetFromHeading: false,
      style: 'list',
      span: spanOf(e.item),
      section: sections.filter((s) => s.span.start <= start && start < s.span.end).pop(),
    });
  }
}

/**
 * "| **P1-High** | P99>0.5s或5xx>1% | 15分钟 | 评估回滚 |": a table of severity levels (two or more rows that open
 * with one) and a time column gives each level's time to the triggers tagged with it that state none ("多个P1级告警").
 */
function inheritFromSeverityTables(root: Root, text: string, model: TriggerModel): void {
  const orphans = model.triggers.filter((t) => t.budgetText === undefined && severityTagOf(t.name));
  if (!orphans.length) return;
  const triggerTables = new Set(model.tables.map((tt) => tt.table.span.start));
  const times = new Map<string, { cell: Cell; budget: Duration | undefined }>();
  for (const node of root.children) {
    if (node.type !== 'table' || triggerTables.has(spanOf(node).start) || headerColumn(node, BUDGET_COL, [0]) < 0) continue;
    const table = parseTable(text, node);
    const col = columnIndex(table, BUDGET_COL, [0]);
    const rows = table.rows.flatMap((r) => {
      const cell = r.cells[col];
      const tag = severityTagOf(r.cells[0]?.text ?? '');
      const budget = cell && parseBudget(cell.text);
      return tag && cell && (budget || MATCH.immediate.test(cell.text)) ? [{ tag, cell, budget: budget || undefined }] : [];
    });
    if (rows.length < 2) continue;
    for (const r of rows) if (!times.has(r.tag)) times.set(r.tag, r);
  }
  for (const t of orphans) {
    const hit = times.get(severityTagOf(t.name)!);
    if (!hit) continue;
    Object.assign(t, { budgetText: hit.cell.text, budgetSpan: hit.cell.span, budgetMinutes: hit.budget?.minutes, dataCorrection: isDataCorrection(hit.cell.text), budgetFromHeading: true });
  }
}

/** The rows of a table with a severity column take their level's answer from a legend; the legend's items are no triggers. */
function inheritFromLevelLegends(root: Root, text: string, model: TriggerModel): void {
  const levels = new Set(model.triggers.flatMap((t) => (t.level && t.level.length <= 30 ? [t.level] : [])));
  if (!levels.size) return;
  for (const node of root.children) {
    if (node.type !== 'list') continue;
    const entries = levelLegend(text, node, levels);
    if (!entries.length) continue;
    const span = spanOf(node);
    const inside = (s: Span) => s.start >= span.start && s.end <= span.end;
    model.triggers = model.triggers.filter((t) => !inside(t.span));
    model.lists = model.lists.filter((l) => !inside(l.span));
    for (const t of model.triggers) {
      const e = t.level !== undefined && t.budgetText === undefined ? entries.find((x) => x.tag === t.level) : undefined;
      if (!e) continue;
      const budget = legendBudget(text, e);
      Object.assign(t, budget, { dataCorrection: t.dataCorrection || budget.dataCorrection, budgetFromHeading: true });
    }
  }
}

/** The bold label of a paragraph that runs its triggers on after it, judged once per node. */
const inlineLabel = derivedFrom((n: RootContent): boolean => {
  if (n.type !== 'paragraph' || n.children[0]?.type !== 'strong') return false;
  const label = plainText(n.children[0]);
  return label.length <= 60 && isTriggerLabel(label);
});

/**
 * The items of a one-paragraph list: separated by semicolons, or by commas when the last is joined by "or"
 * and two or more hold a threshold ("5xx >2% über 5 Min, p95-Latenz >500 ms, …, oder kritische App-Bugs").
 * A comma alone also stands inside one trigger ("5xx > 2%, sustained"), and "Any component causing friction,
 * blocking legitimate work, or degrading performance" is one condition said three ways.
 */
function enumerated(body: string): string[] {
  const semi = body.split(';');
  if (semi.length >= 3) return semi;
  const comma = body.split(/[,，、](?!\d)/);
  const measured = comma.filter((c) => /\d/.test(c)).length;
  return comma.length >= 3 && measured >= 2 && MATCH.or.test(comma[comma.length - 1]) ? comma : semi;
}

/**
 * "**Critères de déclenchement** : authentification cassée non corrigée en < 30 min ; migration échouée ; perte de
 * données constatée.": a trigger list written as one paragraph, its items separated by semicolons (two or more).
 * "- **Trigger**: Error-Rate 5xx >2% über 5 Min, …, oder kritische App-Bugs." as a list's item is one too.
 */
function inlineTriggers(text: string, n: Paragraph, section: Section | undefined): Trigger[] {
  if (!inlineLabel(n)) return [];
  const from = spanOf(n.children[0]).end;
  const end = spanOf(n).end;
  const body = text.slice(from, end);
  const parts = body.length > 2000 ? [] : enumerated(body);
  if (parts.length < 3) return [];
  const shared = headingBudgetOf(section) ?? immediateHeading(text, section);
  const out: Trigger[] = [];
  let at = from;
  for (const part of parts) {
    const start = at;
    at += part.length + 1;
    // The colon after the label, and the full stop after the last item.
    const lead = /^[\s:：—–-]*/.exec(part)![0].length;
    let stop = part.length;
    while (stop > 0 && /[\s.。]/.test(part[stop - 1])) stop--;
    const span = trimSpan(text, start + lead, start + stop);
    if (span.end <= span.start) continue;
    let raw = text.slice(span.start, span.end);
    // "…, oder kritische App-Bugs.": the last item without the word that joins it.
    const or = MATCH.or.find(raw);
    if (or && or.index === 0 && part === parts[parts.length - 1]) {
      span.start += or.length;
      raw = text.slice(span.start, span.end).trimStart();
      span.start = span.end - raw.length;
    }
    const name = raw.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
    if (!/\p{L}/u.test(name)) continue;
    // "non corrigée en < 30 min": a timer on the fix attempt is the trigger's own budget.
    const own = unresolvedWithin(raw);
    const budget = own ? { start: span.start + own.start, end: span.start + own.end, minutes: own.minutes } : shared;
    out.push({
      name,
      nameSpan: span,
      fullText: name,
      budgetText: budget ? text.slice(budget.start, budget.end) : undefined,
      budgetSpan: budget ? { start: budget.start, end: budget.end } : undefined,
      budgetMinutes: budget?.minutes,
      dataCorrection: false,
      budgetFromHeading: !own && !!budget,
      style: 'list',
      span,
      section,
    });
  }
  return out.length >= 2 ? out : [];
}

/** The items of a verdict list ("condition → answer", every item) whose answer names the rollback. */
function verdictTriggers(text: string, list: List, section: Section): Trigger[] {
  const out: Trigger[] = [];
  for (const item of list.children) {
    const para = item.children[0];
    if (para?.type !== 'paragraph' || item.children.length > 1) return [];
    const span = spanOf(para);
    const line = text.slice(span.start, span.end);
    const arrow = ARROW.exec(line);
    if (!arrow || line.length > 200) return [];
    const answer = line.slice(arrow.index + arrow[0].length);
    if (!MATCH.rollback.test(answer) || isNegativeTitle(answer)) continue;
    const nameSpan = trimSpan(text, span.start, span.start + arrow.index);
    const name = text.slice(nameSpan.start, nameSpan.end).replace(/\*\*|__|`/g, '').trim();
    if (!/\p{L}/u.test(name)) continue;
    out.push({ name, nameSpan, fullText: name, dataCorrection: false, budgetFromHeading: false, style: 'list', span: spanOf(item), section });
  }
  return out;
}

/**
 * "**即時ロールバック**: 致命的な不具合発見時、…", "**Immediate rollback**: if checkout fails, redeploy v1.4": the condition
 * after an immediate rollback's label, up to the comma that closes it (the if-word last in scripts without spaces, first in others).
 */
function immediateLabelTrigger(text: string, item: ListItem, section: Section): Trigger | undefined {
  const para = item.children[0];
  const label = para?.type === 'paragraph' ? para.children[0] : undefined;
  if (label?.type !== 'strong') return undefined;
  const labelSpan = spanOf(label);
  const word = immediateWordIn(text, labelSpan);
  if (!word || !MATCH.rollback.test(plainText(label))) return undefined;
  const after = text.slice(labelSpan.end, Math.min(spanOf(para).end, labelSpan.end + 200));
  // The colon after the label, or inside it ("**Immediate rollback:** if …").
  const lead = /[:：]\s*$/.test(plainText(label)) ? /^\s{0,3}/.exec(after) : /^\s{0,2}[:：]\s{0,3}/.exec(after);
  if (!lead) return undefined;
  const body = after.slice(lead[0].length);
  const comma = body.search(/[、,，]/);
  if (comma <= 0 || comma > 120) return undefined;
  const clause = body.slice(0, comma);
  const cond = MATCH.conditional.find(clause.toLowerCase());
  if (!cond) return undefined;
  const spaced = isSpaced(clause.slice(cond.index, cond.index + cond.length));
  if (spaced ? cond.index !== 0 : cond.index + cond.length !== clause.length) return undefined;
  const start = labelSpan.end + lead[0].length + (spaced ? cond.length + (/^\s*/.exec(clause.slice(cond.length))?.[0].length ?? 0) : 0);
  const nameSpan = { start, end: labelSpan.end + lead[0].length + comma };
  const name = text.slice(nameSpan.start, nameSpan.end).trim();
  if (!/\p{L}/u.test(name)) return undefined;
  return {
    name,
    nameSpan,
    fullText: name,
    budgetText: text.slice(word.start, word.end),
    budgetSpan: word,
    budgetMinutes: undefined,
    dataCorrection: false,
    budgetFromHeading: true,
    style: 'list',
    span: spanOf(item),
    section,
  };
}

/**
 * "Le mode d'urgence est activé automatiquement lorsque :" under "## Procédures de rollback automatiques": a sentence
 * that ends on its if-word and says it happens by itself, in a section of the automatic rollback, opens its triggers.
 */
function isAutomaticWhen(n: Paragraph, section: Section | undefined): boolean {
  if (!isAutomaticSentence(n)) return false;
  for (let s = section, k = 0; s && k < 2; s = s.parent, k++) if (MATCH.rollback.test(s.title) && MATCH.automatic.test(s.title)) return true;
  return false;
}
// Judged once per node: every paragraph before a list asks, on every edit.
const isAutomaticSentence = derivedFrom((n: Paragraph): boolean => {
  const raw = plainText(n).trim();
  if (raw.length > 160 || !/[:：]$/.test(raw)) return false;
  const t = raw.slice(0, -1).trim();
  const tail = t.slice(-12).toLowerCase();
  const last = MATCH.conditional.find(tail);
  return !!last && last.index + last.length === tail.length && MATCH.automatic.test(t);
});

/** A paragraph that is a trigger label, judged once per node (every paragraph before a list, on every edit). */
const isLabelParagraph = derivedFrom((n: RootContent): boolean => isTriggerLabel(plainText(n)));

const DECISION_TIME_COL = /decision\s+time|time\s+to\s+decide|decide\s+within|timer|budget/;

/**
 * A decision matrix states the minutes once per severity ("| Level 1 - CRITICAL | < 2 minutes |")
 * and lists the triggers under a heading per severity ("## Level 1 - CRITICAL" → "### Triggers").
 * A trigger without its own budget inherits the row its heading names.
 */
function inheritFromDecisionTables(root: Root, text: string, model: TriggerModel): void {
  const orphans = model.triggers.filter((t) => !t.budgetText && !t.table && t.section);
  if (!orphans.length) return;
  const rows: { label: string; cell: Cell; budget: Duration }[] = [];
  const triggerTables = new Set(model.tables.map((tt) => tt.table.span.start));
  for (const node of root.children) {
    if (node.type !== 'table' || triggerTables.has(spanOf(node).start) || headerColumn(node, DECISION_TIME_COL, [0]) < 0) continue;
    const table = parseTable(text, node);
    const col = columnIndex(table, DECISION_TIME_COL, [0]);
    if (col < 0) continue;
    for (const row of table.rows) {
      const label = normalizeTitle(row.cells[0]?.text ?? '');
      const cell = row.cells[col];
      const budget = cell ? parseBudget(cell.text) : undefined;
      if (label.length >= 3 && cell && budget) rows.push({ label, cell, budget });
    }
  }
  if (!rows.length) return;
  for (const t of orphans) {
    let hit: (typeof rows)[number] | undefined;
    for (let s: Section | undefined = t.section; s && !hit; s = s.parent) {
      hit = rows.find((r) => s!.title === r.label || s!.title.startsWith(`${r.label} `));
    }
    if (!hit) continue;
    t.budgetText = hit.cell.text;
    t.budgetSpan = hit.cell.span;
    t.budgetMinutes = t.dataCorrection ? undefined : hit.budget.minutes;
    t.budgetFromHeading = true;
  }
}

const BARE_IMMEDIATE = /^immediate\s+roll\s?-?back$/;

/** Only form fields to fill in ("**Trigger Type**: [Automatic/Manual]"), or nothing but such lists. */
function isFormOnly(text: string, nodes: RootContent[]): boolean {
  const lists = nodes.filter((n): n is List => n.type === 'list');
  if (!lists.length || lists.length !== nodes.length) return false;
  return lists.every((l) =>
    l.children.every((item) => {
      const head = itemHead(item);
      if (!head) return true;
      const s = spanOf(head);
      return FORM_FIELD.test(text.slice(s.start, s.end).replace(/^\s*\[[ xX]\]\s*/, ''));
    }),
  );
}

/** A condition column, a time column, and rollback named in the header or in most rows: "| Wat stuk is | Rollback | Duur |". */
function isTriggerShaped(text: string, node: Table): boolean {
  if (headerColumn(node, TRIGGER_COL) < 0 || headerColumn(node, BUDGET_COL) < 0) return false;
  // A decision matrix by severity ("| Alert Level | Decision Time |") gives its minutes to the triggers listed per level.
  if (headerColumn(node, DECISION_TIME_COL, [0]) >= 0) return false;
  return answersRollback(text, node);
}

/** "| # | Signal | Verdict | Action |" whose rows mostly say "ROLL BACK": a decision table, under whatever heading ("## Decide in one row"). */
/**
 * A section whose lead-in says the rollback is not needed ("以下に該当する場合、**ロールバックは不要**（修正対応）",
 * "In these cases rollback is not required"): its rows are fixes, not triggers.
 */
function declinesRollback(section: Section): boolean {
  const lead = section.own[0];
  return lead?.type === 'paragraph' && leadDeclines(lead);
}
const leadDeclines = derivedFrom((lead: Paragraph): boolean => {
  const t = plainText(lead);
  if (t.length > 200) return false;
  const at = MATCH.rollback.find(t);
  if (!at) return false;
  const after = t.slice(at.index + at.length, at.index + at.length + 12);
  const no = MATCH.negative.find(after);
  return !!no && no.index <= 6;
});

function isVerdictTable(text: string, node: Table): boolean {
  if (headerColumn(node, TRIGGER_COL) < 0) return false;
  const rows = parseTable(text, node).rows;
  return rows.length >= 2 && halfNameRollback(rows);
}

/** "| Escenario | Criterio de activación | Acción |" whose actions roll back; not "| 障害状況 | 第一対応 | 並行対応 |" answered by other means. */
function answersRollback(text: string, node: Table): boolean {
  if (headerOf(node).some((h) => MATCH.rollback.test(h))) return true;
  const rows = parseTable(text, node).rows;
  return rows.length > 0 && halfNameRollback(rows);
}

/** At least half the rows name the rollback in some cell. */
function halfNameRollback(rows: ParsedTable['rows']): boolean {
  return rows.filter((r) => r.cells.some((c) => MATCH.rollback.test(c.text))).length * 2 >= rows.length;
}

function holdsLists(section: Section): boolean {
  return sectionHasLists(section.own) || descendants(section).some((d) => sectionHasLists(d.own));
}

function sectionHasLists(nodes: RootContent[]): boolean {
  return nodes.some((n) => n.type === 'list' || n.type === 'table');
}

/** "**HOTFIX IF**:", "**Escalate when:**": the conditions of another answer, named before its if-word; no rollback word. */
function isOtherAnswerLabel(n: RootContent): boolean {
  // A bold label only: "Execute este runbook se:" is the rollback's own "when to use".
  if (n.type !== 'paragraph' || labelParts(n).some((c) => c.type !== 'strong')) return false;
  const t = plainText(n).trim();
  if (t.length > 60 || !/[:：]\s*$/.test(t) || MATCH.rollback.test(t)) return false;
  const cond = MATCH.conditional.find(t);
  if (!cond || cond.index === 0) return false;
  const before = t.slice(0, cond.index).replace(/[^\p{L}\p{N}\s-]/gu, ' ').trim();
  return before.length > 0 && before.split(/\s+/).length <= 3 && !/[:：]\s*$/.test(t.slice(cond.index + cond.length, -1));
}

/** "**Bajo** (Evaluar fix forward):", "**Low** (monitor):": a tier label whose qualifier watches or answers otherwise; the list after it does not roll back. */
function isWatchLabel(n: RootContent): boolean {
  if (n.type !== 'paragraph' || n.children[0]?.type !== 'strong') return false;
  const t = plainText(n).trim();
  // "**P2 Triggers (Monitor and Decide):**" still calls its items triggers.
  return t.length <= 80 && /[:：]\s*$/.test(t) && isWatchTitle(t) && !MATCH.criteria.test(t);
}

/** "Consider not rolling back when:", "**NÃO** execute se:", "以下の場合はロールバックしない:": the list after it holds no triggers. */
function isNegativeLabel(n: RootContent): boolean {
  const t = plainText(n).trim().toLowerCase();
  if (t.length >= 80 || !/[:：]\s*$/.test(t)) return false;
  // Each word is found once and the rest asked of what follows it: one `.*` between two alternatives is quadratic.
  const not = /\b(?:not|don'?t|never|avoid)\b/.exec(t);
  if (not && /roll|revert/.test(t.slice(not.index))) return true;
  const consider = /\bconsider\b/.exec(t);
  if ((consider && /\bnot\b/.test(t.slice(consider.index))) || /\binstead\b/.test(t)) return true;
  // In the other languages the label opens with its negative ("No hacer rollback si:"); a "no" further
  // on is too often another language's word ("Immediate Rollback (No Discussion):").
  const words = t.replace(/^[^\p{L}]+/u, '');
  const negative = MATCH.negative.find(words);
  if (!negative) return false;
  return negative.index === 0 || (!isSpaced(words.slice(negative.index, negative.index + negative.length)) && MATCH.rollback.test(t));
}

export { contentOf };
