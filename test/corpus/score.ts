// The labeled corpus's score (issue 11): lint every document of test/corpus/docs as
// the label says (a runbook, or a drill report in a rehearsals folder), compare with
// the labels a reviewer wrote from the text, print precision and recall per rule,
// item-level and document-level, and how often a trigger list is found, per language.
//
//   npm run corpus:score                 the table; exit 1 under the issue's targets
//   npm run corpus:score -- --misses     also every finding judged wrong and every miss
//   npm run corpus:score -- --json       the score as JSON (the test reads it)
//   npm run corpus:score -- --sources    rewrite SOURCES.tsv from the labels
//   npm run corpus:score -- --floor      record today's score as the floor the test holds
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Project } from '../../server/src/engine/project';
import { defaultConfig } from '../../server/src/engine/config';
import { LineIndex } from '../../server/src/model/text';
import type { RunbookModel } from '../../server/src/model/runbook';
import type { ReceiptModel } from '../../server/src/model/receipt';
import { readDrillFacts, type DrillFacts } from '../../server/src/model/drillReport';

const HERE = __dirname;
const DOCS = path.join(HERE, 'docs');
const LABELS = path.join(HERE, 'labels');

/** Findings "the document lacks X": labeled without a line, scored once per document. */
export const DOCUMENT_RULES = new Set(['RB001', 'RB010', 'RB011', 'RB012', 'RB013', 'RB016', 'RB018', 'RR002', 'RR009', 'RR010', 'RR013']);
/** Rules that read the rest of the workspace: a lone document says nothing about them. */
export const UNSCORED_RULES = new Set(['RB021', 'RB022', 'RB023', 'RR003', 'RR004', 'RR008', 'RR014', 'RR015']);

export const TARGETS = { itemPrecision: 0.95, documentPrecision: 0.97, recall: 0.9, recallMinCases: 5, triggerListsFound: 0.95 };

interface Expected {
  rule: string;
  line?: number;
  why?: string;
}

export interface Label {
  id: string;
  repo: string;
  path: string;
  commit: string;
  licence: string;
  language: string;
  kind: string;
  as: 'runbook' | 'receipt';
  triggerList: number | null;
  triggerCount?: number;
  expect: Expected[];
  wrong?: Expected[];
  /** Drill reports: what the body says (LABELING.md). */
  facts?: { date?: string | Date | null; totalMinutes?: number | null };
  notes?: string;
}

export interface Miss {
  id: string;
  rule: string;
  line?: number;
  text: string;
}

export interface RuleScore {
  rule: string;
  cases: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  documents: number;
  repositories: number;
  languages: Record<string, number>;
  item: { tp: number; fp: number; fn: number; precision: number; recall: number };
  document: { tp: number; fp: number; fn: number; precision: number; recall: number };
  rules: RuleScore[];
  triggerLists: Record<string, { labeled: number; found: number }>;
  falseAlarms: Miss[];
  misses: Miss[];
  /** Trigger lists labeled and not found. */
  blind: string[];
  /** Drill reports whose date and measured total the body reader got as labeled. */
  facts: { reports: number; date: number; totalMinutes: number };
}

export function readLabels(dir = LABELS): Label[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const label = parseYaml(fs.readFileSync(path.join(dir, f), 'utf8')) as Label;
      if (label.id !== f.slice(0, -'.yaml'.length)) throw new Error(`${f}: id is ${label.id}`);
      label.expect ??= [];
      return label;
    });
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Lint one labeled document alone, where the label says it lives. */
function lintDocument(label: Label, text: string) {
  const root = path.join(path.sep, 'corpus', label.id);
  const file = label.as === 'receipt' ? path.join(root, 'rollback-rehearsals', '001.md') : path.join(root, 'RUNBOOK.md');
  const project = new Project({ today: () => '2026-06-01', configFor: () => defaultConfig(root) });
  project.set(file, text, label.as);
  const idx = new LineIndex(text);
  const findings = project
    .lint(file)
    .filter((f) => !UNSCORED_RULES.has(f.ruleId))
    .map((f) => ({ rule: f.ruleId, first: idx.position(f.span.start).line + 1, last: idx.position(Math.max(f.span.start, f.span.end - 1)).line + 1, text: text.slice(f.span.start, Math.min(f.span.end, f.span.start + 80)).replace(/\s+/g, ' ') }));
  const model = project.model(file);
  const triggers = label.as === 'runbook' ? ((model as RunbookModel | undefined)?.triggers.triggers.length ?? 0) : 0;
  const facts = label.as === 'receipt' && model?.kind === 'receipt' ? readDrillFacts(model as ReceiptModel) : undefined;
  return { findings, triggers, facts };
}

