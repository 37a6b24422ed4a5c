// `runbook-lint rehearse`: the honest timer, driven through the built CLI against a real
// temp git repository, with the clock injected (RUNBOOK_LINT_NOW) and the receipt checked
// byte by byte.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixture, runCli, REPO } from '../helpers/cli';
import { git } from '../helpers/fixtures';
import * as YAML from 'yaml';

const WORKSPACE = path.join(REPO, 'test', 'fixtures', 'rules', 'RB022', 'fail-stale');
const RECEIPTS = path.join('library', 'raw', 'rollback-rehearsals');
const ENV = { TZ: 'UTC', GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', GITHUB_RUN_ID: '', CI_PIPELINE_URL: '' };

function repository(): string {
  const dir = copyFixture(WORKSPACE);
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'checkout-api: runbook and first receipt'], '2026-05-20T09:00:00+00:00');
  return dir;
}

const at = (time: string, env: Record<string, string> = {}) => ({ ...ENV, RUNBOOK_LINT_NOW: `2026-06-01T${time}`, ...env });
const node = process.execPath;

test('start, run, mark, stop write the receipt the clock and git saw, byte by byte', () => {
  const dir = repository();
  let r = runCli(['rehearse', 'start', '--trigger', 'Smoke test fails in pipeline'], dir, at('14:02:10'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Clock started at 14:02:10 for "Smoke test fails in pipeline" \(budget 5 min\)/);
  r = runCli(['rehearse', 'run', '--', node, '-e', "process.stdout.write('rolled back to v1.2.2')"], dir, at('14:03:00'));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'rolled back to v1.2.2', 'the command output passes through');
  r = runCli(['rehearse', 'run', '--', node, '-e', 'process.exit(3)'], dir, at('14:03:30'));
  assert.equal(r.code, 3, 'the command exit code passes through');
  r = runCli(['rehearse', 'mark', 'smoke', 'test', 'green'], dir, at('14:05:30'));
  assert.equal(r.code, 0, r.stderr);
  fs.writeFileSync(path.join(dir, 'app.txt'), 'v1.2.2\n');
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'Revert "checkout: new payment form"'], '2026-06-01T14:04:00+00:00');
  const sha = git(dir, ['rev-parse', 'HEAD']).trim();
  r = runCli(['rehearse', 'stop'], dir, at('14:06:40'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Clock stopped at 14:06:40: 4\.5 min\. Wrote library\/raw\/rollback-rehearsals\/002\.md\./);
  assert.match(r.stdout, new RegExp(`Receipt: ${sha.slice(0, 12)} \\(the revert committed during the rehearsal`));

  const written = fs.readFileSync(path.join(dir, RECEIPTS, '002.md'), 'utf8');
  const node0 = node.includes(' ') || /[^\w@%+=:,./-]/.test(node) ? `'${node}'` : node;
  assert.equal(
    written,
    [
      '---',
      'rehearsal: 2',
      'date: 2026-06-01',
      'environment: staging',
      'trigger: Smoke test fails in pipeline',
      'path: git-revert',
      'observed_at: 2026-06-01T14:02:10',
      'recovered_at: 2026-06-01T14:06:40',
      'total_minutes: 4.5',
      'budget_minutes: 5',
      // A short SHA that reads as a number in YAML ("5378465e3953", "123456789012") is written quoted, as it must be.
      `receipt: ${YAML.stringify(sha.slice(0, 12)).trim()}`,
      'witness: ""',
      'rollback_level: 2',
      'runbook: ../../../RUNBOOK.md',
      'recorded_by: runbook-lint',
      '---',
      '# Rehearsal 002: Smoke test fails in pipeline',
      '',
      '## Commands run',
      '',
      '```sh',
      '# 14:03:00-14:03:00, exit 0',
      `${node0} -e 'process.stdout.write('\\''rolled back to v1.2.2'\\'')'`,
      '# 14:03:30-14:03:30, exit 3',
      `${node0} -e 'process.exit(3)'`,
      '```',
      '',
      '## Timeline',
      '',
      '- 14:02 trigger observed, clock started: Smoke test fails in pipeline',
      `- 14:03 ran \`${node0} -e 'process.stdout.write('\\''rolled back to v1.2.2'\\'')'\` (exit 0, 0 s)`,
      `- 14:03 ran \`${node0} -e 'process.exit(3)'\` (exit 3, 0 s)`,
      '- 14:05 smoke test green',
      '- 14:06 recovered, clock stopped',
      '',
      '## Gaps discovered',
      '',
      '## Compensating actions',
      '',
    ].join('\n'),
  );
  assert.ok(!fs.existsSync(path.join(dir, RECEIPTS, '.rehearsal-in-progress.jsonl')), 'the clock is gone once stopped');

  // What only a person can say is all that is left: the witness, the compensating actions.
  const lint = runCli(['--format', 'json', '--today', '2026-06-01', '.'], dir);
  const findings = (JSON.parse(lint.stdout) as { findings: { file: string; ruleId: string }[] }).findings;
  const onNew = findings.filter((f) => f.file.endsWith('002.md')).map((f) => f.ruleId);
  assert.deepEqual([...new Set(onNew)].sort(), ['RR013', 'RR014'], lint.stdout);
  // The revert is a commit of this repository, made inside the window; nothing changed the rollback path since.
  assert.ok(!findings.some((f) => (f.file.endsWith('002.md') && f.ruleId === 'RR016') || f.ruleId === 'RB024' || f.ruleId === 'RB021'), lint.stdout);
  // Receipt 001 cites 3f2a9c1, which this repository never had.
  assert.ok(findings.some((f) => f.file.endsWith('001.md') && f.ruleId === 'RR016'), lint.stdout);
});

