// The GitHub Action (action.yml): lint the workspace, write the SARIF log for code scanning,
// print the findings in the log, add the rehearsal report to the job summary, and fail the step
// by `fail-on` / `max-warnings`. Inputs come as INPUT_* environment variables, never through a
// shell: every command here is an argv array.
// Exit codes: 0 passed, 1 findings over the threshold, 2 bad inputs or a usage / I/O error of the CLI.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const actionPath = env.GITHUB_ACTION_PATH || fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(actionPath, 'dist', 'cli.js');
const workspace = env.GITHUB_WORKSPACE || process.cwd();

function fail(message) {
  process.stderr.write(`runbook-lint action: ${message}\n`);
  process.exit(2);
}

const paths = (env.INPUT_PATHS ?? '').split(/\s+/).filter(Boolean);
if (!paths.length) paths.push('.');
const sarifInput = (env.INPUT_SARIF_FILE ?? '').trim() || 'runbook-lint.sarif';
if (/[\r\n]/.test(sarifInput)) fail('sarif-file must be one file name');
const failOn = (env.INPUT_FAIL_ON ?? '').trim() || 'error';
if (!['error', 'warning', 'never'].includes(failOn)) fail(`fail-on must be error, warning or never, not "${failOn}"`);
const maxWarningsInput = (env.INPUT_MAX_WARNINGS ?? '').trim();
if (maxWarningsInput && !/^\d+$/.test(maxWarningsInput)) fail(`max-warnings takes a whole number, not "${maxWarningsInput}"`);
const summaryInput = (env.INPUT_SUMMARY ?? '').trim().toLowerCase() || 'true';
if (!['true', 'false'].includes(summaryInput)) fail(`summary must be true or false, not "${summaryInput}"`);
if (!fs.existsSync(cli)) fail(`${cli} is missing: the action builds it first (npm ci, npm run build)`);

// A file name starting with "-" would be read as an option; "./-x" is the same file.
const args = paths.map((p) => (p.startsWith('-') ? `./${p}` : p));

function runCli(cliArgs, stdio) {
  return spawnSync(process.execPath, [cli, ...cliArgs], { cwd: workspace, stdio, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The CLI's own exit code, or 2 when it did not get to give one. */
function codeOf(r, what) {
  if (r.error) process.stderr.write(`runbook-lint action: ${what}: ${r.error.message}\n`);
  return r.status ?? 2;
}

// 1. SARIF, streamed to the file (a big workspace's log need not fit in a buffer).
const sarifFile = path.resolve(workspace, sarifInput);
let sarifCode;
try {
  fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
  const fd = fs.openSync(sarifFile, 'w');
  try {
    // The problems on stderr are printed again by the text run below.
    sarifCode = codeOf(runCli([...args, '--format', 'sarif'], ['ignore', fd, 'pipe']), 'sarif run');
  } finally {
    fs.closeSync(fd);
  }
} catch (e) {
  fail(`cannot write ${sarifInput}: ${e.message}`);
}

let counts = { error: 0, warning: 0, note: 0 };
let sarifOk = false;
try {
  const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
  for (const r of sarif.runs?.[0]?.results ?? []) counts[r.level ?? 'warning'] = (counts[r.level ?? 'warning'] ?? 0) + 1;
  sarifOk = true;
} catch {
  process.stderr.write(`runbook-lint action: ${sarifInput} is not a SARIF log (the CLI exited ${sarifCode})\n`);
}

// 2. The findings as text, for the log.
const textCode = codeOf(runCli([...args, '--format', 'text'], ['ignore', 'inherit', 'inherit']), 'text run');

const maxWarnings = maxWarningsInput ? Number(maxWarningsInput) : failOn === 'warning' ? 0 : -1;
const usageError = !sarifOk || ![0, 1].includes(sarifCode) || ![0, 1].includes(textCode);
const failed = failOn !== 'never' && (counts.error > 0 || (maxWarnings >= 0 && counts.warning > maxWarnings));

// 3. The job summary: a one-line tally, then the rehearsal report.
if (summaryInput === 'true' && env.GITHUB_STEP_SUMMARY) {
  const tally = sarifOk
    ? `**runbook-lint**: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.note} info (SARIF: \`${sarifInput}\`)`
    : '**runbook-lint**: the lint did not complete; see the log.';
  const report = runCli(['report', ...args, '--format', 'markdown'], ['ignore', 'pipe', 'pipe']);
  let body;
  if (report.status === 0 && report.stdout.trim()) body = report.stdout.trimEnd();
  else {
    const why = (report.stderr || report.error?.message || '').trim().split('\n')[0].slice(0, 300);
    body = `_The rehearsal report could not be made (\`runbook-lint report\` exited ${report.status ?? 'abnormally'}${why ? `: ${why.replaceAll('`', "'")}` : ''})._`;
  }
  try {
    fs.appendFileSync(env.GITHUB_STEP_SUMMARY, `${tally}\n\n${body}\n`);
  } catch (e) {
    process.stderr.write(`runbook-lint action: cannot write the job summary: ${e.message}\n`);
  }
}

if (env.GITHUB_OUTPUT) {
  try {
    fs.appendFileSync(env.GITHUB_OUTPUT, `sarif-file=${sarifFile}\nerrors=${counts.error}\nwarnings=${counts.warning}\n`);
  } catch (e) {
    process.stderr.write(`runbook-lint action: cannot write the step outputs: ${e.message}\n`);
  }
}

if (usageError) process.exit(2);
if (failed) {
  const why = counts.error > 0 ? `${counts.error} error${counts.error === 1 ? '' : 's'}` : `${counts.warning} warning${counts.warning === 1 ? '' : 's'} (at most ${maxWarnings} allowed)`;
  process.stderr.write(`runbook-lint action: failing on ${why} (fail-on: ${failOn})\n`);
  process.exit(1);
}
process.exit(0);
