// `runbook-lint rehearse start|run|mark|stop|abort`: the honest timer (issue 14). The clock's
// log lives beside the receipts while it runs (exclusive create: two starts cannot both
// win; each event one appended line); `stop` turns it into the next NNN.md. `run` executes
// only the argv the user typed, without a shell; nothing from a document is ever run.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigResolver } from '../engine/config';
import { GitHistories } from '../engine/git';
import { createReceipt } from '../engine/files';
import type { RunbookModel } from '../model/runbook';
import { planReceipt, receiptFolder } from '../model/scaffold';
import { RECORDING_FILE, commandLine, eventLine, localMoment, readRecording, recordedReceiptText, type Recording, type RecordingEvent } from '../model/recording';
import { triggerNamed } from '../model/rehearsals';
import { loadRunbook, loadWorkspace, triggerFor } from './runbooks';
import { UsageError, type CliIO } from './usage';

export interface RehearseOptions {
  trigger?: string;
  runbook?: string;
  receipt?: string;
  path?: string;
  environment?: string;
  noGit: boolean;
}

const PATHS = ['pipeline', 'console', 'git-revert'];
const ENVIRONMENTS = ['staging', 'prod', 'preview'];

export const REHEARSE_HELP = `       runbook-lint rehearse start [folder] [--trigger NAME] [--runbook FILE]
       runbook-lint rehearse run -- COMMAND [ARGS...]
       runbook-lint rehearse mark "smoke test red"
       runbook-lint rehearse stop [--receipt SHA|URL] [--path pipeline|console|git-revert] [--environment staging|prod|preview]
       runbook-lint rehearse abort`;

function clock(io: CliIO): Date {
  if (io.now) return io.now();
  const fixed = io.env.RUNBOOK_LINT_NOW;
  if (fixed) {
    const d = new Date(fixed);
    if (Number.isNaN(d.getTime())) throw new UsageError(`RUNBOOK_LINT_NOW must be a time (2026-05-03T14:02:10), not "${fixed}"`);
    return d;
  }
  return new Date();
}

interface Running {
  runbook: RunbookModel;
  file: string;
  recording: Recording;
}

/** Where a runbook's rehearsal log lives: beside its receipts. */
function logFileOf(runbook: RunbookModel, project: Parameters<typeof receiptFolder>[1]): string {
  return path.join(receiptFolder(runbook, project), RECORDING_FILE);
}

function readLog(file: string): Recording | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const { recording } = readRecording(text);
  if (!recording) throw new UsageError(`${file} is not a rehearsal log runbook-lint can read: run \`runbook-lint rehearse abort\` to remove it`);
  return recording;
}

/** The rehearsal under way in the workspace: of the runbook named, else of the one runbook with a running clock. */
function running(folder: string | undefined, opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO) {
  const { project, runbooks, named, dir } = loadWorkspace(folder, opts.runbook, today, resolver, io);
  const candidates = opts.runbook ? (named ? [named] : []) : runbooks;
  const found: Running[] = [];
  for (const runbook of candidates) {
    const file = logFileOf(runbook, project);
    const recording = readLog(file);
    if (recording) found.push({ runbook, file, recording });
  }
  if (found.length > 1) throw new UsageError(`rehearsals are running for several runbooks (${found.map((f) => path.relative(io.cwd, f.runbook.path)).join(', ')}); name one with --runbook FILE`);
  if (!found.length) throw new UsageError(`no rehearsal is running under ${path.relative(io.cwd, dir) || '.'}: start one with \`runbook-lint rehearse start --trigger NAME\``);
  return { project, ...found[0] };
}

const rel = (io: CliIO, f: string) => path.relative(io.cwd, f) || f;

export async function rehearse(args: string[], opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'start':
      return start(rest, opts, today, resolver, io);
    case 'run':
      return run(rest, opts, today, resolver, io);
    case 'mark':
      return mark(rest, opts, today, resolver, io);
    case 'stop':
      return stop(rest, opts, today, resolver, io);
    case 'abort':
      return abort(rest, opts, today, resolver, io);
    default:
      throw new UsageError(`rehearse needs start, run, mark, stop or abort${sub ? `, not "${sub}"` : ''}:\n${REHEARSE_HELP}`);
  }
}

function start(rest: string[], opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO): number {
  if (rest.length > 1) throw new UsageError('rehearse start takes at most one folder');
  const { project, runbook } = loadRunbook(rest[0], opts.runbook, today, resolver, io);
  const trigger = triggerFor(runbook, opts.trigger, io);
  if (!trigger) throw new UsageError(`${rel(io, runbook.path)} lists no trigger to rehearse: write its trigger list first`);
  const file = logFileOf(runbook, project);
  const at = localMoment(clock(io));
  const event: RecordingEvent = { kind: 'start', at, trigger: trigger.name, runbook: runbook.path, ...(trigger.budgetMinutes !== undefined ? { budgetMinutes: trigger.budgetMinutes } : {}) };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, eventLine(event), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const other = readLog(file);
    throw new UsageError(`a rehearsal of "${other?.start.trigger ?? '?'}" has been running since ${other?.start.at.replace('T', ' ') ?? '?'} (${rel(io, file)}): stop it (\`runbook-lint rehearse stop\`) or abort it first`);
  }
  const budget = trigger.budgetMinutes !== undefined ? ` (budget ${trigger.budgetMinutes} min)` : '';
  io.stdout(
    `Clock started at ${at.slice(11)} for "${trigger.name}"${budget}.\n` +
      `Run each rollback command through \`runbook-lint rehearse run -- COMMAND ARGS...\`, mark moments with \`runbook-lint rehearse mark "..."\`, and stop the clock with \`runbook-lint rehearse stop\` when you have recovered.\n`,
  );
  return 0;
}

