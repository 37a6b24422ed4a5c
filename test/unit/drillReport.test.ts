// Issue 11, part 6: a drill report written as prose, with no front matter, read from its text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readDrillFacts } from '../../server/src/model/drillReport';
import { Project, defaultConfig } from '../../server/src/engine';

const facts = (text: string) => {
  const f = readDrillFacts({ text, frontMatter: undefined });
  return { date: f.date?.value, total: f.totalMinutes?.value, receipt: f.receipt?.value };
};

test('the date, the measured total and the receipt a drill report states, in the languages', () => {
  assert.deepEqual(facts('# Fire drill\n\n**Date:** 2025-12-15\n\n| Detection | 20 seconds |\n| **Total RTO (break → recovery)** | **89 seconds** |\n\nCommit: 3f2a9c1d\n'), { date: '2025-12-15', total: 1.48, receipt: '3f2a9c1d' });
  assert.deepEqual(facts('# Simulacro\n\nFecha: 21/09/2026\n\n**Tiempo total de recuperación:** 6 minutos\n'), { date: '2026-09-21', total: 6, receipt: undefined });
  assert.deepEqual(facts('# 回滚演练\n\n日期：2026年7月9日\n\n| 回滚耗时 | 1 分钟 |\n'), { date: '2026-07-09', total: 1, receipt: undefined });
  assert.deepEqual(facts('- **Date**: July 8, 2026.\n- **Actual RTO (Downtime)**: 3 Minutes (Target: <30 mins).\n'), { date: '2026-07-08', total: 3, receipt: undefined });
  // "Measured" outranks a longer total; a target or an estimate is no measurement; 2026-02-30 is no day.
  assert.equal(facts('- Measured rollback RTO: 20 seconds.\n- Total rollback drill time: 38 seconds.\n').total, 0.33);
  assert.deepEqual(facts('Date: 2026-02-30\n\nRTO target: 15 minutes\nEstimated total: 10 minutes\n'), { date: undefined, total: undefined, receipt: undefined });
  assert.equal(facts('See https://github.com/o/r/actions/runs/123456789 for the run.').receipt, '123456789');
  // A table's measured column, whatever its row's label says; a time under a second keeps a digit.
  const matrix = '| Objective / Metric | SLA Threshold | Measured Result | Evaluation |\n|:---|:---:|:---:|:---:|\n| **Recovery Time Objective (RTO)** | < 15 minutes | **0.015 seconds** | **PASS** |\n';
  assert.equal(facts(matrix).total, 0.0003);
  assert.equal(facts(matrix.replace('Measured Result', 'Notes')).total, undefined);
});

test('a receipt with front matter is read from its keys, not from its text', () => {
  const fm = { span: { start: 0, end: 0 } } as never;
  assert.deepEqual(readDrillFacts({ text: 'Total RTO: 1 minute', frontMatter: fm }), {});
});

test('RR002 on a prose report says what its text gives and what it lacks, and converts it with each read value to confirm', () => {
  const file = '/w/library/raw/rollback-rehearsals/001.md';
  const text = '# Rollback drill — 2026-05-03\n\nWe rolled back in staging.\n\n**Total RTO:** 89 seconds\n';
  const p = new Project({ today: () => '2026-06-01', configFor: () => defaultConfig('/w') });
  p.set(file, text, 'receipt');
  const rr002 = p.lint(file).find((f) => f.ruleId === 'RR002')!;
  assert.match(rr002.message, /the text gives date 2026-05-03, total_minutes 1\.48; it does not say environment, trigger, path, observed_at, recovered_at, receipt, rollback_level/);
  assert.equal(rr002.fix?.statesFact, true);
  const front = rr002.fix!.edits![0].newText;
  assert.match(front, /^---\nrehearsal: 1\ndate: "TODO\(confirm\): 2026-05-03"\n/);
  assert.match(front, /\ntrigger:\n/);
  assert.match(front, /\ntotal_minutes: "TODO\(confirm\): 1\.48"\n/);
  // Converted, the report is a receipt that stays flagged until each value is confirmed or written.
  p.set(file, front + text, 'receipt');
  const after = p.lint(file).map((f) => f.ruleId);
  assert.ok(!after.includes('RR002'), after.join(' '));
  assert.ok(after.filter((id) => id === 'RR001').length >= 8, after.join(' '));
  // RR012 reads the measured time the text states.
  p.set(file, text, 'receipt');
  assert.ok(p.lint(file).some((f) => f.ruleId === 'RR012' && text.slice(f.span.start, f.span.end) === '89 seconds'));
});

