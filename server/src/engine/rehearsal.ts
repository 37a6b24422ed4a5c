// A rehearsal being recorded, on disk: the clock's log beside the runbook's receipts while it
// runs, and the receipt it becomes. The CLI's `rehearse` and the editor's Start / Mark / Stop
// Rehearsal both record here, so a rehearsal started in one can be run and stopped in the
// other. The log is created exclusively (two starts cannot both win) and each event is one
// appended line; stopping writes the next NNN.md exclusively and removes the log.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunbookModel } from '../model/runbook';
import { planReceipt, receiptFolder, type ReceiptFolders, type ReceiptPlan } from '../model/scaffold';
import { RECORDING_FILE, eventLine, readRecording, recordedReceiptText, type Recording, type RecordingEvent } from '../model/recording';
import { triggerNamed } from '../model/rehearsals';
import { createReceipt } from './files';
import type { GitHistories } from './git';

export class RecordingError extends Error {}

/** Where a runbook's rehearsal log lives: beside its receipts. */
export function recordingFileOf(runbook: RunbookModel, workspace: ReceiptFolders): string {
  return path.join(receiptFolder(runbook, workspace), RECORDING_FILE);
}

/** The rehearsal recorded in `file`, undefined when none runs; a log nobody can read is an error (abort removes it). */
export function readRecordingFile(file: string): Recording | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const { recording } = readRecording(text);
  if (!recording) throw new RecordingError(`${file} is not a rehearsal log runbook-lint can read: abort the rehearsal to remove it`);
  return recording;
}

export interface Running {
  runbook: RunbookModel;
  file: string;
  recording?: Recording;
  /** Why the log cannot be read (abort removes it); then there is no recording. */
  broken?: string;
}

/** The rehearsals under way among these runbooks: each log found beside their receipts, read. */
export function recordingsAmong(runbooks: readonly RunbookModel[], workspace: ReceiptFolders): Running[] {
  const out: Running[] = [];
  for (const runbook of runbooks) {
    const file = recordingFileOf(runbook, workspace);
    if (!fs.existsSync(file)) continue;
    try {
      const recording = readRecordingFile(file);
      if (recording) out.push({ runbook, file, recording });
    } catch (e) {
      if (!(e instanceof RecordingError)) throw e;
      out.push({ runbook, file, broken: e.message });
    }
  }
  return out;
}

/** Start the clock: false, with the rehearsal that is running, when one already is. */
export function startRecording(file: string, start: Recording['start']): { started: true } | { started: false; running?: Recording } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, eventLine(start), { flag: 'wx' });
    return { started: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    let running: Recording | undefined;
    try {
      running = readRecordingFile(file);
    } catch {
      running = undefined;
    }
    return { started: false, running };
  }
}

/** One write of one line with O_APPEND: two events at once cannot tear each other's lines. */
export function appendEvent(file: string, e: Exclude<RecordingEvent, { kind: 'start' }>): void {
  if (!fs.existsSync(file)) throw new RecordingError('no rehearsal is running');
  fs.appendFileSync(file, eventLine(e));
}

export function abortRecording(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  fs.rmSync(file, { force: true });
  return true;
}

export interface ReceiptId {
  id: string;
  /** Where it came from, for the user: "given with --receipt", the revert's subject, the CI run. */
  from: string;
  /** A revert commit: the rollback path was git-revert. */
  revert: boolean;
}

/** The pipeline run of the CI job this runs in, when it runs in one (GitHub Actions, GitLab). */
export function pipelineRun(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    let server = env.GITHUB_SERVER_URL;
    while (server.endsWith('/')) server = server.slice(0, -1);
    return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  }
  if (env.CI_PIPELINE_URL) return env.CI_PIPELINE_URL;
  return undefined;
}

/** The receipt of a rehearsal that stops now: the revert committed during it (when git may be read), else the CI run. */
export async function findReceiptId(runbook: RunbookModel, recording: Recording, stoppedAt: Date, git: GitHistories | undefined, env: NodeJS.ProcessEnv): Promise<ReceiptId | undefined> {
  if (git) {
    const reverts = await git.revertsBetween(runbook.path, new Date(recording.start.at), stoppedAt);
    if (reverts.length) return { id: reverts[0].sha.slice(0, 12), from: `the revert committed during the rehearsal ("${reverts[0].subject.slice(0, 60)}")`, revert: true };
  }
  const run = pipelineRun(env);
  return run ? { id: run, from: 'this CI pipeline run', revert: false } : undefined;
}

export interface FinishOptions {
  receipt?: ReceiptId;
  path?: string;
  environment?: string;
}

/** Stop the clock: write the next receipt from the log (exclusive create), then remove the log. */
export function finishRecording(runbook: RunbookModel, workspace: ReceiptFolders, file: string, recording: Recording, recoveredAt: string, options: FinishOptions = {}): ReceiptPlan {
  const trigger = triggerNamed(runbook.triggers.triggers, recording.start.trigger);
  const observedAt = recording.start.at;
  const plan = createReceipt((after) =>
    planReceipt(runbook, workspace, trigger, observedAt.slice(0, 10), after, (fields, eol) =>
      recordedReceiptText(
        {
          ...fields,
          trigger: recording.start.trigger,
          budgetMinutes: trigger?.budgetMinutes ?? recording.start.budgetMinutes,
          environment: options.environment,
          path: options.path ?? (options.receipt?.revert ? 'git-revert' : 'pipeline'),
          observedAt,
          recoveredAt,
          receiptId: options.receipt?.id,
          recording,
        },
        eol,
      ),
    ),
  );
  fs.rmSync(file, { force: true });
  return plan;
}
