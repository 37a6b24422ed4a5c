// The CLI: formats, exit codes, --fix, new-receipt numbering and no-overwrite.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { spawn } from 'node:child_process';
import { CLI, REPO, copyFixture, runCli } from '../helpers/cli';

const TODAY = '2026-06-15';
const EXAMPLES = path.join(REPO, 'examples');
const CLEAN = path.join(REPO, 'test', 'fixtures', 'cli', 'clean');

test('json output has the documented shape, sorted by file, line, column', () => {
  const r = runCli(['--format', 'json', '--today', TODAY, 'examples'], REPO);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, 1);
  assert.equal(out.filesLinted, 4);
  assert.ok(out.findings.length > 0);
  for (const f of out.findings) {
    assert.deepEqual(Object.keys(f), ['file', 'ruleId', 'ruleName', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'docs', 'fixable']);
    assert.match(f.file, /^examples\/checkout-api\//);
    assert.ok(['error', 'warning', 'information'].includes(f.severity));
    assert.equal(f.docs, `docs/rules/${f.ruleId}.md`);
    assert.ok(f.line >= 1 && f.column >= 1);
  }
  const sorted = [...out.findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  assert.deepEqual(
    out.findings.map((f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`),
    sorted.map((f) => `${f.file}:${f.line}:${f.column}`),
  );
  const rb005 = out.findings.find((f: { ruleId: string }) => f.ruleId === 'RB005');
  assert.deepEqual([rb005.line, rb005.column, rb005.endColumn], [14, 49, 55]);
});

test('sarif output is SARIF 2.1.0 with rules and physical locations', () => {
  const r = runCli(['--format', 'sarif', '--today', TODAY, 'examples'], REPO);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'runbook-lint');
  assert.equal(run.tool.driver.rules.length, 40);
  assert.ok(run.results.length > 0);
  for (const res of run.results) {
    assert.ok(['error', 'warning', 'note'].includes(res.level));
    const loc = res.locations[0].physicalLocation;
    assert.match(loc.artifactLocation.uri, /^examples\//);
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  }
});

test('text output names file, line:col, severity, message and rule id; no colour off a TTY', () => {
  const r = runCli(['--today', TODAY, 'examples'], REPO);
  assert.match(r.stdout, /examples\/checkout-api\/RUNBOOK\.md\n(?:.*\n)*?\s+14:49\s+warning\s+Timer budget 40 min is over 15 min.*RB005/);
  assert.doesNotMatch(r.stdout, /\u001b\[/);
  assert.match(r.stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ info\)/);
});

test('exit 0 on a clean workspace, 1 on errors, 1 over --max-warnings', () => {
  // In a copy: inside this repository, git history would check the fixture's receipt SHAs (RR016).
  const dir = copyFixture(CLEAN);
  const clean = runCli(['--today', '2026-05-10', '.'], dir);
  assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  const rb = path.join(dir, 'RUNBOOK.md');
  fs.writeFileSync(rb, fs.readFileSync(rb, 'utf8').replace('| 10 min |\n| Data', '| 40 min |\n| Data'));
  const warn = runCli(['--today', '2026-05-10', '.'], dir);
  assert.equal(warn.code, 0, 'warnings alone do not fail');
  assert.equal(runCli(['--today', '2026-05-10', '--max-warnings', '0', '.'], dir).code, 1);
  assert.equal(runCli(['--today', '2026-05-10', '--max-warnings', '5', '.'], dir).code, 0);
  assert.equal(runCli(['--today', TODAY, 'examples'], REPO).code, 1);
});

test('--quiet reports errors only', () => {
  const r = runCli(['--format', 'json', '--quiet', '--today', TODAY, 'examples'], REPO);
  const out = JSON.parse(r.stdout);
  assert.ok(out.findings.length > 0);
  assert.ok(out.findings.every((f: { severity: string }) => f.severity === 'error'));
});

test('exit 2 on usage and I/O errors, and the rest is still linted', () => {
  assert.equal(runCli(['--format', 'xml', 'examples'], REPO).code, 2);
  assert.equal(runCli(['--bogus'], REPO).code, 2);
  assert.equal(runCli(['--max-warnings', 'many', 'examples'], REPO).code, 2);
  const r = runCli(['--format', 'json', '--today', TODAY, 'no-such-file.md', 'examples'], REPO);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no-such-file\.md: cannot read: ENOENT/);
  assert.equal(JSON.parse(r.stdout).filesLinted, 4);
});

test('a file named explicitly is linted as a runbook when no glob matches it', () => {
  const dir = copyFixture(CLEAN);
  fs.mkdirSync(path.join(dir, 'docs'));
  fs.writeFileSync(path.join(dir, 'docs', 'rollback.md'), '# Rollback\n\nJust call someone.\n');
  const r = runCli(['--format', 'json', '--today', '2026-05-10', 'docs/rollback.md'], dir);
  const ids = JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
  assert.ok(ids.includes('RB001'), ids.join(','));
});

test('a runbook named from outside the working folder does not inherit the receipts of that folder', () => {
  // Here, the receipt has no runbook above it: it belongs to the runbooks of its config root (docs/RUNBOOK.md).
  const here = copyFixture(CLEAN);
  fs.mkdirSync(path.join(here, 'docs'));
  fs.renameSync(path.join(here, 'RUNBOOK.md'), path.join(here, 'docs', 'RUNBOOK.md'));
  const elsewhere = fs.mkdtempSync(path.join(path.dirname(here), 'runbook-lint-elsewhere-'));
  fs.copyFileSync(path.join(here, 'docs', 'RUNBOOK.md'), path.join(elsewhere, 'RUNBOOK.md'));
  const outside = runCli(['--format', 'json', '--today', TODAY, path.join(elsewhere, 'RUNBOOK.md')], here);
  const rb021 = (r: { stdout: string }) => JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'RB021').map((f: { message: string }) => f.message).join(' ');
  // All five triggers never rehearsed: the receipt of "Smoke test fails in pipeline" is not its.
  assert.match(rb021(outside), /These 5 triggers have never been rehearsed/);
  const inside = runCli(['--format', 'json', '--today', TODAY, 'docs/RUNBOOK.md'], here);
  assert.equal(rb021(inside), '', 'the runbook inside the folder owns the receipt');
});

test('--config points at a configuration file; severities can be changed or turned off', () => {
  const dir = copyFixture(path.join(EXAMPLES));
  fs.writeFileSync(path.join(dir, 'strict.json'), JSON.stringify({ rules: { RB005: 'error', 'timer-mismatch': 'off' } }));
  const out = JSON.parse(runCli(['--format', 'json', '--config', 'strict.json', '--today', TODAY, '.'], dir).stdout);
  assert.equal(out.findings.find((f: { ruleId: string }) => f.ruleId === 'RB005').severity, 'error');
  assert.ok(!out.findings.some((f: { ruleId: string }) => f.ruleId === 'RR005'));
  fs.writeFileSync(path.join(dir, 'bad.json'), '{"rules": {"RB005": "loud"}}');
  const bad = runCli(['--config', 'bad.json', '.'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /bad\.json: Configuration \/rules\/RB005 must be equal to one of the allowed values/);
});

test('--fix applies safe fixes atomically, leaves untouched files byte-identical, and is idempotent', () => {
  const dir = copyFixture(EXAMPLES);
  const receipt = path.join(dir, 'checkout-api', 'library', 'raw', 'rollback-rehearsals', '002.md');
  const untouched = path.join(dir, 'checkout-api', 'library', 'raw', 'rollback-rehearsals', '001.md');
  const before001 = fs.readFileSync(untouched);
  runCli(['--fix', '--today', TODAY, '.'], dir);
  const once = fs.readFileSync(receipt, 'utf8');
  assert.match(once, /^total_minutes: 9$/m);
  assert.ok(fs.readFileSync(untouched).equals(before001), 'a file without fixes is byte-identical');
  const snapshot = new Map(walk(dir).map((f) => [f, fs.readFileSync(f, 'utf8')]));
  runCli(['--fix', '--today', TODAY, '.'], dir);
  for (const [f, text] of snapshot) assert.equal(fs.readFileSync(f, 'utf8'), text, `second --fix changed ${f}`);
  assert.ok(!walk(dir).some((f) => f.endsWith('.tmp')), 'no temp files left behind');
});

test('new-receipt creates the next number and never overwrites', () => {
  const dir = copyFixture(CLEAN);
  const folder = path.join(dir, 'library', 'raw', 'rollback-rehearsals');
  const first = runCli(['new-receipt', '--trigger', 'Login broken', '--today', '2026-05-10'], dir);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout.trim(), path.join('library', 'raw', 'rollback-rehearsals', '002.md'));
  const created = fs.readFileSync(path.join(folder, '002.md'), 'utf8');
  assert.match(created, /^rehearsal: 2$/m);
  assert.match(created, /^trigger: Login broken$/m);
  assert.match(created, /^budget_minutes: 10$/m);
  assert.match(created, /^rollback_level: 2$/m);
  assert.match(created, /^date: 2026-05-10$/m);
  // A file someone else already created at the next number is left alone.
  fs.writeFileSync(path.join(folder, '003.md'), 'mine\n');
  const second = runCli(['new-receipt', '--today', '2026-05-10'], dir);
  assert.equal(second.stdout.trim(), path.join('library', 'raw', 'rollback-rehearsals', '004.md'));
  assert.equal(fs.readFileSync(path.join(folder, '003.md'), 'utf8'), 'mine\n');
  const unknown = runCli(['new-receipt', '--trigger', 'Moon falls'], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no trigger "Moon falls"/);
});

test('two new-receipt processes at once always get distinct numbers', async () => {
  const dir = copyFixture(CLEAN);
  const folder = path.join(dir, 'library', 'raw', 'rollback-rehearsals');
  for (let round = 0; round < 5; round++) {
    const outs = await Promise.all([spawnCli(['new-receipt'], dir), spawnCli(['new-receipt'], dir)]);
    assert.notEqual(outs[0].trim(), outs[1].trim());
  }
  assert.deepEqual(fs.readdirSync(folder).sort(), ['001.md', '002.md', '003.md', '004.md', '005.md', '006.md', '007.md', '008.md', '009.md', '010.md', '011.md']);
});

function spawnCli(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
  });
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('a BOM takes no column: line 1 findings are reported where the editor shows them (issue 12)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-bom-'));
  try {
    // RB001 (no trigger list) is reported on the H1, which starts right after the BOM.
    fs.writeFileSync(path.join(dir, 'RUNBOOK.md'), '\ufeff# Runbook\n\nSome text.\n');
    const r = runCli(['--format', 'json', '--today', TODAY, 'RUNBOOK.md'], dir);
    const withBom = (JSON.parse(r.stdout) as { findings: { ruleId: string; line: number; column: number }[] }).findings.find((f) => f.ruleId === 'RB001');
    assert.deepEqual({ line: withBom?.line, column: withBom?.column }, { line: 1, column: 1 }, r.stdout + r.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a UTF-16 file is refused with a clear message, not linted as garbage (issue 12)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-utf16-'));
  try {
    const text = '# Runbook\n\n## Rollback triggers\n\n- 5xx over 5%: dashboard, budget 5 min\n';
    fs.writeFileSync(path.join(dir, 'RUNBOOK.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = runCli(['--today', TODAY, 'RUNBOOK.md'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr + r.stdout, /UTF-16 \(little-endian\); save it as UTF-8/);
    assert.doesNotMatch(r.stdout, /RB0\d\d/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a receipt named from inside its folder is a receipt; an existing path with brackets is a path, not a glob (issue 12)', () => {
  const dir = copyFixture(path.join(REPO, 'examples', 'checkout-api'));
  try {
    const folder = path.join(dir, 'library', 'raw', 'rollback-rehearsals');
    const name = fs.readdirSync(folder).filter((f) => f.endsWith('.md')).sort()[0];
    const inside = runCli(['--format', 'json', '--today', TODAY, name], folder);
    const rules = (JSON.parse(inside.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    assert.ok(!rules.some((r) => r.startsWith('RB')), `linted as a runbook: ${rules.join(', ')}`);
    const odd = path.join(dir, 'runbooks', '[old]');
    fs.mkdirSync(odd, { recursive: true });
    fs.copyFileSync(path.join(dir, 'RUNBOOK.md'), path.join(odd, 'RUNBOOK.md'));
    const bracketed = runCli(['--format', 'json', '--today', TODAY, 'runbooks/[old]/RUNBOOK.md'], dir);
    assert.notEqual(bracketed.code, 2, bracketed.stderr);
    assert.equal((JSON.parse(bracketed.stdout) as { filesLinted: number }).filesLinted, 1, bracketed.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a runbook linted through a glob sees its receipts as when it is named or found in its folder (issue 12)', () => {
  const dir = copyFixture(path.join(REPO, 'examples'));
  try {
    const rulesOf = (args: string[]) =>
      (JSON.parse(runCli(['--format', 'json', '--today', TODAY, '--no-git', ...args], dir).stdout) as { findings: { file: string; ruleId: string; line: number }[] }).findings
        .filter((f) => f.file.endsWith('RUNBOOK.md'))
        .map((f) => `${f.line} ${f.ruleId}`)
        .sort();
    const named = rulesOf(['checkout-api/RUNBOOK.md']);
    assert.ok(named.some((r) => r.endsWith('RB023')), named.join(', '));
    assert.deepEqual(rulesOf(['**/RUNBOOK.md']), named);
    assert.deepEqual(rulesOf(['.']), named);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
