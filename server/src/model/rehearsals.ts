// A receipt as a rehearsal: its typed facts (number, date, minutes, level, witness), read
// once per receipt, and the one rule that says which runbook trigger a receipt rehearsed.
// Every rule, lens, hover and picker that asks "which trigger, when, how long" asks here.
import * as path from 'node:path';
import type { ReceiptModel } from './receipt';
import type { RunbookModel } from './runbook';
import type { Trigger } from './triggers';
import { normalizeTrigger } from './triggers';
import { derivedFrom, isCommentLine, isTableDelimiterRow, placeholderIn } from './text';
import { parseTimestamp } from './receipt';
import { isInlineCommand } from './rollback';
import { MATCH } from './vocabulary';

export interface Rehearsal {
  receipt: ReceiptModel;
  /** `rehearsal:`, else the NNN of the file name. */
  number?: number;
  /** The day it ran (YYYY-MM-DD), only when `date:` is a real calendar day. */
  date?: string;
  /** `total_minutes:` (a number, or a string holding only one). */
  minutes?: number;
  level?: number;
  witness?: string;
  /** The `trigger:` value as written. */
  trigger?: string;
}

/** The YYYY-MM-DD day of a date or timestamp value, only when it is a real calendar day. */
export function dayOf(value: unknown): string | undefined {
  let s: string | undefined;
  if (value instanceof Date) s = Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  else if (typeof value === 'string') s = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ]|\s)/.exec(value)?.[1];
  if (!s) return undefined;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? s : undefined;
}

/** Whole days from one YYYY-MM-DD day to another. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.round((b - a) / 86_400_000);
}

function minutesOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

const facts = new WeakMap<ReceiptModel, Rehearsal>();

/** The facts of a receipt as a rehearsal, read once per receipt model. */
export function rehearsalOf(receipt: ReceiptModel): Rehearsal {
  let r = facts.get(receipt);
  if (!r) {
    const f = receipt.frontMatter?.fields;
    const n = f?.get('rehearsal')?.value;
    const level = f?.get('rollback_level')?.value;
    const witness = f?.get('witness')?.value;
    const trigger = f?.get('trigger')?.value;
    r = {
      receipt,
      number: typeof n === 'number' && Number.isInteger(n) ? n : receipt.fileNumber,
      date: dayOf(f?.get('date')?.value),
      minutes: minutesOf(f?.get('total_minutes')?.value),
      level: typeof level === 'number' && Number.isInteger(level) ? level : undefined,
      witness: typeof witness === 'string' && witness.trim() ? witness.trim() : undefined,
      trigger: typeof trigger === 'string' && trigger.trim() ? trigger : undefined,
    };
    facts.set(receipt, r);
  }
  return r;
}

/** A line someone could have typed: not blank, not a comment, not a template placeholder. */
const realLine = (l: string) => {
  const t = l.trim();
  return t !== '' && !isCommentLine(t) && !placeholderIn(t) && !/^\.{3}$|^…$/.test(t);
};
const linesOf = (c: string) => c.split(/\r\n|\r|\n/);
/**
 * A line that reports, not one that runs: "✅ OPT5 unscheduled", "[x] Rollback OPT5", "├─ [x] CRON jobs", "OPT5 → OPT4";
 * a timeline's entry ("17:20:46  mongorestore started"), a field ("Method: mongodump + gzip"), a rule ("────").
 */
