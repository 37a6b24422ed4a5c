// `runbook-lint rehearse start|run|mark|stop|abort`: the honest timer (issue 14). The clock's
// log lives beside the receipts while it runs (exclusive create: two starts cannot both
// win; each event one appended line); `stop` turns it into the next NNN.md. `run` executes
// only the argv the user typed, without a shell; nothing from a document is ever run.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { ConfigResolver } from '../engine/config';
import { GitHistories } from '../engine/git';
import { abortRecording, appendEvent, findReceiptId, finishRecording, recordingFileOf, recordingsAmong, startRecording, type ReceiptId, type Running } from '../engine/rehearsal';
import type { Project } from '../engine/project';
import type { RunbookModel } from '../model/runbook';
import { printable } from './report';
import { clockMinutes, commandLine, localMoment, type Recording } from '../model/recording';
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

/** The one rehearsal under way among the runbook named, else all of the workspace's; `none` says there is none. */
function onlyRunning(opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO, none: string): { project: Project; found: Running } {
  const { project, runbooks, named } = loadWorkspace(undefined, opts.runbook, today, resolver, io);
  const found = recordingsAmong(opts.runbook ? (named ? [named] : []) : runbooks, project);
  if (found.length > 1) throw new UsageError(`rehearsals are running for several runbooks (${found.map((f) => rel(io, f.runbook.path)).join(', ')}); name one with --runbook FILE`);
  if (!found.length) throw new UsageError(none);
  return { project, found: found[0] };
}

/** The rehearsal under way, its log read. */
function running(opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO): { project: Project; runbook: RunbookModel; file: string; recording: Recording } {
  const { project, found } = onlyRunning(opts, today, resolver, io, 'no rehearsal is running under .: start one with `runbook-lint rehearse start --trigger NAME`');
  if (!found.recording) throw new UsageError(`${found.broken} (runbook-lint rehearse abort)`);
  return { project, runbook: found.runbook, file: found.file, recording: found.recording };
}

const rel = (io: CliIO, f: string) => printable(path.relative(io.cwd, f) || f);

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
  const file = recordingFileOf(runbook, project);
  const at = localMoment(clock(io));
  const started = startRecording(file, { kind: 'start', at, trigger: trigger.name, runbook: runbook.path, ...(trigger.budgetMinutes !== undefined ? { budgetMinutes: trigger.budgetMinutes } : {}) });
  if (!started.started) {
    const other = started.running;
    throw new UsageError(`a rehearsal of "${other?.start.trigger ?? '?'}" has been running since ${other?.start.at.replace('T', ' ') ?? '?'} (${rel(io, file)}): stop it (\`runbook-lint rehearse stop\`) or abort it first`);
  }
  const budget = trigger.budgetMinutes !== undefined ? ` (budget ${trigger.budgetMinutes} min)` : '';
  io.stdout(
    `Clock started at ${at.slice(11)} for "${printable(trigger.name)}"${budget}.\n` +
      `Run each rollback command through \`runbook-lint rehearse run -- COMMAND ARGS...\`, mark moments with \`runbook-lint rehearse mark "..."\`, and stop the clock with \`runbook-lint rehearse stop\` when you have recovered.\n`,
  );
  return 0;
}

async function run(argv: string[], opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO): Promise<number> {
  if (!argv.length) throw new UsageError('rehearse run needs the command to run after --: runbook-lint rehearse run -- kubectl rollout undo deploy/checkout-api');
  const { file } = running(opts, today, resolver, io);
  const at = localMoment(clock(io));
  // The argv as typed, no shell: nothing is interpreted, expanded or read from a document.
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: io.cwd, stdio: 'inherit', shell: false, windowsHide: true });
    child.on('error', (e) => {
      io.stderr(`runbook-lint: cannot run ${printable(argv[0])}: ${(e as NodeJS.ErrnoException).code ?? e.message}\n`);
      resolve(127);
    });
    child.on('close', (code) => resolve(code));
  });
  appendEvent(file, { kind: 'command', at, end: localMoment(clock(io)), command: commandLine(argv), exitCode });
  return exitCode ?? 1;
}

function mark(words: string[], opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO): number {
  const text = words.join(' ').trim();
  if (!text) throw new UsageError('rehearse mark needs what happened: runbook-lint rehearse mark "smoke test red"');
  const { file } = running(opts, today, resolver, io);
  const at = localMoment(clock(io));
  appendEvent(file, { kind: 'mark', at, text });
  io.stdout(`${at.slice(11, 16)} ${printable(text)}\n`);
  return 0;
}

async function stop(rest: string[], opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO): Promise<number> {
  if (rest.length) throw new UsageError(`rehearse stop takes no arguments, not "${rest.join(' ')}" (the receipt id goes in --receipt)`);
  if (opts.path !== undefined && !PATHS.includes(opts.path)) throw new UsageError(`--path must be ${PATHS.join(', ')}, not "${opts.path}"`);
  if (opts.environment !== undefined && !ENVIRONMENTS.includes(opts.environment)) throw new UsageError(`--environment must be ${ENVIRONMENTS.join(', ')}, not "${opts.environment}"`);
  const { project, runbook, file, recording } = running(opts, today, resolver, io);
  const stoppedAt = clock(io);
  const recoveredAt = localMoment(stoppedAt);
  const given = opts.receipt?.trim();
  const git = opts.noGit ? undefined : new GitHistories({ log: (m) => io.stderr(m + '\n') });
  const receipt: ReceiptId | undefined = given ? { id: given, from: 'given with --receipt', revert: false } : await findReceiptId(runbook, recording, stoppedAt, git, io.env);
  const plan = finishRecording(runbook, project, file, recording, recoveredAt, { receipt, path: opts.path, environment: opts.environment });
  io.stdout(`Clock stopped at ${recoveredAt.slice(11)}: ${clockMinutes(recording.start.at, recoveredAt)} min. Wrote ${rel(io, plan.path)}.\n`);
  if (receipt) io.stdout(`Receipt: ${receipt.id} (${receipt.from}).\n`);
  else io.stderr(`runbook-lint: no receipt id found (no --receipt, no revert commit during the rehearsal, not in CI): write the commit SHA or pipeline run of the rollback into ${rel(io, plan.path)}.\n`);
  io.stdout('Only a person can write the rest: who witnessed it (witness:), the gaps discovered, the compensating actions.\n');
  return 0;
}

function abort(rest: string[], opts: RehearseOptions, today: string, resolver: ConfigResolver, io: CliIO): number {
  if (rest.length) throw new UsageError('rehearse abort takes no arguments');
  // Even a log nobody can read any more goes: abort is the way out of one.
  const { found } = onlyRunning(opts, today, resolver, io, 'no rehearsal is running: nothing to abort');
  abortRecording(found.file);
  io.stdout(`Rehearsal aborted (${rel(io, found.file)} removed): nothing was written.\n`);
  return 0;
}