/** Whether `rule` reports on a prose drill report with this body. */
const reportsOnProse = (rule: string, body: string) => {
  const file = '/w/library/raw/rollback-rehearsals/001.md';
  const p = new Project({ today: () => '2026-06-01', configFor: () => defaultConfig('/w') });
  p.set(file, `# Rollback drill — 2026-05-03\n\n${body}\n`, 'receipt');
  return p.lint(file).some((f) => f.ruleId === rule);
};

test('RR009 on a prose report: a drill that says it did not run, or code that only reports results, records no command run', () => {
  const rr009 = (body: string) => reportsOnProse('RR009', body);
  const playbook = '```bash\ngit switch -c drill\ngit revert --no-edit HEAD\n```';
  assert.equal(rr009(playbook), false);
  for (const status of [
    '| Date | Scenario | Result |\n|---|---|---|\n| Pending | A | NOT RUN |\n| Pending | B | NOT RUN |',
    '| Date | Run by | Result | Notes |\n|---|---|---|---|\n| 2026-09-07 | Claude | ⚠️ Could not run | the backup never succeeded |',
    'Status: playbook complete; live rehearsal is intentionally deferred.',
    '- Tipo: tabletop técnico + validación de comandos.',
    '| Fecha | Resultado |\n|---|---|\n| 2026-05-03 | No ejecutado |',
  ]) assert.equal(rr009(`${status}\n\n${playbook}`), true, status);
  assert.equal(rr009(`Gaps: the cleanup of old images is deferred to next sprint.\n\n${playbook}`), false);
  // One check that did not run is no drill that did not: "| Validation (tests run) | Not run |".
  assert.equal(rr009(`| Date | Validation (tests run) |\n|---|---|\n| 2026-05-03 | Not run |\n\n${playbook}`), false);
  // A row that ran beside one that did not: the drill ran.
  assert.equal(rr009(`| Date | Result |\n|---|---|\n| 2026-05-03 | PASS |\n| 2026-05-04 | NOT RUN |\n\n${playbook}`), false);
  assert.equal(rr009('```\nOPT5 → OPT4 → OPT3\n✅ OPT5 unscheduled (CRON jobs removed)\n[x] Rollback OPT4\n├─ [x] trigger dropped\n```'), true);
  // A timeline, a block of fields and a box of results were typed by nobody; the command in a block was.
  assert.equal(rr009('```\n17:20:46  mongorestore started\n17:22:36  Restore completed (1m 46s)\n```\n\n```yaml\nMethod: mongorestore + index rebuild\n```\n\n```\nPrimary Database:\n├─ Service: MongoDB 6.0\n────────\n```'), true);
  assert.equal(rr009('```\n17:20:46  mongorestore started\n```\n\n```bash\nmongorestore --gzip --archive=backup.gz\n```'), false);
});

test('RR010 on a prose report: a bold label or a log column that holds what the drill surfaced is its gaps', () => {
  const rr010 = (body: string) => reportsOnProse('RR010', body);
  assert.equal(rr010('## Resultaat\n- **Hersteltijd:** 12 minuten.\n- **Lessons learned:**\n  - Escalatiekanaal toegevoegd.'), false);
  assert.equal(rr010('| Date | RTO (minutes) | Issues Found |\n| --- | --- | --- |\n| 2025-12-12 | ~6 | private IP only |'), false);
  assert.equal(rr010('## Resultaat\n- **Hersteltijd:** 12 minuten.'), true);
  // A word in a sentence is no label: "we found no gaps" states nothing to fix or keep.
  assert.equal(rr010('We rolled back in 12 minutes; the lessons were discussed.'), true);
});

test('RR013 on a prose report: a sign-off table that names people is a witness; an empty template is not', () => {
  const file = '/w/library/raw/rollback-rehearsals/002.md';
  const rr013 = (signOff: string) => {
    const p = new Project({ today: () => '2026-06-01', configFor: () => defaultConfig('/w') });
    p.set(file, `# DR test report — 2026-01-15\n\nWe failed over to the second region.\n\n### **Sign-offs**\n${signOff}\n`, 'receipt');
    return p.lint(file).filter((f) => f.ruleId === 'RR013').length;
  };
  assert.equal(rr013('| Role | Name | Signature | Date |\n|------|------|-----------|------|\n| DR Coordinator | John Smith | JS | 2025-01-15 |'), 0);
  assert.equal(rr013('| Role | Name | Signature | Date |\n|------|------|-----------|------|\n| DR Coordinator | [Name] | | |\n| DBA | TBD | | |'), 1);
  assert.equal(rr013('Pending.'), 1);
});