const RESULT_LINE = /^\s*(?:[✅❌✔✓☑⚠✗✘⏳🟢🔴🟡]|\[[ xX]\]|[├└│─━═]|\(|[^\s→]+\s*→|\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s|[A-Z][\w ()/-]{0,40}:(?:\s|$))/u;

/** The code a receipt records as run: its "Commands run" section's, else (a drill report written as prose) its body's. */
export function commandCode(receipt: ReceiptModel): NonNullable<ReceiptModel['bodyCode']> {
  return receipt.commands?.code ?? receipt.bodyCode ?? { block: [], inline: [] };
}

const NOT_RUN = MATCH.receipt.notRun;
const STATUS_COL = MATCH.receipt.status;
/** "Status: playbook complete; live rehearsal is intentionally deferred", "- Tipo: tabletop técnico": a status field ("Gaps: cleanup deferred" is none). */
const FIELD = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([\p{L}][\p{L} ]{0,24})(?:\*\*|__)?\s*[:：](.*)$/u;
const bare = (cell: string) => cell.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/**
 * Whether a drill report says the drill did not happen: a status field that says so, or a result
 * column whose every filled cell does ("NOT RUN", "⚠️ Could not run"). Its code is then the playbook.
 */
export const saysNotRun = derivedFrom((receipt: ReceiptModel): boolean => {
  if (!NOT_RUN.test(receipt.text)) return false;
  let table: string[][] = [];
  const column = (rows: string[][]) => {
    const data = rows.slice(1).filter((r) => !r.every((c) => /^:?-*:?$/.test(c.trim())));
    for (let i = 0; i < rows[0].length; i++) {
      // "| Result |" says whether the drill ran; "| Validation (tests run) | Not run |" is one check of a drill that did.
      if (!STATUS_COL.test(bare(rows[0][i]))) continue;
      const filled = data.map((r) => bare(r[i] ?? '')).filter((c) => c && !/^(?:n\/?a|none)$/i.test(c));
      if (filled.length && filled.every((c) => c.length <= 30 && NOT_RUN.find(c)?.length === c.length)) return true;
    }
    return false;
  };
  for (const line of receipt.text.split(/\r?\n/)) {
    if (/^\s*\|/.test(line)) {
      table.push(line.trim().replace(/^\||\|$/g, '').split('|'));
      continue;
    }
    if (table.length && column(table)) return true;
    table = [];
    const field = FIELD.exec(line);
    if (field && field[1].trim().split(/\s+/).length <= 3 && STATUS_COL.test(field[1]) && NOT_RUN.test(field[2])) return true;
  }
  return table.length > 0 && column(table);
});

const GAPS = MATCH.receipt.gaps;
/** "- **Lessons learned:**" over its items: a label of a few words that ends the line. */
const LABEL_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)([^*_\n]{2,60})(?:\*\*|__)[\s:：]*$/;

/**
 * Whether a receipt writes down what the rehearsal surfaced (RR010): a gaps section, or, in a drill
 * report, a bold label over it ("**Lessons learned:**") or a column of its log ("| Issues Found |").
 */
export const gapsWritten = derivedFrom((receipt: ReceiptModel): boolean => {
  if (receipt.gaps) return true;
  if (!GAPS.test(receipt.text)) return false;
  const lines = receipt.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const label = LABEL_LINE.exec(lines[i]);
    if (label && GAPS.test(label[1].replace(/[:：]\s*$/, ''))) return true;
    // A table's header row, the line above its delimiter row.
    if (/^\s*\|/.test(lines[i]) && isTableDelimiterRow(lines[i + 1] ?? '') && lines[i].split('|').some((c) => c.trim().length <= 40 && GAPS.test(c))) return true;
  }
  return false;
});