export function score(labels: Label[] = readLabels()): Score {
  const rules = new Map<string, RuleScore>();
  const rule = (id: string) => {
    let r = rules.get(id);
    if (!r) rules.set(id, (r = { rule: id, cases: 0, tp: 0, fp: 0, fn: 0 }));
    return r;
  };
  const item = { tp: 0, fp: 0, fn: 0 };
  const document = { tp: 0, fp: 0, fn: 0 };
  const triggerLists: Score['triggerLists'] = {};
  const languages: Record<string, number> = {};
  const falseAlarms: Miss[] = [];
  const misses: Miss[] = [];
  const blind: string[] = [];
  const facts = { reports: 0, date: 0, totalMinutes: 0 };
  for (const label of labels) {
    const text = fs.readFileSync(path.join(DOCS, `${label.id}.md`), 'utf8');
    languages[label.language] = (languages[label.language] ?? 0) + 1;
    const { findings, triggers, facts: read } = lintDocument(label, text);
    if (label.facts && read) tallyFacts(label.facts, read, facts);
    const expected = label.expect.filter((e) => !UNSCORED_RULES.has(e.rule));

    // Item level: each finding on a line claims one expected entry of its rule on one of its lines.
    const open = expected.filter((e) => !DOCUMENT_RULES.has(e.rule));
    for (const f of findings.filter((f) => !DOCUMENT_RULES.has(f.rule))) {
      const k = open.findIndex((e) => e.rule === f.rule && e.line !== undefined && e.line >= f.first && e.line <= f.last);
      if (k >= 0) {
        open.splice(k, 1);
        rule(f.rule).tp++;
        item.tp++;
      } else {
        rule(f.rule).fp++;
        item.fp++;
        falseAlarms.push({ id: label.id, rule: f.rule, line: f.first, text: f.text });
      }
    }
    for (const e of open) {
      rule(e.rule).fn++;
      item.fn++;
      misses.push({ id: label.id, rule: e.rule, line: e.line, text: e.why ?? '' });
    }
    for (const e of expected.filter((e) => !DOCUMENT_RULES.has(e.rule))) rule(e.rule).cases++;

    // Document rules: fired or not, once per document.
    const fired = new Set(findings.map((f) => f.rule));
    const wanted = new Set(expected.map((e) => e.rule));
    for (const id of DOCUMENT_RULES) {
      const r = rule(id);
      if (wanted.has(id)) r.cases++;
      if (fired.has(id) && wanted.has(id)) r.tp++;
      else if (fired.has(id)) {
        r.fp++;
        falseAlarms.push({ id: label.id, rule: id, text: findings.find((f) => f.rule === id)!.text });
      } else if (wanted.has(id)) {
        r.fn++;
        misses.push({ id: label.id, rule: id, text: expected.find((e) => e.rule === id)!.why ?? '' });
      }
    }
    // Document level, every rule: does it fire anywhere where the reviewer expects it anywhere?
    for (const id of new Set([...fired, ...wanted])) {
      if (fired.has(id) && wanted.has(id)) document.tp++;
      else if (fired.has(id)) document.fp++;
      else document.fn++;
    }

    if (label.as === 'runbook' && label.triggerList !== null && label.triggerList !== undefined) {
      const t = (triggerLists[label.language] ??= { labeled: 0, found: 0 });
      t.labeled++;
      if (triggers > 0) t.found++;
      else blind.push(label.id);
    }
  }
  return {
    documents: labels.length,
    repositories: new Set(labels.map((l) => l.repo)).size,
    languages,
    item: { ...item, precision: ratio(item.tp, item.tp + item.fp), recall: ratio(item.tp, item.tp + item.fn) },
    document: { ...document, precision: ratio(document.tp, document.tp + document.fp), recall: ratio(document.tp, document.tp + document.fn) },
    rules: [...rules.values()].filter((r) => r.cases || r.fp).sort((a, b) => a.rule.localeCompare(b.rule)),
    triggerLists,
    falseAlarms,
    misses,
    blind,
    facts,
  };
}

/** A date is right when it is the labeled day; a total when within 5% (or 3 seconds) of the labeled minutes; "none" is right when none was labeled. */
function tallyFacts(want: NonNullable<Label['facts']>, got: DrillFacts, tally: Score['facts']): void {
  tally.reports++;
  const day = want.date instanceof Date ? want.date.toISOString().slice(0, 10) : (want.date ?? undefined);
  if ((day ?? undefined) === got.date?.value) tally.date++;
  const total = want.totalMinutes ?? undefined;
  const read = got.totalMinutes?.value;
  if (total === read || (total !== undefined && read !== undefined && Math.abs(total - read) <= Math.max(0.05, 0.05 * total))) tally.totalMinutes++;
}

/** The share of drill-report facts read as labeled (dates and totals together). */
export function factsRead(s: Score): number {
  return s.facts.reports ? (s.facts.date + s.facts.totalMinutes) / (2 * s.facts.reports) : 1;
}

