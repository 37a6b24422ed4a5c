// The engine's building blocks: durations, ranges under BOM/CRLF, inline control, config.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseBudget, isDataCorrection } from '../../server/src/model/duration';
import { lint } from '../../server/src/engine';
import { ConfigResolver, defaultConfig } from '../../server/src/engine/config';
import { pathInside } from '../../server/src/model/paths';
import { Project } from '../../server/src/engine/project';
import fc from 'fast-check';
import { buildRunbook } from '../../server/src/model/runbook';
import { LineIndex } from '../../server/src/model/text';

test('every duration form in the spec parses, a range by its upper bound', () => {
  const cases: [string, number][] = [
    ['5', 5], ['5m', 5], ['5 min', 5], ['5 mins', 5], ['5 minutes', 5], ['90s', 1.5], ['60 secs', 1], ['1h', 60], ['1.5 h', 90],
    ['00:05', 5], ['~5m', 5], ['<5 min', 5], ['≤ 5 min', 5], ['within 5 minutes', 5], ['5+ minutes', 5], ['5-10 min', 10], ['2–3 minutes', 3],
  ];
  for (const [text, minutes] of cases) assert.equal(parseBudget(text)?.minutes, minutes, text);
  for (const text of ['ASAP', 'TBD', 'soon', '', 'immediately']) assert.equal(parseBudget(text), undefined, text);
  assert.ok(isDataCorrection('do not roll back code alone: data correction'));
  assert.ok(!isDataCorrection('5 min'));
});

const TABLE = '# R\n\n## Rollback triggers\n| Trigger | How observed | Timer budget |\n|---|---|---|\n| Smoke test fails | pipeline | 40 min |\n';

test('ranges stay exact with a BOM and CRLF line endings', () => {
  for (const [label, text] of [['LF', TABLE], ['CRLF', TABLE.replace(/\n/g, '\r\n')], ['BOM', '\uFEFF' + TABLE], ['BOM+CRLF', '\uFEFF' + TABLE.replace(/\n/g, '\r\n')]]) {
    const model = buildRunbook('/w/RUNBOOK.md', text);
    const t = model.triggers.triggers[0];
    assert.equal(text.slice(t.nameSpan.start, t.nameSpan.end), 'Smoke test fails', label);
    assert.equal(text.slice(t.budgetSpan!.start, t.budgetSpan!.end), '40 min', label);
    const pos = new LineIndex(text).position(t.budgetSpan!.start);
    assert.equal(pos.line, 5, label);
  }
});

test('inline control: disable, enable, disable-next-line, by id or name', () => {
  const ids = (text: string) => lint([{ path: 'RUNBOOK.md', text }], { today: '2026-06-01' }).filter((f) => f.ruleId === 'RB005').length;
  assert.equal(ids(TABLE), 1);
  assert.equal(ids(TABLE.replace('## Rollback triggers\n', '## Rollback triggers\n<!-- runbook-lint-disable RB005 -->\n') + '<!-- runbook-lint-enable RB005 -->\n'), 0);
  assert.equal(ids('<!-- runbook-lint-disable budget-too-long -->\n' + TABLE), 0);
  assert.equal(ids('<!-- runbook-lint-disable RB005 -->\n<!-- runbook-lint-enable -->\n' + TABLE), 1);
  assert.equal(ids('<!-- runbook-lint-disable -->\n' + TABLE), 0);
  assert.equal(ids('<!-- runbook-lint-disable RB020 -->\n' + TABLE), 1);
  const list = '# R\n\n## Rollback triggers\n<!-- runbook-lint-disable-next-line RB005 -->\n- Smoke test fails: pipeline, budget 40 min\n- Login broken: manual check, budget 40 min\n';
  assert.equal(ids(list), 1);
});

