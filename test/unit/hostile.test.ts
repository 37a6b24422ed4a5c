// Issue 16, the CLI's side: a hostile workspace (a stranger's repository, a pull request in CI)
// never hangs the CLI, never makes it quote a file from outside the repository, and never loses
// or forks a byte. Each test is one attack of the issue; the server's side is
// test/lsp/hostile.test.ts. runCli's 60 s timeout is the hang guard: these run in well under a second.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { CLI, REPO, copyFixture, runCli } from '../helpers/cli';
import { escapes, unsafeGlob } from '../../server/src/model/globs';
import { printable } from '../../server/src/cli/report';

const TODAY = '2026-06-01';
const RECEIPTS = 'checkout-api/library/raw/rollback-rehearsals';
/** The example receipt whose total_minutes --fix corrects (the examples' one fact-free fix). */
const FIXABLE = `${RECEIPTS}/002.md`;

function examples(): string {
  return copyFixture(path.join(REPO, 'examples'));
}

function assertCleanError(r: { code: number; stderr: string }, message: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, message);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

// ------------------------------------------------------------------ bad configurations (1, 2, 3, 12)

test('a glob longer than 65,536 characters is a clear configuration problem (exit 2), the rest is linted', () => {
  const dir = examples();
  fs.writeFileSync(path.join(dir, '.runbook-lint.json'), JSON.stringify({ runbooks: [`**/${'x'.repeat(70_000)}.md`] }));
  const r = runCli(['--today', TODAY, '--format', 'json', '.'], dir);
  assertCleanError(r, /\.runbook-lint\.json: The runbooks glob "\*\*\/x+…" is 70,006 characters long; globs may have up to 1,000, and is ignored/);
  assert.ok(JSON.parse(r.stdout).filesLinted > 0, 'linted with the defaults');
});

test('JSON nested 100,000 deep is a clear configuration problem, not a stack overflow', () => {
  const dir = examples();
  fs.writeFileSync(path.join(dir, '.runbook-lint.json'), '['.repeat(100_000) + ']'.repeat(100_000));
  assertCleanError(runCli(['--today', TODAY, '.'], dir), /\.runbook-lint\.json: Configuration could not be read: it is nested too deeply\./);
});

test('a FIFO as configuration is refused at once, never opened for a blocking read', () => {
  const dir = examples();
  execFileSync('mkfifo', [path.join(dir, '.runbook-lint.json')]);
  assertCleanError(runCli(['--today', TODAY, '.'], dir), /\.runbook-lint\.json: Cannot read configuration: not a regular file \(a FIFO, a socket or a device\)/);
});

test('a configuration that is a committed symlink to /dev/zero is not followed', () => {
  const dir = examples();
  fs.symlinkSync('/dev/zero', path.join(dir, '.runbook-lint.json'));
  assertCleanError(runCli(['--today', TODAY, '.'], dir), /\.runbook-lint\.json: Cannot read configuration: a symlink that leads out of the workspace: not followed/);
});

test('a 20 MB configuration is refused by its size, not parsed', () => {
  const dir = examples();
  fs.writeFileSync(path.join(dir, '.runbook-lint.json'), `{"rules": {}, "x": "${'a'.repeat(20 * 1024 * 1024)}"}`);
  assertCleanError(runCli(['--today', TODAY, '.'], dir), /Cannot read configuration: the file is 20 MB; runbook-lint reads files of up to 256 KB/);
});

test('a backtracking glob is refused (the attack took 27 s on a 36-character name), and so is a brace that leaves the workspace', () => {
  const dir = examples();
  fs.writeFileSync(path.join(dir, `${'a'.repeat(36)}.md`), '# a\n');
  fs.writeFileSync(path.join(dir, '.runbook-lint.json'), JSON.stringify({ runbooks: ['**/*a*a*a*a*a*a*a*a*a*a*a*ab.md', '**/RUNBOOK.md'], receipts: ['{..,x}/*.md', '**/rollback-rehearsals/*.md'] }));
  const r = runCli(['--today', TODAY, '--format', 'json', '.'], dir);
  assertCleanError(r, /The runbooks glob "\*\*\/\*a\*a\*a\*a\*a\*a\*a\*a\*a\*a\*a\*ab\.md" has 13 wildcards; globs may have up to 3/);
  assert.match(r.stderr, /The receipts glob "\{\.\.,x\}\/\*\.md" leaves the workspace and is ignored/);
  assert.equal(JSON.parse(r.stdout).filesLinted, 4, 'the safe globs still apply');
});

