// The pre-commit hook (.pre-commit-hooks.yaml): its `files` pattern picks the runbooks and
// receipts and nothing else; its entry, given the files as pre-commit gives them, lints them;
// and, where pre-commit is installed and the package can be installed by it, the real
// `pre-commit try-repo` on a repository holding the examples.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO, runCli } from '../helpers/cli';
import { missingBinary } from '../helpers/clients';

const TODAY = '2026-06-01';
const EXAMPLES = path.join(REPO, 'examples');

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
  minimum_pre_commit_version: string;
}

const hooks: Hook[] = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8'));
const hook = hooks.find((h) => h.id === 'runbook-lint')!;
// Python's re.search, which pre-commit applies to each path relative to the repository root; this
// pattern means the same in both dialects.
const files = new RegExp(hook?.files ?? '(?!)');

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=runbook-lint test', '-c', 'user.email=test@runbook-lint.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A fresh git repository holding a copy of the examples, everything staged, as a commit sees it. */
function exampleRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-precommit-'));
  fs.cpSync(EXAMPLES, dir, { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  return dir;
}

test('.pre-commit-hooks.yaml declares the runbook-lint hook', () => {
  assert.equal(hooks.length, 1);
  assert.ok(hook);
  assert.equal(hook.name, 'runbook-lint');
  assert.equal(hook.entry, 'runbook-lint');
  assert.equal(hook.language, 'node');
  assert.equal(hook.pass_filenames, true);
  assert.match(hook.minimum_pre_commit_version, /^\d+\.\d+\.\d+$/);
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  assert.ok(pkg.bin[hook.entry], 'the entry is a bin of the package (what language: node installs)');
});

test('the files pattern matches runbooks and receipts, not other Markdown', () => {
  for (const p of ['RUNBOOK.md', 'svc/RUNBOOK.md', 'RUNBOOK.staging.md', 'a/b/RUNBOOK.eu-west.md', 'library/raw/rollback-rehearsals/001.md', 'rollback-rehearsals/3.md']) {
    assert.match(p, files, p);
  }
  for (const p of ['README.md', 'docs/runbook.md', 'MYRUNBOOK.md', 'RUNBOOK.txt', 'RUNBOOK.md.bak', 'rollback-rehearsals/old/001.md', 'rollback-rehearsals/001.txt', 'library/raw/other/001.md']) {
    assert.doesNotMatch(p, files, p);
  }
});

test('the hook entry lints the files pre-commit passes: the example runbook and receipts, not the README', () => {
  const dir = exampleRepo();
  const staged = git(dir, 'ls-files').split('\n').filter(Boolean);
  const passed = staged.filter((f) => files.test(f));
  assert.deepEqual(passed.sort(), [
    'checkout-api/RUNBOOK.md',
    'checkout-api/library/raw/rollback-rehearsals/001.md',
    'checkout-api/library/raw/rollback-rehearsals/002.md',
    'checkout-api/library/raw/rollback-rehearsals/3.md',
  ]);
  assert.ok(staged.includes('README.md') && !passed.includes('README.md'));
  // As pre-commit runs it: the entry, then the file names, from the repository root.
  const all = runCli(['--format', 'json', '--today', TODAY, ...passed], dir);
  assert.equal(all.code, 1, all.stderr);
  const findings: { file: string; severity: string }[] = JSON.parse(all.stdout).findings;
  assert.deepEqual([...new Set(findings.map((f) => f.file))].sort(), passed.filter((f) => findings.some((x) => x.file === f)).sort());
  assert.ok(findings.some((f) => f.file === 'checkout-api/RUNBOOK.md'));
  // A commit touching one receipt lints that receipt, against its runbook, and reports nothing else.
  const one = runCli(['--format', 'json', '--today', TODAY, 'checkout-api/library/raw/rollback-rehearsals/002.md'], dir);
  assert.equal(one.code, 1);
  const oneFindings: { file: string; ruleId: string }[] = JSON.parse(one.stdout).findings;
  assert.ok(oneFindings.length > 0);
  assert.ok(oneFindings.every((f) => f.file === 'checkout-api/library/raw/rollback-rehearsals/002.md'));
  assert.ok(oneFindings.some((f) => f.ruleId === 'RR008'), 'checked against the runbook it belongs to');
  // A clean runbook passes.
  const clean = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-precommit-clean-'));
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'cli', 'clean'), clean, { recursive: true });
  assert.equal(runCli(['--today', '2026-05-10', 'RUNBOOK.md'], clean).code, 0);
});

/**
 * Why pre-commit itself cannot install this package, or undefined. Its `language: node` runs
 * `npm install`, then `npm pack` and installs the tarball: the tarball must hold the bundled CLI
 * (dist/ is in .gitignore; .npmignore, which npm reads instead, keeps it).
 */
function cannotInstall(): string | undefined {
  const missing = missingBinary('pre-commit', "scripts/install-clients.sh installs Debian's pre-commit");
  if (missing) return missing;
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) return `npm pack --dry-run failed: ${r.stderr}`;
  const packed: { path: string }[] = JSON.parse(r.stdout)[0].files;
  if (!packed.some((f) => f.path === 'dist/cli.js')) {
    return 'npm pack leaves out dist/cli.js (see .npmignore), so the package pre-commit installs has no CLI';
  }
  return undefined;
}

test('pre-commit try-repo runs the hook on a repository holding the examples', { skip: cannotInstall(), timeout: 300_000 }, () => {
  // The hook repository as it would be committed: the working tree's tracked and new files.
  const hookRepo = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-hookrepo-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  for (const f of listed.stdout.split('\0').filter(Boolean)) {
    const src = path.join(REPO, f);
    if (!fs.lstatSync(src, { throwIfNoEntry: false })?.isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(hookRepo, f)), { recursive: true });
    fs.copyFileSync(src, path.join(hookRepo, f));
  }
  git(hookRepo, 'init', '-q');
  git(hookRepo, 'add', '-A');
  git(hookRepo, 'commit', '-q', '-m', 'hook repository');

  const target = exampleRepo();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-precommit-home-'));
  const r = spawnSync('pre-commit', ['try-repo', hookRepo, 'runbook-lint', '--all-files', '--color', 'never'], {
    cwd: target,
    encoding: 'utf8',
    env: { ...process.env, PRE_COMMIT_HOME: home, RUNBOOK_LINT_TODAY: TODAY, NO_COLOR: '1' },
    timeout: 280_000,
  });
  const out = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 1, `pre-commit: the hook fails on the examples' errors\n${out}`);
  assert.match(out, /runbook-lint\.+Failed/);
  assert.match(out, /- exit code: 1/);
  assert.match(out, /checkout-api\/RUNBOOK\.md\n(?:.*\n)*?\s+14:49\s+warning\s+Timer budget 40 min/);
  assert.match(out, /checkout-api\/library\/raw\/rollback-rehearsals\/002\.md/);
  assert.doesNotMatch(out, /README\.md/);
});
