// Every rule against its fixtures: test/fixtures/rules/<ID>/<case>(.md or folder).
// Only the rule under test is compared, so fixtures stay focused.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { CONFIRM_MARK, LineIndex, applyEdits } from '../../server/src/model/text';
import { FIXTURES, findingLine, key, loadCase } from '../helpers/fixtures';

for (const rule of RULES) {
  const dir = path.join(FIXTURES, rule.id);
  const cases = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  test(`${rule.id} ${rule.name} has fixtures: a failing case, a passing case and another style`, () => {
    assert.ok(cases.some((c) => c.startsWith('fail')), `no fail* case in ${dir}`);
    assert.ok(cases.some((c) => c.startsWith('pass')), `no pass* case in ${dir}`);
    assert.ok(cases.length >= 3, `fewer than 3 cases in ${dir}`);
  });
  for (const c of cases) {
    const casePath = path.join(dir, c);
    test(`${rule.id} ${rule.name}: ${c}`, async () => {
      const { project, files, expected, ready } = loadCase(casePath);
      await ready;
      const actual = files.flatMap((f) => project.lint(f)).filter((f) => f.ruleId === rule.id);
      const want = expected.filter((e) => e.ruleId === rule.id).map(key).sort();
      const got = actual.map((f) => key({ file: f.file, ruleId: f.ruleId, line: findingLine(project, f) })).sort();
      assert.deepEqual(got, want, actual.map((f) => `${key({ file: f.file, ruleId: f.ruleId, line: findingLine(project, f) })} ${f.message}`).join('\n'));
      if (c.startsWith('pass')) assert.equal(got.length, 0);
      else if (c.startsWith('fail')) assert.ok(got.length > 0, 'a fail case must expect at least one finding');
    });
    if (rule.fixable) {
      test(`${rule.id} fixes in ${c} remove the finding and change nothing else`, () => {
        const { project, files } = loadCase(casePath);
        for (const file of files) {
          for (const f of project.lint(file).filter((x) => x.ruleId === rule.id && x.fix?.edits?.length)) {
            const { project: fresh } = loadCase(casePath);
            const before = fresh.textOf(file)!;
            const edits = f.fix!.edits!;
            const after = applyEdits(before, edits);
            const lo = Math.min(...edits.map((e) => e.start));
            const hi = Math.max(...edits.map((e) => e.end));
            assert.equal(after.slice(0, lo), before.slice(0, lo), 'text before the edit changed');
            assert.equal(after.slice(after.length - (before.length - hi)), before.slice(hi), 'text after the edit changed');
            const countBefore = fresh.lint(file).filter((x) => x.ruleId === rule.id).length;
            let settled = after;
            if (after.includes(CONFIRM_MARK)) {
              // Issue 14: a suggested fact stays flagged, on the edited lines, until a person confirms it.
              assert.ok(f.fix!.statesFact, `"${f.fix!.title}" writes a mark to confirm but does not say it states a fact`);
              fresh.set(file, after, fresh.kindOf(file)!);
              const lines = new LineIndex(after);
              const first = lines.position(lo).line;
              const last = lines.position(lo + edits.reduce((n, e) => n + e.newText.length - (e.end - e.start), hi - lo)).line;
              const flagged = fresh.lint(file).filter((x) => {
                const line = lines.position(x.span.start).line;
                return line >= first && line <= last;
              });
              assert.ok(flagged.length, `"${f.fix!.title}": the suggestion to confirm is not flagged`);
              settled = after.split(CONFIRM_MARK).join('');
            }
            fresh.set(file, settled, fresh.kindOf(file)!);
            const remaining = fresh.lint(file).filter((x) => x.ruleId === rule.id);
            assert.ok(remaining.length < countBefore, `fix "${f.fix!.title}" did not remove the finding:\n${remaining.map((r) => r.message).join('\n')}`);
          }
        }
      });
    }
  }
}
