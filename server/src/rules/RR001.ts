import type { ReceiptRule, Report } from './rule';
import { validateReceiptData, receiptProperties, receiptRequired, type ErrorObject } from '../model/schema';
import { placeholderIn } from './helpers/receiptUtil';
import { parseTimestamp, type FrontMatter, type FrontMatterField } from '../model/receipt';
import type { Span } from '../model/types';
import { editDistance } from './helpers/distance';

/** An error found at the end (an unclosed quote swallows the rest): point at the value that opened it. */
function errorSpan(text: string, span: Span, fm: FrontMatter): Span {
  if (span.start < fm.content.end - 1) {
    if (span.end - span.start > 1) return span;
    // A one-character position: cover the rest of that line, so the squiggle is visible.
    const rest = text.slice(span.start, fm.content.end).search(/\r?\n|\r/);
    const lineEnd = rest < 0 ? fm.content.end : span.start + rest;
    const end = span.start + text.slice(span.start, lineEnd).trimEnd().length;
    return { start: span.start, end: Math.max(end, Math.min(span.start + 1, fm.content.end)) };
  }
  const opener = [...fm.fields.values()].filter((f) => f.valueSpan.end >= fm.content.end - 1 && f.valueSpan.start < span.start).pop();
  if (!opener) return { start: fm.span.start, end: fm.content.start };
  const lineEnd = text.slice(opener.valueSpan.start).search(/\r?\n|\r/);
  return { start: opener.valueSpan.start, end: lineEnd < 0 ? opener.valueSpan.end : opener.valueSpan.start + lineEnd };
}

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  if (v instanceof Date) return 'a date';
  if (Array.isArray(v)) return 'a list';
  return 'a map';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a map',
  array: 'a list',
};

/** What to write for each key, short enough for a diagnostic. */
const WHAT: Record<string, string> = {
  rehearsal: 'the rehearsal number, the same as NNN in the file name',
  date: 'the day it ran, YYYY-MM-DD',
  environment: 'where it ran: staging, prod or preview',
  trigger: "the trigger from the runbook's list, as written there",
  path: 'the path taken: pipeline, console or git-revert',
  observed_at: 'when the trigger was observed, YYYY-MM-DDTHH:MM',
  recovered_at: 'when prod was back, YYYY-MM-DDTHH:MM',
  total_minutes: 'the minutes from observed_at to recovered_at',
  budget_minutes: "the trigger's timer budget in minutes",
  receipt: 'the commit SHA or pipeline run ID / URL of the revert',
  witness: 'who watched the rehearsal',
  recording: 'a link to the recording',
  rollback_level: 'the rollback level: 1 flag off, 2 deploy, 3 migration, 4 data correction',
  runbook: "the runbook's path, relative to this receipt",
  notes: 'free text',
};

function hint(key: string): string {
  const w = WHAT[key];
  return w ? `: write ${w}` : '';
}

/** The message for one ajv error about a present key: what is wrong and what to write instead. */
function valueMessage(err: ErrorObject, key: string, f: FrontMatterField | undefined): string {
  const v = f?.value;
  const empty = v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  switch (err.keyword) {
    case 'type': {
      const types = ([] as string[]).concat((err.params as { type: string | string[] }).type ?? []);
      const want = types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      if (empty) return `${key} is empty${hint(key) || `: write ${want}`}.`;
      const quoted = typeof v === 'string' && (types.includes('integer') || types.includes('number')) && /^\s*-?\d+(\.\d+)?\s*$/.test(v);
      return `${key} must be ${want}, not ${describe(v)}${quoted ? ': remove the quotes' : hint(key)}.`;
    }
    case 'pattern':
    case 'format':
      return `${key} ${empty ? 'is empty' : `${JSON.stringify(f?.source ?? v)} is not in the expected form`}: write ${formatOf(key)}.`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const p = err.params as { comparison: string; limit: number };
      return `${key} is ${String(v)}; it must be ${p.comparison} ${p.limit}${hint(key)}.`;
    }
    case 'minLength':
      return `${key} is empty${hint(key) || ': fill it in'}.`;
    default:
      return `${key} ${err.message ?? 'does not match the receipt schema'}${hint(key) || ': fix the value'}.`;
  }
}

const TIMESTAMP_SHAPE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

function formatOf(key: string): string {
  if (key === 'date') return 'the day it ran as YYYY-MM-DD (a real day, e.g. 2026-05-03)';
  if (key === 'observed_at' || key === 'recovered_at') return 'YYYY-MM-DDTHH:MM, to the minute (e.g. 2026-05-03T14:02)';
  return WHAT[key] ?? 'what the schema asks';
}

