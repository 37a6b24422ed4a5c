// Issue 14: receipts and staleness checked against the repository. The reader (engine/git.ts)
// against real throwaway repositories; the CLI and the server give the same findings; the
// server reads git only in a trusted workspace; no repository, a shallow clone or no git
// binary is silence and one log line.
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { serverTestResources, TestClient } from './lspClient';
import { GitHistories } from '../../server/src/engine/git';
import { buildRepository, git } from '../helpers/fixtures';
import { runCli, REPO } from '../helpers/cli';

const TODAY = '2026-06-01';
const { clients, dirs } = serverTestResources();
const CASE = path.join(REPO, 'test', 'fixtures', 'rules', 'RB024', 'fail-workflow-changed');
const SPEC = JSON.parse(fs.readFileSync(path.join(CASE, 'git-history.json'), 'utf8'));

const ids = (stdout: string, file: string) =>
  (JSON.parse(stdout) as { findings: { file: string; ruleId: string; message: string }[] }).findings.filter((f) => f.file === file);

test('the CLI reads the history: RB024 names the commits, --no-git falls back to the calendar (RB022)', () => {
  const { root, shas } = buildRepository(CASE, SPEC);
  dirs.push(path.dirname(root));
  const withGit = runCli(['--format', 'json', '--today', '2026-09-01', '.'], root);
  const rb = ids(withGit.stdout, 'RUNBOOK.md');
  const rb024 = rb.find((f) => f.ruleId === 'RB024');
  assert.ok(rb024, withGit.stdout);
  assert.equal(
    rb024.message,
    `2 commits changed the rollback path since rehearsal 001 on 2026-05-03: infra/main.tf ${shas[2].slice(0, 7)}, .github/workflows/deploy.yml ${shas[1].slice(0, 7)} — rehearse again and write a new receipt.`,
  );
  assert.ok(!rb.some((f) => f.ruleId === 'RB022'), 'with history, the calendar is not the signal');
  assert.ok(ids(withGit.stdout, 'library/raw/rollback-rehearsals/001.md').some((f) => f.ruleId === 'RR016'), 'receipt 3f2a9c1 is no commit here');

  const noGit = runCli(['--format', 'json', '--today', '2026-09-01', '--no-git', '.'], root);
  const rbNoGit = ids(noGit.stdout, 'RUNBOOK.md').map((f) => f.ruleId);
  assert.ok(rbNoGit.includes('RB022') && !rbNoGit.includes('RB024'), noGit.stdout);
  assert.ok(!ids(noGit.stdout, 'library/raw/rollback-rehearsals/001.md').some((f) => f.ruleId === 'RR016'));
});

test('a shallow clone, a folder outside any repository and a missing git are silent, logged once', async () => {
  const shallow = buildRepository(CASE, { ...SPEC, shallow: true });
  dirs.push(path.dirname(shallow.root));
  const r = runCli(['--format', 'json', '--today', TODAY, '.'], shallow.root);
  assert.ok(!ids(r.stdout, 'RUNBOOK.md').some((f) => f.ruleId === 'RB024'));
  assert.equal(r.stderr.match(/no git history for .* \(a shallow clone: its history is incomplete\)/g)?.length, 1, r.stderr);

  const logs: string[] = [];
  const noGit = new GitHistories({ git: path.join(shallow.root, 'no-such-git'), log: (m) => logs.push(m) });
  const { root } = buildRepository(CASE, SPEC);
  dirs.push(path.dirname(root));
  assert.equal(await noGit.load([path.join(root, 'RUNBOOK.md')]), false);
  assert.equal(await noGit.load([path.join(root, 'RUNBOOK.md')]), false);
  assert.equal(noGit.historyFor(path.join(root, 'RUNBOOK.md')), undefined);
  assert.equal(logs.length, 1, logs.join('\n'));
  assert.match(logs[0], /git is missing/);

  const outside = fs.mkdtempSync(path.join(path.dirname(path.dirname(root)), 'runbook-nogit-'));
  dirs.push(outside);
  const none: string[] = [];
  const reader = new GitHistories({ log: (m) => none.push(m) });
  assert.equal(await reader.load([path.join(outside, 'RUNBOOK.md')]), false);
  assert.deepEqual(none, [], 'no repository: nothing to say');
});

test('the history is cached per HEAD: read again only when HEAD moves', async () => {
  const { root } = buildRepository(CASE, SPEC);
  dirs.push(path.dirname(root));
  const reader = new GitHistories();
  const file = path.join(root, 'RUNBOOK.md');
  assert.equal(await reader.load([file]), true);
  const first = reader.historyFor(file);
  assert.equal(first?.commits.length, 3);
  assert.equal(await reader.load([file]), false);
  assert.equal(reader.historyFor(file), first);
  git(root, ['commit', '-q', '--allow-empty', '-m', 'more'], '2026-05-30T10:00:00+00:00');
  assert.equal(await reader.load([file]), true);
  assert.equal(reader.historyFor(file)?.commits.length, 4);
});

test('the server reads git in a trusted workspace only, and then agrees with the CLI', async () => {
  const { root } = buildRepository(CASE, SPEC);
  dirs.push(path.dirname(root));
  const receipt = path.join(root, 'library', 'raw', 'rollback-rehearsals', '001.md');
  const text = fs.readFileSync(receipt, 'utf8');
  const cli = ids(runCli(['--format', 'json', '--today', TODAY, '.'], root).stdout, 'library/raw/rollback-rehearsals/001.md').map((f) => f.ruleId).sort();
  assert.ok(cli.includes('RR016'));

  const trusted = await TestClient.start({ folders: [root], initializationOptions: { today: TODAY, debounceMs: 0 } });
  clients.push(trusted);
  const uri = trusted.open(receipt, text);
  const codes = (await trusted.waitDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'RR016'))).diagnostics.map((d) => String(d.code)).sort();
  assert.deepEqual(codes, cli, 'the same findings as the CLI');

  const untrusted = await TestClient.start({ folders: [root], initializationOptions: { today: TODAY, debounceMs: 0, workspaceTrusted: false } });
  clients.push(untrusted);
  const uri2 = untrusted.open(receipt, text);
  const d2 = (await untrusted.waitDiagnostics(uri2, (d) => d.version === 1)).diagnostics.map((d) => String(d.code));
  assert.ok(!d2.includes('RR016'), `untrusted: ${d2}`);
  assert.deepEqual(d2.sort(), cli.filter((c) => c !== 'RR016'));
});

test('the README quotes what `npm run example:history` prints (RB024 and RR016 on the example, in a repository of its own)', () => {
  const out = execFileSync(process.execPath, [path.join(REPO, 'scripts', 'example-history.mjs')], { encoding: 'utf8' });
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const block = /`npm run example:history`[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'the README block after `npm run example:history`');
  const lines = block.trim().split('\n');
  assert.ok(lines.some((l) => l.endsWith('RB024')) && lines.some((l) => l.endsWith('RR016')), block);
  for (const line of lines) assert.ok(out.split('\n').includes(line), `the README says\n${line}\nbut node scripts/example-history.mjs printed\n${out}\n(paste the new lines into README.md)`);
});