test('unsafeGlob and escapes: the bounds, and every default glob within them', async () => {
  const { DEFAULT_ROLLBACK_PATH, DEFAULT_RECEIPTS, DEFAULT_RUNBOOKS } = await import('../../server/src/engine/config');
  for (const g of [...DEFAULT_ROLLBACK_PATH, ...DEFAULT_RECEIPTS, ...DEFAULT_RUNBOOKS]) {
    assert.equal(unsafeGlob(g), undefined, g);
    assert.equal(escapes(g), false, g);
  }
  assert.match(unsafeGlob('**/a/**/a/**/b.md')!, /has 3 "\*\*"/);
  assert.match(unsafeGlob('*a/*a*a/*b.md')!, /has 4 wildcards/);
  for (const g of ['{..,x}/*.md', 'a/{b,..}/c.md', '{/etc,x}/*', '{,~}/x', '../x/*.md', '/abs/*.md', 'C:/x/*.md', '~/x']) assert.equal(escapes(g), true, g);
  for (const g of ['{a,b}/*.md', 'x/{1..3}/*.md', 'a..b/*.md']) assert.equal(escapes(g), false, g);
});

// ------------------------------------------------------------------ nothing leaks (6, 7)

test('a receipt that is a symlink to a file outside the workspace is skipped and reported, its text never quoted', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-secret-'));
  const secret = path.join(outside, 'credentials');
  fs.writeFileSync(secret, '---\nrehearsal: 4\nreceipt: AKIAIOSFODNN7EXAMPLE\n---\n');
  const dir = examples();
  fs.symlinkSync(secret, path.join(dir, RECEIPTS, '004.md'));
  for (const format of ['sarif', 'json', 'text']) {
    const r = runCli(['--today', TODAY, '--format', format, '.'], dir);
    assert.doesNotMatch(r.stdout + r.stderr, /AKIA/, format);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /004\.md: skipped: a symlink that leads out of the workspace: not followed/);
  }
  // Named one by one or through a glob: the same.
  for (const arg of [`${RECEIPTS}/004.md`, '**/*.md']) {
    const r = runCli(['--today', TODAY, '--format', 'sarif', arg], dir);
    assert.doesNotMatch(r.stdout + r.stderr, /AKIA/, arg);
    assert.equal(r.code, 2, arg);
  }
  // A symlink whose target is inside the workspace is an ordinary file.
  fs.rmSync(path.join(dir, RECEIPTS, '004.md'));
  fs.symlinkSync('001.md', path.join(dir, RECEIPTS, '004.md'));
  const inside = runCli(['--today', TODAY, '--format', 'json', '.'], dir);
  assert.ok(JSON.parse(inside.stdout).findings.some((f: { file: string }) => f.file.endsWith('004.md')), 'an inside link is linted');
});

