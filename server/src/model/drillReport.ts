// A drill report written as prose, in a receipts folder, with no front matter: what its body
// says about the receipt contract's keys. Read so RR002 can say what is missing and offer the
// front matter with what it could read, and so RR012 can judge a measured total written in
// the text ("Total RTO: 89 seconds", "Tiempo total: 30 segundos", "回滚耗时 | 1 分钟").
// Nothing read here counts as evidence on its own: the fix writes it to be confirmed.
import { findDurations, isWindowAt } from './duration';
import type { ReceiptModel } from './receipt';
import { isTableDelimiterRow } from './text';
import type { Span } from './types';
import { MATCH } from './vocabulary';

export interface BodyFact<T> {
  value: T;
  span: Span;
}

export interface DrillFacts {
  /** The day it ran, as YYYY-MM-DD. */
  date?: BodyFact<string>;
  /** The measured rollback or recovery time, in minutes. */
  totalMinutes?: BodyFact<number>;
  /** A commit SHA or a pipeline run named in the text. */
  receipt?: BodyFact<string>;
}

/** Lines longer than this are data, not a sentence that states a time. */
const MAX_LINE = 500;
const MAX_LINES = 5000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATES: { re: RegExp; ymd: (m: RegExpExecArray) => [string, string, string] }[] = [
  { re: /(?<!\d)(20\d\d)-(\d\d)-(\d\d)(?!\d)/, ymd: (m) => [m[1], m[2], m[3]] },
  { re: /(?<!\d)(20\d\d)\/(\d\d?)\/(\d\d?)(?!\d)/, ymd: (m) => [m[1], m[2], m[3]] },
  { re: /(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, ymd: (m) => [m[1], m[2], m[3]] },
  // Day first, as every language but American English writes it ("21/09/2026", "07.12.2026").
  { re: /(?<![\d./])(\d{1,2})[./](\d{1,2})[./](20\d\d)(?!\d)/, ymd: (m) => [m[3], m[2], m[1]] },
  { re: /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(20\d\d)\b/i, ymd: (m) => [m[3], String(MONTHS.indexOf(m[1].toLowerCase()) + 1), m[2]] },
];

// A rollback, restore or recovery named on the line: the total most likely to be the drill's own.
const ABOUT_RECOVERY = /\brto\b|recover|restor|roll\s?-?back|revert|恢复|恢復|回滚|回滾|復旧|ロールバック|복구|롤백|восстанов|откат/i;
// "Total RTO", "Tiempo total", "总耗时": the sum, over a step's time.
const TOTAL = /\btotal|\bgesamt|\btotaal|\bitogo|итого|всего|合計|総|总|總|총|tổng/i;
// "Measured rollback RTO", "Actual RTO": said to be measured.
const MEASURED = /\bmeasured|\bactual|medid|mesur|gemessen|gemeten|misurat|実測|实测|實測|측정|измерен|đo được/i;
const SHA = /\b(?:commit|sha|revision|rev)\b[^\n]{0,30}?(?<![0-9a-z])([0-9a-f]{7,40})(?![0-9a-z])/i;
const RUN = /\/actions\/runs\/(\d{5,})|\/pipelines\/(\d{3,})|\b(?:run|pipeline)[ \t]?(?:id|#)[: \t]{0,3}#?(\d{5,})\b/i;

function realDay(y: string, m: string, d: string): string | undefined {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = Date.UTC(+y, +m - 1, +d);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** What the body of a receipt with no front matter says; nothing when it has one. */
export function readDrillFacts(model: Pick<ReceiptModel, 'text' | 'frontMatter'>): DrillFacts {
  const facts: DrillFacts = {};
  if (model.frontMatter) return facts;
  const text = model.text;
  let best: { rank: number; fact: BodyFact<number> } | undefined;
  let header: string[] | undefined;
  let prev: string | undefined;
  const line = /[^\r\n]+/g;
  let n = 0;
  for (let m = line.exec(text); m && n < MAX_LINES; m = line.exec(text), n++) {
    const s = m[0];
    if (s.length > MAX_LINE) continue;
    if (!facts.date) {
      for (const { re, ymd } of DATES) {
        const d = re.exec(s);
        const day = d && realDay(...ymd(d));
        if (d && day) {
          facts.date = { value: day, span: { start: m.index + d.index, end: m.index + d.index + d[0].length } };
          break;
        }
      }
    }
    if (!facts.receipt) {
      const r = SHA.exec(s) ?? RUN.exec(s);
      const id = r?.slice(1).find((x) => x);
      if (r && id) {
        const at = m.index + r.index + r[0].lastIndexOf(id);
        facts.receipt = { value: id, span: { start: at, end: at + id.length } };
      }
    }
    // A table's header row: "| Objective / Metric | SLA Threshold | Measured Result |" says which column was measured.
    if (isTableDelimiterRow(s) && prev && /^\s*\|/.test(prev)) header = prev.split('|');
    else if (!/^\s*\|/.test(s)) header = undefined;
    prev = s;
    if (best?.rank === 3) continue;
    const label = MATCH.receipt.measured.find(s);
    if (!label) continue;
    // The time right after the label, unless a plan's word stands between ("RTO target: 15 min"); "3 Minutes (Target: <30 mins)" keeps its 3.
    // In a table row, the time in the column headed as measured, whatever the row's label ("Recovery Time Objective (RTO)").
    const measuredCol = header ? header.findIndex((h, i) => i > 0 && MEASURED.test(h) && !MATCH.receipt.estimate.test(h)) : -1;
    const cells = measuredCol > 0 ? s.split('|') : [];
    const cellStart = measuredCol > 0 ? cells.slice(0, measuredCol).join('|').length + 1 : -1;
    const cellEnd = cellStart >= 0 ? cellStart + (cells[measuredCol] ?? '').length : -1;
    const d =
      cellStart >= 0
        ? findDurations(s).find((x) => x.start >= cellStart && x.end <= cellEnd)
        : findDurations(s).find((x) => x.start >= label.index && !isWindowAt(s, x.start, x.end));
    if (!d || (cellStart < 0 && MATCH.receipt.estimate.test(s.slice(0, d.start)))) continue;
    const rank = (ABOUT_RECOVERY.test(s) ? 1 : 0) + (TOTAL.test(s) ? 1 : 0) + (MEASURED.test(s) ? 1 : 0);
    if (!best || rank > best.rank) best = { rank, fact: { value: Math.round(d.minutes * 100) / 100 || Number(d.minutes.toPrecision(1)), span: { start: m.index + d.start, end: m.index + d.end } } };
  }
  if (best) facts.totalMinutes = best.fact;
  return facts;
}
