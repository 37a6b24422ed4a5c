// Issue 15, part 1: `runbook-lint report` — the rehearsal history per runbook and trigger as
// Markdown (a table and a Mermaid chart per trigger), one self-contained HTML file and JSON
// that its schema describes. Drafts and placeholders never count as rehearsals.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { REPO, copyFixture, runCli } from '../helpers/cli';

const TODAY = '2026-06-15';
const RECEIPTS = 'checkout-api/library/raw/rollback-rehearsals';

function examples(): string {
  return copyFixture(path.join(REPO, 'examples'));
}

function report(dir: string, format: string, ...args: string[]) {
  const r = runCli(['report', '.', '--format', format, '--today', TODAY, '--no-git', ...args], dir);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

/** Receipts 010, 011, 012 of the smoke-test trigger: 3.5, 3 and 2 minutes. */
function addFastRehearsals(dir: string): void {
  const template = fs.readFileSync(path.join(dir, RECEIPTS, '001.md'), 'utf8');
  for (const [n, minutes, day] of [[10, 3.5, '05-20'], [11, 3, '05-27'], [12, 2, '06-03']] as const) {
    const text = template
      .replace('rehearsal: 1', `rehearsal: ${n}`)
      .replaceAll('2026-05-03', `2026-${day}`)
      .replace('recovered_at: 2026-' + day + 'T14:06', `recovered_at: 2026-${day}T14:0${2 + Math.ceil(minutes)}`)
      .replace('total_minutes: 4', `total_minutes: ${minutes}`);
    fs.writeFileSync(path.join(dir, RECEIPTS, `0${n}.md`), text);
  }
}

const schema = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'rehearsal-report.schema.json'), 'utf8')));
})();
/** Whether the schema holds (a boolean: the type guard would narrow the report to unknown). */
const validate = Object.assign((x: unknown): boolean => schema(x), { get errors() { return schema.errors; } });

test('report --format json: the schema holds, and the numbers are the receipts\' (drafts not counted)', () => {
  const dir = examples();
  const json = JSON.parse(report(dir, 'json'));
  assert.ok(validate(json), JSON.stringify(validate.errors));
  assert.equal(json.version, 1);
  assert.equal(json.workspace.rehearsals, 2);
  assert.equal(json.workspace.neverRehearsed, 4);
  assert.equal(json.workspace.medianMinutes, 4);
  assert.equal(json.workspace.p90Minutes, 18);
  const smoke = json.runbooks[0].triggers.find((t: { name: string }) => t.name === 'Smoke test fails in pipeline');
  assert.deepEqual(smoke.rehearsals.map((r: { number: number; minutes: number; overBudget: boolean }) => [r.number, r.minutes, r.overBudget]), [[1, 4, true]]);

  // A draft (new-receipt's scaffold) is counted as a draft, never as a rehearsal.
  assert.equal(runCli(['new-receipt', 'checkout-api', '--trigger', 'Smoke test fails in pipeline', '--today', TODAY], dir).code, 0);
  const after = JSON.parse(report(dir, 'json'));
  const smoke2 = after.runbooks[0].triggers.find((t: { name: string }) => t.name === 'Smoke test fails in pipeline');
  assert.equal(smoke2.rehearsals.length, 1);
  assert.equal(smoke2.drafts, 1);
  assert.equal(after.workspace.rehearsals, 2);
});

test('graduation, trend and staleness follow the receipts', () => {
  const dir = examples();
  addFastRehearsals(dir);
  const json = JSON.parse(report(dir, 'json'));
  assert.ok(validate(json), JSON.stringify(validate.errors));
  const smoke = json.runbooks[0].triggers.find((t: { name: string }) => t.name === 'Smoke test fails in pipeline');
  assert.deepEqual(smoke.rehearsals.map((r: { minutes: number }) => r.minutes), [4, 3.5, 3, 2]);
  // 4 minutes is under 5 as well: four in a row.
  assert.deepEqual(smoke.graduation, { streak: 4, ready: true });
  assert.equal(smoke.trend, 'faster');
  assert.equal(json.runbooks[0].stale, false);
  const later = JSON.parse(runCli(['report', '.', '--format', 'json', '--today', '2027-01-01', '--no-git'], dir).stdout);
  assert.equal(later.runbooks[0].stale, true);
  assert.equal(later.runbooks[0].newest.date, '2026-06-10');
});

test('report --format markdown: a table per runbook, and a Mermaid xychart per rehearsed trigger with the budget as a line', () => {
  const dir = examples();
  addFastRehearsals(dir);
  const md = report(dir, 'markdown');
  assert.match(md, /^## Rollback rehearsals\n/);
  assert.match(md, /\| Trigger \| Budget \| Rehearsals \| Latest \| Trend \| Graduation \|/);
  assert.match(md, /\| Smoke test fails in pipeline \| 3 min \| 4 \| 2 min on 2026-06-03, within budget \| faster \| ready: 4 in a row under 5 min \|/);
  const charts = [...md.matchAll(/```mermaid\nxychart-beta\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(charts.length, 2, 'one chart per rehearsed trigger');
  assert.match(charts[0], /title "Smoke test fails in pipeline: minutes per rehearsal"\n {2}x-axis \["001", "010", "011", "012"\]\n {2}y-axis "minutes" 0 --> \d+\n {2}bar \[4, 3\.5, 3, 2\]\n {2}line \[3, 3, 3, 3\]/);
  // The default format is Markdown (what a job summary wants).
  assert.equal(runCli(['report', '.', '--today', TODAY, '--no-git'], dir).stdout, md);
});

test('report --format html: one self-contained page, no script, no network, a chart per trigger; document text escaped', async () => {
  const dir = examples();
  const runbook = path.join(dir, 'checkout-api/RUNBOOK.md');
  // A code span keeps its text through the Markdown parse: the trigger's name holds a real tag.
  fs.writeFileSync(runbook, fs.readFileSync(runbook, 'utf8').replace('| Login broken |', '| Login `<script>alert(1)</script>` broken |'));
  const html = report(dir, 'html');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-[A-Za-z0-9+/=]+'">/);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /\s(src|href)=/i, 'nothing loaded, nothing linked');
  assert.match(html, /<td>Login &lt;script&gt;alert\(1\)&lt;\/script&gt; broken<\/td>/);
  assert.equal((html.match(/<svg /g) ?? []).length, 1, 'one chart: Login lost its rehearsal with its name');
  const md = report(dir, 'markdown');
  assert.doesNotMatch(md, /<script/);
  assert.match(md, /\| Login &lt;script>alert\(1\)&lt;\/script> broken \|/);
});

test('report: a usage error for an unknown format, exit 2 for an unreadable path', () => {
  const dir = examples();
  const bad = runCli(['report', '.', '--format', 'pdf'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /report --format must be markdown, html or json, not "pdf"/);
  assert.equal(runCli(['report', 'missing', '--today', TODAY], dir).code, 2);
});