test('a second start is refused while the clock runs, and abort leaves nothing behind', () => {
  const dir = repository();
  const before = fs.readdirSync(path.join(dir, RECEIPTS)).sort();
  assert.equal(runCli(['rehearse', 'start'], dir, at('10:00:00')).code, 0);
  const again = runCli(['rehearse', 'start', '--trigger', 'Login broken'], dir, at('10:01:00'));
  assert.equal(again.code, 2);
  assert.match(again.stderr, /a rehearsal of "5xx rate > 5% for 2 minutes post-deploy" has been running since 2026-06-01 10:00:00/);
  const aborted = runCli(['rehearse', 'abort'], dir, at('10:02:00'));
  assert.equal(aborted.code, 0, aborted.stderr);
  assert.deepEqual(fs.readdirSync(path.join(dir, RECEIPTS)).sort(), before);
  assert.equal(git(dir, ['status', '--porcelain']), '', 'nothing left in the work tree');
  assert.equal(runCli(['rehearse', 'abort'], dir, at('10:03:00')).code, 2, 'nothing to abort');
});

test('without a rehearsal running, run runs nothing and says so', () => {
  const dir = repository();
  const marker = path.join(dir, 'ran');
  const r = runCli(['rehearse', 'run', '--', node, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`], dir, at('10:00:00'));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no rehearsal is running/);
  assert.ok(!fs.existsSync(marker));
  assert.equal(runCli(['rehearse', 'run'], dir, at('10:00:00')).code, 2, 'no command: a usage error');
  assert.equal(runCli(['rehearse', 'rewind'], dir, at('10:00:00')).code, 2);
});

test('a command that cannot start is recorded with exit 127, and the receipt id comes from --receipt or the CI run', () => {
  const dir = repository();
  runCli(['rehearse', 'start', '--trigger', 'login'], dir, at('09:00:00'));
  const missing = runCli(['rehearse', 'run', '--', 'no-such-command-runbook-lint'], dir, at('09:01:00'));
  assert.equal(missing.code, 127);
  assert.match(missing.stderr, /cannot run no-such-command-runbook-lint: ENOENT/);
  const stop = runCli(['rehearse', 'stop', '--receipt', '4711', '--path', 'console', '--environment', 'prod'], dir, at('09:07:00'));
  assert.equal(stop.code, 0, stop.stderr);
  const text = fs.readFileSync(path.join(dir, RECEIPTS, '002.md'), 'utf8');
  assert.match(text, /^trigger: Login broken$/m);
  assert.match(text, /^receipt: "4711"$/m);
  assert.match(text, /^path: console$/m);
  assert.match(text, /^environment: prod$/m);
  assert.match(text, /^# 09:01:00-09:01:00, exit 127\nno-such-command-runbook-lint$/m);

  runCli(['rehearse', 'start', '--trigger', 'login'], dir, at('11:00:00'));
  runCli(['rehearse', 'run', '--', node, '-e', '0'], dir, at('11:01:00'));
  const gh = runCli(['rehearse', 'stop', '--no-git'], dir, at('11:04:00', { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/checkout-api', GITHUB_RUN_ID: '998877' }));
  assert.equal(gh.code, 0, gh.stderr);
  assert.match(fs.readFileSync(path.join(dir, RECEIPTS, '003.md'), 'utf8'), /^receipt: https:\/\/github\.com\/acme\/checkout-api\/actions\/runs\/998877$/m);

  runCli(['rehearse', 'start', '--trigger', 'login'], dir, at('12:00:00'));
  const gl = runCli(['rehearse', 'stop', '--no-git'], dir, at('12:03:00', { CI_PIPELINE_URL: 'https://gitlab.example.com/acme/checkout/-/pipelines/42' }));
  assert.equal(gl.code, 0, gl.stderr);
  assert.match(fs.readFileSync(path.join(dir, RECEIPTS, '004.md'), 'utf8'), /^receipt: https:\/\/gitlab\.example\.com\/acme\/checkout\/-\/pipelines\/42$/m);
});

test('stopped with no id and no command run, the receipt is a draft: it does not count as a rehearsal', () => {
  const dir = repository();
  runCli(['rehearse', 'start', '--trigger', 'login'], dir, at('09:00:00'));
  const stop = runCli(['rehearse', 'stop'], dir, at('09:05:00'));
  assert.equal(stop.code, 0);
  assert.match(stop.stderr, /no receipt id found/);
  const lint = runCli(['--format', 'json', '--today', '2026-06-01', '.'], dir);
  const findings = (JSON.parse(lint.stdout) as { findings: { file: string; ruleId: string; message: string }[] }).findings;
  const mine = findings.filter((f) => f.file.endsWith('002.md')).map((f) => f.ruleId);
  assert.ok(mine.includes('RR007') && mine.includes('RR009'), lint.stdout);
});
