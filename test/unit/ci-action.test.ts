// The GitHub Action: action.yml's shape, and scripts/ci/action.mjs run as the runner runs it
// (GITHUB_* and INPUT_* in the environment) against a copy of the examples.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CLI, REPO, copyFixture, runCli } from '../helpers/cli';

const TODAY = '2026-06-01';
const EXAMPLES = path.join(REPO, 'examples');
const CLEAN = path.join(REPO, 'test', 'fixtures', 'cli', 'clean');
const SCRIPT = path.join(REPO, 'scripts', 'ci', 'action.mjs');

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: string;
  workspace: string;
}

function runAction(fixture: string, inputs: Record<string, string>, opts: { today?: string; actionPath?: string; summary?: boolean } = {}): ActionRun {
  const workspace = copyFixture(fixture);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-action-'));
  const summaryFile = path.join(tmp, 'step-summary.md');
  const outputFile = path.join(tmp, 'github-output');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(outputFile, '');
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', RUNBOOK_LINT_TODAY: opts.today ?? TODAY };
  for (const k of Object.keys(env)) if (k.startsWith('INPUT_') || k.startsWith('GITHUB_')) delete env[k];
  Object.assign(env, {
    GITHUB_ACTION_PATH: opts.actionPath ?? REPO,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    ...(opts.summary === false ? {} : { GITHUB_STEP_SUMMARY: summaryFile }),
    ...inputs,
  });
  // cwd elsewhere: the script must work from GITHUB_WORKSPACE, as the runner's step does.
  const r = spawnSync(process.execPath, [SCRIPT], { cwd: tmp, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, summary: fs.readFileSync(summaryFile, 'utf8'), outputs: fs.readFileSync(outputFile, 'utf8'), workspace };
}

test('action.yml is a composite action on Node 20 with the documented inputs, running scripts/ci/action.mjs', () => {
  const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8'));
  assert.equal(typeof action.name, 'string');
  assert.equal(typeof action.description, 'string');
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(Object.keys(action.inputs).sort(), ['fail-on', 'max-warnings', 'paths', 'sarif-file', 'summary']);
  assert.equal(action.inputs.paths.default, '.');
  assert.equal(action.inputs['sarif-file'].default, 'runbook-lint.sarif');
  assert.equal(action.inputs['fail-on'].default, 'error');
  assert.equal(action.inputs.summary.default, 'true');
  for (const [name, input] of Object.entries<{ description?: string }>(action.inputs)) assert.ok(input.description, `${name} has a description`);
  const steps: { uses?: string; with?: Record<string, unknown>; run?: string; shell?: string; env?: Record<string, string>; 'working-directory'?: string }[] = action.runs.steps;
  const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
  assert.equal(node?.uses, 'actions/setup-node@v4');
  assert.equal(String(node?.with?.['node-version']), '20');
  const install = steps.find((s) => s.run?.includes('npm ci'));
  assert.ok(install, 'a step installs the tool');
  assert.match(install.run!, /npm ci --no-audit --no-fund[\s\S]*npm run build/);
  assert.equal(install['working-directory'], '${{ github.action_path }}');
  const lint = steps.find((s) => s.run?.includes('scripts/ci/action.mjs'));
  assert.ok(lint, 'a step runs scripts/ci/action.mjs');
  assert.ok(steps.indexOf(node!) < steps.indexOf(install) && steps.indexOf(install) < steps.indexOf(lint));
  for (const s of steps.filter((s) => s.run)) {
    assert.equal(s.shell, 'bash', 'a composite run step names its shell');
    // The inputs reach the script through the environment, never as text in the command.
    assert.doesNotMatch(s.run!, /\$\{\{\s*inputs\./);
  }
  assert.deepEqual(lint.env, {
    INPUT_PATHS: '${{ inputs.paths }}',
    INPUT_SARIF_FILE: '${{ inputs.sarif-file }}',
    INPUT_FAIL_ON: '${{ inputs.fail-on }}',
    INPUT_MAX_WARNINGS: '${{ inputs.max-warnings }}',
    INPUT_SUMMARY: '${{ inputs.summary }}',
  });
});

test('the action writes the SARIF file, logs the findings, puts the rehearsal report in the summary, and fails on errors', () => {
  const r = runAction(EXAMPLES, { INPUT_PATHS: '.', INPUT_FAIL_ON: 'error' });
  assert.equal(r.code, 1, r.stderr);
  const sarifFile = path.join(r.workspace, 'runbook-lint.sarif');
  const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0].results.length > 0);
  assert.match(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, /^checkout-api\//, 'URIs relative to the workspace');
  assert.match(r.stdout, /checkout-api\/RUNBOOK\.md\n(?:.*\n)*?\s+14:49\s+warning\s+Timer budget 40 min/);
  assert.match(r.stderr, /failing on \d+ errors \(fail-on: error\)/);
  const errors = sarif.runs[0].results.filter((x: { level: string }) => x.level === 'error').length;
  assert.match(r.summary, new RegExp(`^\\*\\*runbook-lint\\*\\*: ${errors} errors, `));
  // The summary holds what `runbook-lint report --format markdown` prints for the same workspace.
  const report = runCli(['report', '.', '--format', 'markdown', '--today', TODAY], r.workspace);
  assert.equal(report.code, 0, report.stderr);
  assert.ok(report.stdout.trim().length > 0);
  assert.ok(r.summary.includes(report.stdout.trimEnd()), `summary:\n${r.summary}`);
  assert.match(r.summary, /Rollback rehearsals/);
  assert.match(r.outputs, new RegExp(`^sarif-file=${sarifFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\nerrors=${errors}\nwarnings=\\d+\n$`));
});

test('fail-on: never passes with errors; warning fails on warnings alone; max-warnings sets the limit', () => {
  assert.equal(runAction(EXAMPLES, { INPUT_FAIL_ON: 'never' }).code, 0);
  assert.equal(runAction(EXAMPLES, { INPUT_FAIL_ON: 'never', INPUT_MAX_WARNINGS: '0' }).code, 0);
  assert.equal(runAction(EXAMPLES, {}).code, 1, 'fail-on defaults to error');
  // The clean fixture with one budget over 15 min: a warning, no error.
  const warned = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-warned-'));
  fs.cpSync(CLEAN, warned, { recursive: true });
  const rb = path.join(warned, 'RUNBOOK.md');
  fs.writeFileSync(rb, fs.readFileSync(rb, 'utf8').replace('| 10 min |\n| Data', '| 40 min |\n| Data'));
  const opts = { today: '2026-05-10' };
  assert.equal(runAction(CLEAN, { INPUT_FAIL_ON: 'warning' }, opts).code, 0, 'clean passes even on warning');
  assert.equal(runAction(warned, { INPUT_FAIL_ON: 'error' }, opts).code, 0);
  const w = runAction(warned, { INPUT_FAIL_ON: 'warning' }, opts);
  assert.equal(w.code, 1);
  assert.match(w.stderr, /failing on 1 warning \(at most 0 allowed\) \(fail-on: warning\)/);
  assert.equal(runAction(warned, { INPUT_FAIL_ON: 'error', INPUT_MAX_WARNINGS: '0' }, opts).code, 1);
  assert.equal(runAction(warned, { INPUT_FAIL_ON: 'warning', INPUT_MAX_WARNINGS: '1' }, opts).code, 0);
});

test('paths split on spaces and newlines; sarif-file can name a subfolder; summary: false writes no summary', () => {
  const r = runAction(EXAMPLES, { INPUT_PATHS: ' checkout-api/RUNBOOK.md\n  checkout-api/library/raw/rollback-rehearsals/002.md \n', INPUT_SARIF_FILE: 'reports/lint.sarif', INPUT_SUMMARY: 'false', INPUT_FAIL_ON: 'never' });
  assert.equal(r.code, 0, r.stderr);
  const sarif = JSON.parse(fs.readFileSync(path.join(r.workspace, 'reports', 'lint.sarif'), 'utf8'));
  const files = new Set(sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri));
  assert.deepEqual([...files].sort(), ['checkout-api/RUNBOOK.md', 'checkout-api/library/raw/rollback-rehearsals/002.md']);
  assert.equal(r.summary, '');
  assert.equal(runAction(EXAMPLES, { INPUT_FAIL_ON: 'never' }, { summary: false }).code, 0, 'no GITHUB_STEP_SUMMARY: no summary, no failure');
});

test('bad inputs and CLI usage or I/O errors exit 2; inputs are never shell text', () => {
  const badFailOn = runAction(EXAMPLES, { INPUT_FAIL_ON: 'errors' });
  assert.equal(badFailOn.code, 2);
  assert.match(badFailOn.stderr, /fail-on must be error, warning or never/);
  assert.equal(runAction(EXAMPLES, { INPUT_MAX_WARNINGS: 'ten' }).code, 2);
  assert.equal(runAction(EXAMPLES, { INPUT_SUMMARY: 'yes' }).code, 2);
  const missing = runAction(EXAMPLES, { INPUT_PATHS: 'no-such-folder', INPUT_FAIL_ON: 'never' });
  assert.equal(missing.code, 2, 'a path that cannot be read is an I/O error, whatever fail-on says');
  assert.match(missing.stderr, /no-such-folder: cannot read/);
  const marker = path.join(os.tmpdir(), `runbook-lint-pwned-${process.pid}`);
  const hostile = runAction(EXAMPLES, { INPUT_PATHS: `$(touch ${marker}) ;touch${'\t'}${marker} --help`, INPUT_FAIL_ON: 'never' });
  assert.equal(hostile.code, 2);
  assert.equal(fs.existsSync(marker), false, 'nothing in an input is run');
  assert.doesNotMatch(hostile.stdout, /^Usage:/m, 'a path starting with - is a path, not an option');
});

test('a report that fails leaves a note in the summary, not a failed step', () => {
  // An action checkout whose CLI knows no `report` (the real CLI for everything else).
  const fake = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-fake-action-'));
  fs.mkdirSync(path.join(fake, 'dist'));
  fs.writeFileSync(
    path.join(fake, 'dist', 'cli.js'),
    `if (process.argv[2] === 'report') { process.stderr.write('runbook-lint: unknown command report\\n'); process.exit(2); }\nrequire(${JSON.stringify(CLI)}).cli();\n`,
  );
  const r = runAction(EXAMPLES, { INPUT_FAIL_ON: 'never' }, { actionPath: fake });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.summary, /^\*\*runbook-lint\*\*: \d+ errors/);
  assert.match(r.summary, /_The rehearsal report could not be made \(`runbook-lint report` exited 2: runbook-lint: unknown command report\)\._/);
});