test('config: nearest file wins key by key; globs that leave the workspace are refused', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-config-'));
  fs.mkdirSync(path.join(root, 'svc', 'deep'), { recursive: true });
  fs.writeFileSync(path.join(root, '.runbook-lint.json'), JSON.stringify({ budget: { maxMinutes: 20 }, staleAfterDays: 30, rules: { RB020: 'off' } }));
  fs.writeFileSync(path.join(root, 'svc', '.runbook-lint.yaml'), 'budget:\n  maxMinutes: 10\nrules:\n  RB005: error\n');
  fs.writeFileSync(path.join(root, 'svc', 'deep', '.runbook-lint.jsonc'), '// comments are fine\n{ "receipts": ["../../../outside/*.md", "drills/*.md"], }\n');
  const resolver = new ConfigResolver(root);
  const c = resolver.forFile(path.join(root, 'svc', 'deep', 'RUNBOOK.md'));
  assert.equal(c.budget.maxMinutes, 10);
  assert.equal(c.budget.minMinutes, 2);
  assert.equal(c.staleAfterDays, 30);
  assert.equal(c.rules.rb020, 'off');
  assert.equal(c.rules.rb005, 'error');
  assert.deepEqual(c.receipts, ['drills/*.md']);
  assert.match(resolver.problems[0].message, /leaves the workspace/);
  const top = resolver.forFile(path.join(root, 'RUNBOOK.md'));
  assert.equal(top.budget.maxMinutes, 20);
});

test('config files are data only: a JavaScript config is never loaded', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-config-'));
  fs.writeFileSync(path.join(root, '.runbook-lint.js'), 'throw new Error("executed")');
  fs.writeFileSync(path.join(root, '.runbook-lint.cjs'), 'throw new Error("executed")');
  const c = new ConfigResolver(root).forFile(path.join(root, 'RUNBOOK.md'));
  assert.equal(c.budget.maxMinutes, 15);
});

test('one engine: the same files give the same findings whatever the order', () => {
  const dir = path.resolve(__dirname, '..', '..', 'examples');
  const files: { path: string; text: string }[] = [];
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith('.md') && e.name !== 'README.md') files.push({ path: p, text: fs.readFileSync(p, 'utf8') });
    }
  };
  visit(dir);
  const resolver = new ConfigResolver(dir);
  const a = lint(files, { today: '2026-06-15', config: resolver, workspaceRoot: dir }).map((f) => `${f.file}:${f.span.start} ${f.ruleId}`);
  const b = lint([...files].reverse(), { today: '2026-06-15', config: resolver, workspaceRoot: dir }).map((f) => `${f.file}:${f.span.start} ${f.ruleId}`);
  assert.deepEqual(a.sort(), b.sort());
  assert.ok(a.length > 0);
});