export const RR001: ReceiptRule = {
  id: 'RR001',
  name: 'receipt-schema',
  severity: 'error',
  appliesTo: 'receipt',
  fixable: true,
  description: 'Front matter breaks schemas/receipt.schema.json.',
  check({ model, report }) {
    const fm = model.frontMatter;
    if (!fm) return;
    const opening = { start: fm.span.start, end: fm.content.start };
    for (const e of fm.errors) {
      const what = /^Front matter/.test(e.message) ? e.message.replace(/\.?$/, '.') : `Front matter is not valid YAML: ${e.message.replace(/\.?$/, '.')}`;
      report({ span: errorSpan(model.text, e.span, fm), message: `${what} Fix it so the receipt can be read (one "key: value" per line, no tabs, no aliases, each key once).` });
    }
    if (fm.errors.length) return;
    if (!fm.data) {
      const empty = fm.empty || fm.content.end <= fm.content.start;
      report({
        span: opening,
        message: `${empty ? 'Front matter is empty' : 'Front matter is not a map of keys'}: write one "key: value" per line (rehearsal, date, environment, trigger, path, observed_at, recovered_at, total_minutes, receipt, witness, rollback_level).`,
      });
      return;
    }
    const eol = model.lines.eol();
    const closing = fm.content.end;
    // One finding per key: a placeholder explains a bad pattern better than the pattern does.
    const byKey = new Map<string, Report>();
    const others: Report[] = [];
    const placeholders = new Map<string, string>();
    for (const [key, f] of fm.fields) {
      const ph = typeof f.value === 'string' ? placeholderIn(f.value) : undefined;
      if (ph) placeholders.set(key, ph);
    }
    for (const err of validateReceiptData(fm.data)) {
      const key = err.instancePath.split('/')[1];
      const f = key ? fm.fields.get(key) : undefined;
      switch (err.keyword) {
        case 'required': {
          const missing = (err.params as { missingProperty: string }).missingProperty;
          if (!receiptRequired.includes(missing)) break; // the witness/recording pair is RR013's
          const def = receiptProperties[missing]?.default;
          const insert = `${missing}: ${def}`;
          others.push({
            span: opening,
            message: `Front matter is missing "${missing}": ${def !== undefined ? `add a line "${insert}"${WHAT[missing] ? ` (${WHAT[missing]})` : ''}` : `add it${WHAT[missing] ? ` with ${WHAT[missing]}` : ''}`}.`,
            fix: def !== undefined ? { title: `Add "${insert}"`, edits: [{ start: closing, end: closing, newText: `${insert}${eol}` }] } : undefined,
            data: { key: missing },
          });
          break;
        }
        case 'anyOf':
          break; // witness or recording: RR013 says it better
        case 'additionalProperties': {
          const extra = (err.params as { additionalProperty: string }).additionalProperty;
          const ef = fm.fields.get(extra);
          const near = Object.keys(receiptProperties).find((k) => k !== extra && keyDistance(k, extra) <= 2);
          others.push({
            span: ef?.keySpan ?? opening,
            message: `Unknown key "${extra}" in the receipt front matter: ${near ? `did you mean "${near}"? Otherwise r` : 'r'}emove it or fix its spelling (keys: ${Object.keys(receiptProperties).join(', ')}).`,
            data: { key: extra },
          });
          break;
        }
        case 'enum': {
          if (!key || byKey.has(key)) break;
          const allowed = (err.params as { allowedValues: unknown[] }).allowedValues;
          const def = receiptProperties[key]?.default;
          const empty = f ? f.valueSpan.end === f.valueSpan.start : false;
          byKey.set(key, {
            span: f?.valueSpan ?? opening,
            message: `${key} must be one of ${allowed.join(', ')}, not ${f?.value === null || f?.value === undefined ? 'empty' : JSON.stringify(f?.value)}: write the one that was used${def !== undefined ? ` (default: ${def})` : ''}.`,
            fix: def !== undefined && f ? { title: `Set ${key} to ${def}`, edits: [{ ...f.valueSpan, newText: `${empty && !/[ \t]$/.test(model.text.slice(0, f.valueSpan.start)) ? ' ' : ''}${def}` }] } : undefined,
            data: { key },
          });
          break;
        }
        default: {
          if (!key) {
            others.push({ span: opening, message: `Front matter ${err.message ?? 'does not match the receipt schema'}: see schemas/receipt.schema.json.` });
            break;
          }
          if (byKey.has(key) || placeholders.has(key)) break;
          if (err.keyword === 'minLength' && (key === 'witness' || key === 'recording') && !filled(fm.data.witness) && !filled(fm.data.recording)) break; // RR013's
          byKey.set(key, { span: f?.valueSpan ?? opening, message: valueMessage(err, key, f), data: { key } });
        }
      }
    }
    // The pattern admits 2026-02-30T14:02 and 25:61; the clock only real ones.
    for (const key of ['observed_at', 'recovered_at']) {
      const f = fm.fields.get(key);
      if (!f || byKey.has(key) || placeholders.has(key) || typeof f.value !== 'string' || !TIMESTAMP_SHAPE.test(f.value.trim()) || parseTimestamp(f.value) !== undefined) continue;
      byKey.set(key, { span: f.valueSpan, message: `${key} ${f.value.trim()} is not a real date and time: write ${formatOf(key)}.`, data: { key } });
    }
    for (const [key, ph] of placeholders) {
      const f = fm.fields.get(key)!;
      byKey.set(key, {
        span: f.valueSpan,
        message: `${key} holds the placeholder "${ph}": a receipt records a real event, so write what really happened${WHAT[key] ? ` (${WHAT[key]})` : ''}.`,
        data: { key, placeholder: ph },
      });
    }
    const seen = new Set<string>();
    for (const r of [...others, ...byKey.values()]) {
      const k = `${r.span.start}:${r.message}`;
      if (seen.has(k)) continue;
      seen.add(k);
      report(r);
    }
  },
};

/** Levenshtein distance of two keys; far apart when their lengths differ by more than 2 (short keys only). */
function keyDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64 || b.length > 64) return 99;
  return editDistance(a, b);
}
