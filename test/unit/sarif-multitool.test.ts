// SARIF that GitHub code scanning accepts, checked by Microsoft's SARIF Multitool with its GitHub
// rules (GH*) and its SARIF rules, errors and warnings; and the GitLab Code Quality output.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, copyFixture, runCli } from '../helpers/cli';
import { formatCodeQuality } from '../../server/src/cli/report';

const TODAY = '2026-06-01';
const EXAMPLES = path.join(REPO, 'examples');
const CLEAN = path.join(REPO, 'test', 'fixtures', 'cli', 'clean');

function multitool(): string | undefined {
  try {
    // The package's main is the path of the platform's .NET single-file binary.
    const bin = require('@microsoft/sarif-multitool') as string;
    return fs.existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}
const BIN = multitool();
const SKIP = BIN ? false : 'the SARIF Multitool binary is absent (npm ci installs @microsoft/sarif-multitool and its platform package)';

// SARIF2006 (URIs should be reachable) would fetch every helpUri over the network.
const NO_HTTP = `<Properties><Properties Key="SARIF2006.UrisShouldBeReachable.Options"><Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" /></Properties></Properties>`;

interface Problem {
  level: string;
  ruleId: string;
  text: string;
}

/** The Multitool's errors and warnings about a SARIF file, with their messages resolved. */
function validate(sarifFile: string): Problem[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-multitool-'));
  const config = path.join(dir, 'nohttp.xml');
  const out = path.join(dir, 'validation.sarif');
  fs.writeFileSync(config, NO_HTTP);
  // The package ships the binary as 0644; its postinstall (chmod u+x) makes it runnable.
  assert.doesNotThrow(() => fs.accessSync(BIN!, fs.constants.X_OK), `${BIN} is not executable: its postinstall did not run (npm ci --ignore-scripts?); chmod u+x it`);
  // Straight to the binary, no shell: the npm bin wrapper splits "Gh;Sarif" at the semicolon.
  const r = spawnSync(BIN!, ['validate', sarifFile, '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning', '-o', out, '--log', 'ForceOverwrite', '-c', config], {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    timeout: 60_000,
  });
  // The exit code is 0 for an invalid file too: the verdict is in the output log.
  assert.equal(r.status, 0, `Multitool: ${r.error?.message ?? ''}\n${r.stdout}\n${r.stderr}`);
  const log = JSON.parse(fs.readFileSync(out, 'utf8'));
  const run = log.runs[0];
  const problems = (run.results ?? []).map((res: { ruleId: string; ruleIndex: number; level?: string; message: { id?: string; text?: string; arguments?: string[] } }) => {
    const template = res.message.text ?? run.tool.driver.rules?.[res.ruleIndex]?.messageStrings?.[res.message.id!]?.text ?? res.message.id ?? '';
    const text = template.replace(/\{(\d+)\}/g, (_: string, i: string) => res.message.arguments?.[Number(i)] ?? `{${i}}`);
    return { level: res.level ?? 'warning', ruleId: res.ruleId, text };
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return problems.filter((p: Problem) => p.level === 'error' || p.level === 'warning');
}

function sarifOf(dir: string, today: string): { file: string; sarif: { runs: { results: unknown[] }[] } } {
  const r = runCli(['.', '--format', 'sarif', '--today', today], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const file = path.join(dir, 'runbook-lint.sarif');
  fs.writeFileSync(file, r.stdout);
  return { file, sarif: JSON.parse(r.stdout) };
}

const show = (problems: Problem[]) => problems.map((p) => `${p.level} ${p.ruleId}: ${p.text}`).join('\n');

test('the SARIF of the examples passes the Multitool (GitHub and SARIF rules): no error, no warning', { skip: SKIP }, () => {
  const dir = copyFixture(EXAMPLES);
  const { file, sarif } = sarifOf(dir, TODAY);
  assert.ok(sarif.runs[0].results.length > 0, 'the examples have findings');
  const problems = validate(file);
  assert.deepEqual(problems, [], show(problems));
});

test('the SARIF of a clean run (no findings) passes the Multitool too', { skip: SKIP }, () => {
  const dir = copyFixture(CLEAN);
  const { file, sarif } = sarifOf(dir, '2026-05-10');
  assert.equal(sarif.runs[0].results.length, 0);
  const problems = validate(file);
  assert.deepEqual(problems, [], show(problems));
});

test('the Multitool does find what GitHub refuses (a rule without help)', { skip: SKIP }, () => {
  const dir = copyFixture(CLEAN);
  const { file, sarif } = sarifOf(dir, '2026-05-10');
  const rules = (sarif as unknown as { runs: { tool: { driver: { rules: Record<string, unknown>[] } } }[] }).runs[0].tool.driver.rules;
  delete rules[0].help;
  fs.writeFileSync(file, JSON.stringify(sarif));
  const problems = validate(file);
  assert.ok(problems.some((p) => p.ruleId === 'GH2012' && p.level === 'error' && /'help'/.test(p.text)), show(problems));
});

interface Issue {
  type: string;
  check_name: string;
  description: string;
  content: { body: string };
  categories: string[];
  location: { path: string; lines: { begin: number; end: number } };
  severity: string;
  fingerprint: string;
}

test('--format codequality is a GitLab Code Quality report: fields, severities, unique and stable fingerprints', () => {
  const dir = copyFixture(EXAMPLES);
  const a = runCli(['.', '--format', 'codequality', '--today', TODAY], dir);
  assert.equal(a.code, 1, a.stderr);
  const issues: Issue[] = JSON.parse(a.stdout);
  assert.ok(Array.isArray(issues) && issues.length > 0);
  const json = JSON.parse(runCli(['.', '--format', 'json', '--today', TODAY], dir).stdout);
  assert.equal(issues.length, json.findings.length);
  const severity: Record<string, string> = { error: 'major', warning: 'minor', information: 'info' };
  issues.forEach((issue, i) => {
    const f = json.findings[i];
    assert.deepEqual(Object.keys(issue).sort(), ['categories', 'check_name', 'content', 'description', 'fingerprint', 'location', 'severity', 'type']);
    assert.equal(issue.type, 'issue');
    assert.equal(issue.check_name, f.ruleId);
    assert.equal(issue.description, `${f.ruleId}/${f.ruleName}: ${f.message}`);
    assert.ok(issue.content.body.includes(`https://github.com/runbook-lint/runbook-lint/blob/main/docs/rules/${f.ruleId}.md`));
    assert.ok(issue.categories.length > 0);
    assert.equal(issue.location.path, f.file);
    assert.ok(fs.existsSync(path.join(dir, issue.location.path)), issue.location.path);
    assert.equal(issue.location.lines.begin, f.line);
    assert.ok(issue.location.lines.end >= issue.location.lines.begin);
    assert.equal(issue.severity, severity[f.severity]);
    assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
  });
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique');
  const b = runCli(['.', '--format', 'codequality', '--today', TODAY], dir);
  assert.deepEqual(JSON.parse(b.stdout).map((i: Issue) => i.fingerprint), issues.map((i) => i.fingerprint), 'fingerprints are stable across runs');
});

test('--format codequality on a clean workspace is an empty array; an unknown format is a usage error', () => {
  const dir = copyFixture(CLEAN);
  const r = runCli(['.', '--format', 'codequality', '--today', '2026-05-10'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), []);
  const bad = runCli(['.', '--format', 'checkstyle'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format must be text, json, sarif or codequality/);
});

test('codequality: two findings alike but for the column keep apart; a span ending at column 1 ends the line before', () => {
  const f = { file: 'RUNBOOK.md', ruleId: 'RB004', ruleName: 'budget-not-a-duration', severity: 'error', message: 'not a duration', line: 3, column: 5, endLine: 3, endColumn: 9, docs: 'docs/rules/RB004.md', fixable: false };
  const issues: Issue[] = JSON.parse(formatCodeQuality([f, { ...f, column: 20, endColumn: 24 }, { ...f, line: 7, endLine: 9, endColumn: 1 }]));
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, 3);
  assert.deepEqual(issues[2].location.lines, { begin: 7, end: 8 });
  assert.equal(JSON.parse(formatCodeQuality([f]))[0].fingerprint, issues[0].fingerprint, 'the first of a kind keeps the plain fingerprint');
});