test('receiptsAffected: an edit of the runbook changes the findings of no receipt it leaves out', async () => {
  const { Project } = await import('../../server/src/engine/project');
  const { defaultConfig } = await import('../../server/src/engine/config');
  const root = path.join(__dirname, '..', '..', 'examples', 'checkout-api');
  const receipts = fs.readdirSync(path.join(root, 'library', 'raw', 'rollback-rehearsals')).map((f) => path.join(root, 'library', 'raw', 'rollback-rehearsals', f));
  const runbook = path.join(root, 'RUNBOOK.md');
  const original = fs.readFileSync(runbook, 'utf8');
  const project = new Project({ today: () => '2026-06-01', configFor: () => defaultConfig(root) });
  project.set(runbook, original, 'runbook');
  for (const r of receipts) project.set(r, fs.readFileSync(r, 'utf8'), 'receipt');
  const findingsOf = (r: string) => JSON.stringify(project.lint(r).map((f) => [f.ruleId, f.message, f.span]));
  const base = new Map(receipts.map((r) => [r, findingsOf(r)]));
  const view = project.receiptView(runbook)!;
  let none = 0;
  let some = 0;
  let all = 0;
  let findingsChanged = 0;
  // Insertions and deletions across the whole runbook, and edits of what receipts read:
  // every budget to 1 and to 99 minutes, every trigger renamed, every census row dropped.
  const model = buildRunbook(runbook, original);
  const splice = (start: number, end: number, text: string) => original.slice(0, start) + text + original.slice(end);
  const edits: string[] = [];
  for (let k = 0; k < 60; k++) {
    const at = Math.floor((original.length * k) / 60);
    edits.push(k % 2 ? splice(at, at, 'x') : splice(at, at + 3, ''));
  }
  for (const t of model.triggers.triggers) {
    if (t.budgetSpan) edits.push(splice(t.budgetSpan.start, t.budgetSpan.end, '1 min'), splice(t.budgetSpan.start, t.budgetSpan.end, '99 min'));
    edits.push(splice(t.nameSpan.start, t.nameSpan.end, 'Renamed trigger'));
  }
  for (const row of model.census?.rows ?? []) edits.push(splice(row.row.span.start, row.row.span.end, ''));
  for (const edited of edits) {
    project.set(runbook, edited, 'runbook');
    const affected = new Set(project.receiptsAffected(runbook, view));
    if (!affected.size) none++;
    else if (affected.size < receipts.length) some++;
    else all++;
    for (const r of receipts) {
      const now = findingsOf(r);
      if (now !== base.get(r)) findingsChanged++;
      if (!affected.has(r)) assert.equal(now, base.get(r), `${path.basename(r)} was left out, its findings must be as they were, after:\n${edited.slice(0, 2000)}`);
    }
  }
  assert.ok(none > 10 && some > 0 && all > 3 && findingsChanged > 0, `none ${none}, some ${some}, all ${all}, receipt findings changed ${findingsChanged}`);
});

test('pathInside: by prefix on plain paths, the same answer as path.relative on every path', () => {
  const segment = fc.constantFrom('a', 'b', 'ab', '.', '..', '', '..a', 'a.', 'x y', 'é');
  const p = fc.array(segment, { maxLength: 5 }).chain((ss) => fc.constantFrom('/', '/ ', '').map((tail) => '/' + ss.join('/') + (tail === '/' ? '/' : '')));
  const slow = (parent: string, child: string) => {
    const rel = path.relative(parent, child);
    if (rel === '') return '';
    return rel.startsWith('..' + path.sep) || rel === '..' || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  };
  fc.assert(fc.property(p, p, (parent, child) => assert.equal(pathInside(parent, child), slow(parent, child), `${parent} ${child}`)), { numRuns: 3000 });
  fc.assert(fc.property(p, p, (parent, child) => assert.equal(pathInside(parent, parent === '/' ? '/' + child.slice(1) : parent + child), slow(parent, parent === '/' ? '/' + child.slice(1) : parent + child))), { numRuns: 1000 });
});

test('one fault, one finding: "receipt: TBD" is reported once, by RR001 (issue 12)', () => {
  const config = defaultConfig('/w');
  const project = new Project({ today: () => '2026-06-01', configFor: () => config });
  project.set('/w/RUNBOOK.md', '# R\n\n## Rollback triggers\n\n| Trigger | How observed | Timer budget |\n|---|---|---|\n| Smoke test fails | pipeline | 5 min |\n', 'runbook');
  const text = '---\nrehearsal: 1\ndate: 2026-05-03\nenvironment: staging\ntrigger: Smoke test fails\npath: pipeline\nobserved_at: 2026-05-03T14:02\nrecovered_at: 2026-05-03T14:06\ntotal_minutes: 4\nreceipt: TBD\nwitness: Sam\nrollback_level: 2\n---\n## Commands run\n';
  const file = '/w/library/raw/rollback-rehearsals/001.md';
  project.set(file, text, 'receipt');
  const at = text.indexOf('TBD');
  const onIt = project.lint(file).filter((f) => f.span.start <= at && at < f.span.end);
  assert.deepEqual(onIt.map((f) => f.ruleId), ['RR001']);
});