/** The share of labeled trigger lists found, over every language. */
export function triggerListsFound(s: Score): number {
  const t = Object.values(s.triggerLists).reduce((a, x) => ({ labeled: a.labeled + x.labeled, found: a.found + x.found }), { labeled: 0, found: 0 });
  return t.labeled ? t.found / t.labeled : 1;
}

/** What keeps the score under the issue's targets; empty when it meets them. */
export function shortfalls(s: Score): string[] {
  const out: string[] = [];
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  if (s.item.precision < TARGETS.itemPrecision) out.push(`item-level precision ${pct(s.item.precision)} < ${pct(TARGETS.itemPrecision)}`);
  if (s.document.precision < TARGETS.documentPrecision) out.push(`document-level precision ${pct(s.document.precision)} < ${pct(TARGETS.documentPrecision)}`);
  for (const r of s.rules) {
    const recall = ratio(r.tp, r.tp + r.fn);
    if (r.cases >= TARGETS.recallMinCases && recall < TARGETS.recall) out.push(`${r.rule} recall ${pct(recall)} < ${pct(TARGETS.recall)} (${r.cases} cases)`);
  }
  for (const [lang, t] of Object.entries(s.triggerLists)) {
    if (ratio(t.found, t.labeled) < TARGETS.triggerListsFound) out.push(`trigger lists found in ${t.found}/${t.labeled} ${lang} documents`);
  }
  return out;
}

function table(s: Score): string {
  const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
  const lines = [
    `${s.documents} documents from ${s.repositories} repositories; languages: ${Object.entries(s.languages)
      .sort((a, b) => b[1] - a[1])
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}`,
    '',
    'rule    level     cases   tp   fp   fn  precision  recall',
  ];
  for (const r of s.rules) {
    const level = DOCUMENT_RULES.has(r.rule) ? 'document' : 'item';
    lines.push(`${r.rule.padEnd(7)} ${level.padEnd(8)} ${String(r.cases).padStart(6)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}     ${pct(r.tp, r.tp + r.fp)}  ${pct(r.tp, r.tp + r.fn)}`);
  }
  lines.push('');
  lines.push(`item-level     precision ${pct(s.item.tp, s.item.tp + s.item.fp)}  recall ${pct(s.item.tp, s.item.tp + s.item.fn)}  (tp ${s.item.tp}, fp ${s.item.fp}, fn ${s.item.fn})`);
  lines.push(`document-level precision ${pct(s.document.tp, s.document.tp + s.document.fp)}  recall ${pct(s.document.tp, s.document.tp + s.document.fn)}  (tp ${s.document.tp}, fp ${s.document.fp}, fn ${s.document.fn})`);
  lines.push('');
  lines.push(
    'trigger lists found: ' +
      Object.entries(s.triggerLists)
        .sort()
        .map(([l, t]) => `${l} ${t.found}/${t.labeled}`)
        .join(', '),
  );
  lines.push(`drill reports read from their text (${s.facts.reports}): date ${s.facts.date}/${s.facts.reports}, measured total ${s.facts.totalMinutes}/${s.facts.reports}`);
  return lines.join('\n');
}

function sources(labels: Label[]): string {
  const rows = labels.map((l) => [`${l.id}.md`, l.repo, l.path, l.commit, l.licence, l.language, l.kind].join('\t'));
  return ['file\trepo\tpath\tcommit\tlicence\tlanguage\tkind', ...rows].join('\n') + '\n';
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const labels = readLabels();
  if (args.includes('--sources')) {
    fs.writeFileSync(path.join(HERE, 'SOURCES.tsv'), sources(labels));
  }
  const s = score(labels);
  if (args.includes('--floor')) {
    const down = (x: number) => Math.floor(x * 1000) / 1000;
    const floor = {
      documents: s.documents,
      itemPrecision: down(s.item.precision),
      itemRecall: down(s.item.recall),
      documentPrecision: down(s.document.precision),
      documentRecall: down(s.document.recall),
      triggerListsFound: down(triggerListsFound(s)),
      factsRead: down(factsRead(s)),
    };
    fs.writeFileSync(path.join(HERE, 'floor.json'), JSON.stringify(floor, null, 2) + '\n');
  }
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify(s, null, 2) + '\n');
  } else {
    console.log(table(s));
    if (args.includes('--misses')) {
      console.log('\nfindings judged wrong:');
      for (const m of s.falseAlarms) console.log(`  ${m.id}:${m.line ?? '-'} ${m.rule} «${m.text}»`);
      console.log('\nexpected and not found:');
      for (const m of s.misses) console.log(`  ${m.id}:${m.line ?? '-'} ${m.rule} ${m.text}`);
      console.log('\ntrigger lists not found: ' + (s.blind.join(', ') || 'none'));
    }
    const short = shortfalls(s);
    console.log(short.length ? `\nunder the targets:\n  ${short.join('\n  ')}` : '\nevery target met');
  }
  process.exitCode = shortfalls(s).length ? 1 : 0;
}