/** Whether a receipt records commands actually run (RR009, and what makes a receipt more than a draft). */
export function commandsRun(receipt: ReceiptModel): boolean {
  const found = commandCode(receipt);
  if (receipt.commands) {
    return (
      found.block.some((c) => linesOf(c).some(realLine)) ||
      // `gh workflow run deploy.yml -f image_tag=v1.2.2` written inline still records a command.
      found.inline.some((c) => realLine(c) && /\S\s+\S|\//.test(c.trim()))
    );
  }
  // A drill report written as prose: its code anywhere, but a block with a placeholder is the
  // procedure to follow (`<commit-sha>`, YYYYMMDD), a result line ("✅ OPT5 unscheduled") was
  // typed by nobody, a path or a name inline is no command; and a report that says the drill
  // did not run records none.
  if (saysNotRun(receipt)) return false;
  return (
    found.block.some((c) => linesOf(c).some((l) => realLine(l) && !RESULT_LINE.test(l)) && !linesOf(c).some((l) => placeholderIn(l))) ||
    found.inline.some((c) => realLine(c) && isInlineCommand(c.trim()) && /\S\s+\S/.test(c.trim()))
  );
}

/**
 * What a receipt leaves unfilled that a rehearsal must state: the times, the minutes, the
 * commands run, the receipt id. A receipt with any of them missing is a draft (what
 * new-receipt writes, before the rehearsal): linted, but never counted as a rehearsal by the
 * rules, the lens or the hover (issue 14). Empty when the receipt counts.
 */
export const draftGaps = derivedFrom((receipt: ReceiptModel): string[] => {
  const gaps: string[] = [];
  const f = receipt.frontMatter?.fields;
  if (!f) gaps.push('front matter');
  else {
    const observed = parseTimestamp(f.get('observed_at')?.value);
    const recovered = parseTimestamp(f.get('recovered_at')?.value);
    // 00:00-00:00 is the scaffold of an older version, not a time anyone measured.
    if (observed === undefined || recovered === undefined || observed === recovered) gaps.push('observed_at and recovered_at');
    const minutes = minutesOf(f.get('total_minutes')?.value);
    if (!minutes) gaps.push('total_minutes');
    const id = f.get('receipt')?.value;
    const idText = typeof id === 'number' ? String(id) : typeof id === 'string' ? id.trim() : '';
    if (!idText || placeholderIn(idText)) gaps.push('receipt');
  }
  if (!commandsRun(receipt)) gaps.push('commands run');
  return gaps;
});

export const isDraft = (receipt: ReceiptModel): boolean => draftGaps(receipt).length > 0;

/** A list item's name may still carry its observation ("5xx > 5%: dashboard"): the condition alone. */
function conditionOf(name: string): string {
  const m = /^(.+?)(?::\s|\s[—–]\s)/.exec(name);
  return m ? m[1] : name;
}

/**
 * The one rule: a receipt rehearsed a trigger when its `trigger:` is the trigger's name, or
 * the condition that name starts with, ignoring case, spacing and emphasis marks. When two
 * triggers of a runbook answer to the same words, the first one does.
 */
export const triggersByKey = derivedFrom((triggers: readonly Trigger[]) => {
  const byKey = new Map<string, Trigger>();
  for (const t of triggers) {
    for (const key of [normalizeTrigger(t.name), normalizeTrigger(conditionOf(t.name))]) if (key && !byKey.has(key)) byKey.set(key, t);
  }
  return byKey;
});

/** The trigger of `triggers` a receipt's `trigger:` value names, if any. */
export function triggerNamed(triggers: readonly Trigger[], value: unknown): Trigger | undefined {
  return typeof value === 'string' ? triggersByKey(triggers).get(normalizeTrigger(value)) : undefined;
}

/** The runbook trigger a receipt rehearsed, with its runbook: the first of `runbooks` that has it. */
export function rehearsedTrigger(receipt: ReceiptModel, runbooks: readonly RunbookModel[]): { trigger: Trigger; runbook: RunbookModel } | undefined {
  const value = rehearsalOf(receipt).trigger;
  for (const runbook of runbooks) {
    const trigger = triggerNamed(runbook.triggers.triggers, value);
    if (trigger) return { trigger, runbook };
  }
  return undefined;
}

/** Receipts by the normalized trigger they name; derived once per receipt list. */
const byTriggerKey = derivedFrom((receipts: readonly ReceiptModel[]) => {
  const out = new Map<string, number[]>();
  receipts.forEach((receipt, at) => {
    const value = rehearsalOf(receipt).trigger;
    if (value === undefined) return;
    const key = normalizeTrigger(value);
    const list = out.get(key);
    if (list) list.push(at);
    else out.set(key, [at]);
  });
  return out;
});

/** The positions in `receipts` of those naming this key (for cross-file re-lint: which receipts a budget edit touches). */
export function receiptsNaming(receipts: readonly ReceiptModel[], normalizedName: string): readonly number[] {
  return byTriggerKey(receipts).get(normalizedName) ?? [];
}

/**
 * The rehearsals of one trigger of `runbook`, in the order of `receipts` (the runbook's
 * receipts, oldest first): its history, drafts left out. The last is the latest rehearsal.
 */
export function rehearsalsOf(runbook: RunbookModel, receipts: readonly ReceiptModel[], trigger: Trigger): Rehearsal[] {
  return receiptsOfTrigger(runbook, receipts, trigger)
    .filter((r) => !isDraft(r))
    .map(rehearsalOf);
}

/** The drafts among the receipts of one trigger (new-receipt's scaffold, not filled in yet), oldest first. */
export function draftsOf(runbook: RunbookModel, receipts: readonly ReceiptModel[], trigger: Trigger): ReceiptModel[] {
  return receiptsOfTrigger(runbook, receipts, trigger).filter(isDraft);
}

function receiptsOfTrigger(runbook: RunbookModel, receipts: readonly ReceiptModel[], trigger: Trigger): ReceiptModel[] {
  const index = triggersByKey(runbook.triggers.triggers);
  const at: number[] = [];
  for (const key of new Set([normalizeTrigger(trigger.name), normalizeTrigger(conditionOf(trigger.name))])) {
    if (index.get(key) === trigger) at.push(...receiptsNaming(receipts, key));
  }
  return at.sort((a, b) => a - b).map((i) => receipts[i]);
}

export function latestRehearsal(runbook: RunbookModel, receipts: readonly ReceiptModel[], trigger: Trigger): Rehearsal | undefined {
  return rehearsalsOf(runbook, receipts, trigger).at(-1);
}

/** The budget a rehearsal is held to: its trigger's in the runbook, else the receipt's own `budget_minutes`. */
export function budgetOf(receipt: ReceiptModel, trigger: Trigger | undefined): { minutes: number; fromRunbook: boolean } | undefined {
  const fromRunbook = trigger?.budgetMinutes;
  if (typeof fromRunbook === 'number' && Number.isFinite(fromRunbook)) return { minutes: fromRunbook, fromRunbook: true };
  const own = receipt.frontMatter?.fields.get('budget_minutes')?.value;
  return typeof own === 'number' && Number.isFinite(own) ? { minutes: own, fromRunbook: false } : undefined;
}

/** The newest rehearsal date among receipts (drafts do not count), with its receipt; once per list. */
export const newestRehearsal = derivedFrom((receipts: readonly ReceiptModel[]) => {
  let newest: Rehearsal | undefined;
  for (const r of receipts) {
    if (isDraft(r)) continue;
    const f = rehearsalOf(r);
    if (f.date && (!newest || f.date > newest.date!)) newest = f;
  }
  return newest;
});

/** The seeds' graduation to a game day: three rehearsals in a row, each under 5 minutes. */
export const GRADUATION = { inARow: 3, underMinutes: 5 };

/** How many of the latest rehearsals in a row were under the graduation minutes. */
export function graduationStreak(minutes: readonly (number | undefined)[]): number {
  let n = 0;
  for (let i = minutes.length - 1; i >= 0; i--) {
    const t = minutes[i];
    if (t === undefined || !(t > 0 && t < GRADUATION.underMinutes)) break;
    n++;
  }
  return n;
}

/** A rehearsal as messages name it: 004, or its file name when it has no number. */
export function receiptLabel(r: Rehearsal): string {
  return r.number !== undefined ? String(r.number).padStart(3, '0') : path.basename(r.receipt.path);
}