function append(file: string, e: RecordingEvent): void {
  // One write of one line with O_APPEND: two `run`s at once cannot tear each other's lines.
  fs.appendFileSync(file, eventLine(e));
}

async function run(argv: string[], opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO): Promise<number> {
  if (!argv.length) throw new UsageError('rehearse run needs the command to run after --: runbook-lint rehearse run -- kubectl rollout undo deploy/checkout-api');
  const { file } = running(undefined, opts, today, resolver, io);
  const at = localMoment(clock(io));
  // The argv as typed, no shell: nothing is interpreted, expanded or read from a document.
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: io.cwd, stdio: 'inherit', shell: false, windowsHide: true });
    child.on('error', (e) => {
      io.stderr(`runbook-lint: cannot run ${argv[0]}: ${(e as NodeJS.ErrnoException).code ?? e.message}\n`);
      resolve(127);
    });
    child.on('close', (code) => resolve(code));
  });
  append(file, { kind: 'command', at, end: localMoment(clock(io)), command: commandLine(argv), exitCode });
  return exitCode ?? 1;
}

function mark(words: string[], opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO): number {
  const text = words.join(' ').trim();
  if (!text) throw new UsageError('rehearse mark needs what happened: runbook-lint rehearse mark "smoke test red"');
  const { file } = running(undefined, opts, today, resolver, io);
  const at = localMoment(clock(io));
  append(file, { kind: 'mark', at, text });
  io.stdout(`${at.slice(11, 16)} ${text}\n`);
  return 0;
}

/** The pipeline run of the CI job this runs in, when it runs in one. */
function pipelineRun(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) return `${env.GITHUB_SERVER_URL.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  if (env.CI_PIPELINE_URL) return env.CI_PIPELINE_URL;
  return undefined;
}

async function stop(rest: string[], opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO): Promise<number> {
  if (rest.length) throw new UsageError(`rehearse stop takes no arguments, not "${rest.join(' ')}" (the receipt id goes in --receipt)`);
  if (opts.path !== undefined && !PATHS.includes(opts.path)) throw new UsageError(`--path must be ${PATHS.join(', ')}, not "${opts.path}"`);
  if (opts.environment !== undefined && !ENVIRONMENTS.includes(opts.environment)) throw new UsageError(`--environment must be ${ENVIRONMENTS.join(', ')}, not "${opts.environment}"`);
  const { project, runbook, file, recording } = running(undefined, opts, today, resolver, io);
  const stoppedAt = clock(io);
  const recoveredAt = localMoment(stoppedAt);
  const observedAt = recording.start.at;

  let receiptId = opts.receipt?.trim() || undefined;
  let from = receiptId ? 'given with --receipt' : '';
  let revert = false;
  if (!receiptId && !opts.noGit) {
    const reverts = await new GitHistories({ log: (m) => io.stderr(m + '\n') }).revertsBetween(runbook.path, new Date(observedAt), stoppedAt);
    if (reverts.length) {
      receiptId = reverts[0].sha.slice(0, 12);
      from = `the revert committed during the rehearsal ("${reverts[0].subject.slice(0, 60)}")`;
      revert = true;
    }
  }
  if (!receiptId) {
    receiptId = pipelineRun(io.env);
    if (receiptId) from = 'this CI pipeline run';
  }
  const trigger = triggerNamed(runbook.triggers.triggers, recording.start.trigger);
  const plan = createReceipt((after) =>
    planReceipt(runbook, project, trigger, observedAt.slice(0, 10), after, (fields, eol) =>
      recordedReceiptText(
        {
          ...fields,
          trigger: recording.start.trigger,
          budgetMinutes: trigger?.budgetMinutes ?? recording.start.budgetMinutes,
          environment: opts.environment,
          path: opts.path ?? (revert ? 'git-revert' : 'pipeline'),
          observedAt,
          recoveredAt,
          receiptId,
          recording,
        },
        eol,
      ),
    ),
  );
  fs.rmSync(file, { force: true });
  const minutes = Math.round(((stoppedAt.getTime() - new Date(observedAt).getTime()) / 60000) * 10) / 10;
  io.stdout(`Clock stopped at ${recoveredAt.slice(11)}: ${minutes} min. Wrote ${rel(io, plan.path)}.\n`);
  if (receiptId) io.stdout(`Receipt: ${receiptId} (${from}).\n`);
  else io.stderr(`runbook-lint: no receipt id found (no --receipt, no revert commit during the rehearsal, not in CI): write the commit SHA or pipeline run of the rollback into ${rel(io, plan.path)}.\n`);
  io.stdout('Only a person can write the rest: who witnessed it (witness:), the gaps discovered, the compensating actions.\n');
  return 0;
}

function abort(rest: string[], opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO): number {
  if (rest.length) throw new UsageError('rehearse abort takes no arguments');
  // Even a log nobody can read any more goes: abort is the way out of one.
  const { project, runbooks, named } = loadWorkspace(undefined, opts.runbook, today, resolver, io);
  const logs = (opts.runbook ? (named ? [named] : []) : runbooks).map((r) => logFileOf(r, project)).filter((f) => fs.existsSync(f));
  if (!logs.length) throw new UsageError('no rehearsal is running: nothing to abort');
  if (logs.length > 1) throw new UsageError(`rehearsals are running for several runbooks (${logs.map((f) => rel(io, f)).join(', ')}); name one with --runbook FILE`);
  fs.rmSync(logs[0], { force: true });
  io.stdout(`Rehearsal aborted (${rel(io, logs[0])} removed): nothing was written.\n`);
  return 0;
}
