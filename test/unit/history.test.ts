// The rules read the repository through an interface (model/history.ts): with a fake history,
// no git at all, RB024 and RR016 are plain unit tests (the fixtures use real repositories).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Project } from '../../server/src/engine/project';
import { defaultConfig } from '../../server/src/engine/config';
import { commitTimes, historyOf, type Commit } from '../../server/src/model/history';

const ROOT = path.resolve('/repo');
const RUNBOOK = ['# Runbook', '', '## Rollback triggers', '| Trigger | How observed | Timer budget |', '|---|---|---|', '| Smoke test fails | pipeline red | 5 min |', ''].join('\n');
const receipt = (sha: string) =>
  ['---', 'rehearsal: 1', 'date: 2026-05-03', 'environment: staging', 'trigger: Smoke test fails', 'path: pipeline', 'observed_at: 2026-05-03T14:02', 'recovered_at: 2026-05-03T14:06', 'total_minutes: 4', `receipt: ${sha}`, 'witness: Sam', 'rollback_level: 2', '---', '## Commands run', '```sh', 'kubectl rollout undo deploy/app', '```', ''].join('\n');

function commit(sha: string, iso: string, files: string[], subject = 'change'): Commit {
  return { sha: sha.padEnd(40, '0'), ...commitTimes(iso)!, subject, files };
}

function lint(commits: Commit[], sha: string, history = true) {
  const project = new Project({ today: () => '2026-06-01', configFor: () => defaultConfig(ROOT), history: history ? () => historyOf(ROOT, commits) : undefined });
  const rb = path.join(ROOT, 'RUNBOOK.md');
  const rc = path.join(ROOT, 'library', 'raw', 'rollback-rehearsals', '001.md');
  project.set(rb, RUNBOOK, 'runbook');
  project.set(rc, receipt(sha), 'receipt');
  return [...project.lint(rb), ...project.lint(rc)].filter((f) => ['RB022', 'RB024', 'RR016'].includes(f.ruleId));
}

test('a fake history: the revert in the window, a workflow changed since; no history, no git rules', () => {
  const revert = commit('abc1234', '2026-05-03T14:04:00+00:00', ['src/app.ts'], 'Revert "new form"');
  const later = commit('def5678', '2026-05-20T09:00:00+00:00', ['.github/workflows/deploy.yml']);
  const found = lint([later, revert], 'abc1234');
  assert.deepEqual(found.map((f) => f.ruleId), ['RB024']);
  assert.match(found[0].message, /^1 commit changed the rollback path since rehearsal 001 on 2026-05-03: \.github\/workflows\/deploy\.yml def5678 — rehearse again/);
  assert.deepEqual(lint([later, revert], 'fed9876').map((f) => `${f.ruleId} ${f.severity}`), ['RB024 warning', 'RR016 error']);
  const early = commit('abc1234', '2026-05-02T10:00:00+00:00', ['src/app.ts']);
  assert.deepEqual(lint([early], 'abc1234').map((f) => `${f.ruleId} ${f.severity}`), ['RR016 warning']);
  // No history: the calendar (RB022: 2026-05-03 is 29 days before 2026-06-01, inside 90) and nothing else.
  assert.deepEqual(lint([later, revert], 'fed9876', false), []);
});