test('FIFOs, sockets and devices in a walked folder or a glob are never opened (issue 12 item 6)', () => {
  const dir = examples();
  execFileSync('mkfifo', [path.join(dir, RECEIPTS, '005.md')]);
  fs.symlinkSync('/dev/zero', path.join(dir, RECEIPTS, '006.md'));
  for (const args of [['.'], ['**/*.md'], [`${RECEIPTS}/005.md`]]) {
    const r = runCli(['--today', TODAY, '--format', 'json', ...args], dir);
    assert.ok(r.code === 1 || r.code === 2, `${args}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
  assert.match(runCli(['--today', TODAY, `${RECEIPTS}/005.md`], dir).stderr, /005\.md: cannot read: not a regular file/);
  // A glob walks the current folder's tree only, unless it says otherwise (`../x/**`).
  fs.mkdirSync(path.join(dir, 'sibling'));
  fs.writeFileSync(path.join(dir, 'sibling', 'RUNBOOK.md'), '# Sibling\n');
  const files = (cwd: string, arg: string) => (JSON.parse(runCli(['--today', TODAY, '--format', 'json', arg], cwd).stdout).findings as { file: string }[]).map((f) => f.file);
  const fromSub = files(path.join(dir, 'checkout-api'), '**/*.md');
  assert.ok(fromSub.length > 0 && fromSub.every((f) => !f.startsWith('..')), fromSub.join());
  assert.ok(files(path.join(dir, 'checkout-api'), '../sibling/**/*.md').some((f) => f === '../sibling/RUNBOOK.md'), 'a glob that says ../ walks there');
});

test('text output shows a document\'s control characters escaped: no ESC or OSC reaches the terminal', () => {
  const dir = examples();
  const runbook = path.join(dir, 'checkout-api/RUNBOOK.md');
  // A trigger named with cursor-up + erase-line, and an OSC 8 hyperlink, both quoted in findings.
  const text = fs.readFileSync(runbook, 'utf8').replace('## Rollback triggers', '## Rollback triggers\n\n- \u001b[1A\u001b[2KAll good \u001b]8;;https://evil.example\u0007here\u001b]8;;\u0007\u009b2J');
  fs.writeFileSync(runbook, text);
  const r = runCli(['--today', TODAY, '.'], dir);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(r.stdout + r.stderr, /[\u001b\u0007\u009b]/);
  assert.match(r.stdout, /\\u001b\[1A\\u001b\[2KAll good/);
  const json = runCli(['--today', TODAY, '--format', 'json', '.'], dir).stdout;
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(json, /\u001b/, 'JSON escapes C0 itself');
  assert.match(json, /\\u001b\[1A/);
  assert.equal(printable('a\u202eb\nc\td'), 'a\\u202eb\\u000ac\td');
});

// ------------------------------------------------------------------ nothing is lost (8, 9, 10)

test('--fix through a symlinked receipt writes the shared target: the link stays a link', () => {
  const dir = examples();
  const shared = path.join(dir, 'shared');
  fs.mkdirSync(shared);
  fs.renameSync(path.join(dir, FIXABLE), path.join(shared, '002.md'));
  fs.symlinkSync(path.relative(path.join(dir, RECEIPTS), path.join(shared, '002.md')), path.join(dir, FIXABLE));
  runCli(['--fix', '--today', TODAY, '.'], dir);
  assert.ok(fs.lstatSync(path.join(dir, FIXABLE)).isSymbolicLink(), 'still a link');
  assert.match(fs.readFileSync(path.join(shared, '002.md'), 'utf8'), /total_minutes: 9/, 'the target got the fix');
});

test('--fix keeps a file\'s mode (0664 under umask 022) and leaves a read-only file alone with a message', () => {
  const dir = examples();
  fs.chmodSync(path.join(dir, FIXABLE), 0o664);
  const r = spawnSync('sh', ['-c', `umask 022 && "${process.execPath}" "${CLI}" --fix --today ${TODAY} .`], { cwd: dir, encoding: 'utf8' });
  assert.notEqual(r.status, null);
  assert.equal(fs.statSync(path.join(dir, FIXABLE)).mode & 0o777, 0o664);
  assert.match(fs.readFileSync(path.join(dir, FIXABLE), 'utf8'), /total_minutes: 9/);

  const ro = examples();
  fs.chmodSync(path.join(ro, FIXABLE), 0o444);
  const before = fs.readFileSync(path.join(ro, FIXABLE));
  const r2 = runCli(['--fix', '--today', TODAY, '.'], ro);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /002\.md: the file is read-only: fixes not written/);
  assert.ok(fs.readFileSync(path.join(ro, FIXABLE)).equals(before));
  assert.equal(fs.statSync(path.join(ro, FIXABLE)).mode & 0o777, 0o444);
});

test('a write that fails (no space: RLIMIT_FSIZE 0) leaves no empty receipt and no temp file, exit 2 with the error', () => {
  const dir = examples();
  const before = fs.readdirSync(path.join(dir, RECEIPTS)).sort();
  const fixable = fs.readFileSync(path.join(dir, FIXABLE));
  // Through a pipe: with the limit at 0 a shell redirection to a file would fail too.
  const run = (args: string) => spawnSync('sh', ['-c', `ulimit -f 0 && "${process.execPath}" "${CLI}" ${args} 2>&1 | cat`], { cwd: dir, encoding: 'utf8' });
  const made = run('new-receipt checkout-api');
  assert.match(made.stdout, /cannot create the receipt: EFBIG/);
  const fixed = run(`--fix --today ${TODAY} .`);
  assert.match(fixed.stdout, /002\.md: cannot write fixes: EFBIG/);
  assert.deepEqual(fs.readdirSync(path.join(dir, RECEIPTS)).sort(), before, 'no NNN.md and no .tmp left');
  assert.ok(fs.readFileSync(path.join(dir, FIXABLE)).equals(fixable), 'the file is as it was');
  // And the exit code is 2 (without the pipe, the limit only applies to the CLI's own writes).
  assert.equal(spawnSync('sh', ['-c', `ulimit -f 0 && "${process.execPath}" "${CLI}" new-receipt checkout-api >/dev/null 2>&1`], { cwd: dir }).status, 2);
});

// ------------------------------------------------------------------ and (11)

test('from a subfolder, the repository\'s configuration applies as from the top', () => {
  const dir = examples();
  execFileSync('git', ['init', '-q'], { cwd: dir });
  fs.writeFileSync(path.join(dir, '.runbook-lint.json'), JSON.stringify({ rules: { RB021: 'off', RR013: 'off' } }));
  const ids = (cwd: string, arg: string) => (JSON.parse(runCli(['--today', TODAY, '--no-git', '--format', 'json', arg], cwd).stdout).findings as { ruleId: string }[]).map((f) => f.ruleId).sort();
  const fromTop = ids(dir, 'checkout-api');
  const fromSub = ids(path.join(dir, 'checkout-api'), '.');
  assert.ok(!fromTop.includes('RR013'), 'the config is read from the top');
  assert.deepEqual(fromSub, fromTop);
});

test('columns are UTF-16 code units in JSON, SARIF (columnKind says so) and text alike (issue 16 item 13)', () => {
  const dir = examples();
  const runbook = path.join(dir, 'checkout-api/RUNBOOK.md');
  // 🚀 is two UTF-16 units, 漢 one: a finding after them starts at column 1 + 2 + 1 + 1 = 5.
  fs.writeFileSync(runbook, fs.readFileSync(runbook, 'utf8').replace('## Rollback triggers', '## Rollback triggers\n\n🚀漢 | x |'));
  const json = JSON.parse(runCli(['--today', TODAY, '--format', 'json', 'checkout-api/RUNBOOK.md'], dir).stdout);
  const sarif = JSON.parse(runCli(['--today', TODAY, '--format', 'sarif', 'checkout-api/RUNBOOK.md'], dir).stdout);
  assert.equal(sarif.runs[0].columnKind, 'utf16CodeUnits');
  const text = fs.readFileSync(runbook, 'utf8');
  for (const f of json.findings as { line: number; column: number }[]) {
    const lineText = text.split('\n')[f.line - 1];
    assert.ok(f.column - 1 <= lineText.length, 'a column is a UTF-16 offset into its line');
  }
  const results = sarif.runs[0].results as { locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[];
  assert.deepEqual(
    results.map((r) => [r.locations[0].physicalLocation.region.startLine, r.locations[0].physicalLocation.region.startColumn]),
    (json.findings as { line: number; column: number }[]).map((f) => [f.line, f.column]),
  );
});
