// The editor's Start / Mark / Stop Rehearsal, as a server command every LSP client can run:
// the same log and receipt as `runbook-lint rehearse` (engine/rehearsal.ts), so a rehearsal
// started in the editor can be stopped from a terminal and the other way round.
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { RecordingError, abortRecording, appendEvent, findReceiptId, finishRecording, readRecordingFile, recordingFileOf, recordingsAmong, startRecording } from '../engine/rehearsal';
import { localMoment, type Recording } from '../model/recording';
import type { RunbookModel } from '../model/runbook';
import { triggerAskedFor } from '../model/scaffold';
import type { LintWorkspace } from './workspace';
import type { Validation } from './validation';
import type { RehearsalStatus, RehearseArgs } from './protocol';
import { pathToUri } from './uri';

export interface RehearsalContext {
  ws: LintWorkspace;
  v: Validation;
  runbookFor: (uri: string | undefined) => RunbookModel | undefined;
  /** The index complete: the receipt folder and the next number need the whole workspace. */
  indexed: () => Promise<void>;
  now?: () => Date;
}

const fail = (message: string) => new ResponseError(ErrorCodes.InvalidRequest, message);

export function createRehearsals({ ws, v, runbookFor, indexed, now = () => new Date() }: RehearsalContext) {
  function statusOf(runbook: RunbookModel, recording: Recording): RehearsalStatus {
    return {
      running: true,
      runbookUri: pathToUri(runbook.path),
      trigger: recording.start.trigger,
      startedAt: recording.start.at,
      startedMs: new Date(recording.start.at).getTime(),
      budgetMinutes: recording.start.budgetMinutes,
      commands: recording.events.filter((e) => e.kind === 'command').length,
    };
  }

  /** The rehearsal under way: of the runbook asked for, else of any runbook of the workspace. */
  function running(uri: string | undefined): { runbook: RunbookModel; file: string; recording: Recording } | undefined {
    const asked = uri ? runbookFor(uri) : undefined;
    const [found] = recordingsAmong(asked ? [asked] : ws.project.runbooks(), ws.project);
    if (found && !found.recording) throw new RecordingError(found.broken!);
    return found && { runbook: found.runbook, file: found.file, recording: found.recording! };
  }

  const moment = (iso: string | undefined) => {
    const d = iso ? new Date(iso) : now();
    return localMoment(Number.isNaN(d.getTime()) ? now() : d);
  };

  return async function rehearse(args: RehearseArgs): Promise<RehearsalStatus> {
    await indexed();
    if (args.runbookUri) await v.fresh(args.runbookUri);
    const current = running(args.runbookUri);
    switch (args.action) {
      case 'status':
        return current ? statusOf(current.runbook, current.recording) : { running: false };
      case 'start': {
        if (current) throw fail(`a rehearsal of "${current.recording.start.trigger}" has been running since ${current.recording.start.at.replace('T', ' ')}: stop or abort it first`);
        const runbook = runbookFor(args.runbookUri);
        if (!runbook) throw fail(`no runbook for ${args.runbookUri ?? 'this workspace'}`);
        const trigger = triggerAskedFor(runbook, args.trigger);
        if (!trigger) throw fail(args.trigger ? `no trigger "${args.trigger}" in the runbook` : 'the runbook lists no trigger to rehearse');
        const file = recordingFileOf(runbook, ws.project);
        const start = { kind: 'start' as const, at: localMoment(now()), trigger: trigger.name, runbook: runbook.path, ...(trigger.budgetMinutes !== undefined ? { budgetMinutes: trigger.budgetMinutes } : {}) };
        const started = startRecording(file, start);
        if (!started.started) throw fail(`a rehearsal of "${started.running?.start.trigger ?? '?'}" is already running`);
        return statusOf(runbook, { start, events: [] });
      }
      case 'command':
      case 'mark': {
        if (!current) throw fail('no rehearsal is running');
        if (args.action === 'mark') {
          const text = (args.text ?? '').replace(/\s+/g, ' ').trim();
          if (!text) throw fail('a mark needs what happened');
          appendEvent(current.file, { kind: 'mark', at: moment(undefined), text });
        } else {
          const command = (args.command ?? '').trim();
          if (!command) throw fail('a command needs its command line');
          appendEvent(current.file, { kind: 'command', at: moment(args.startedAt), end: moment(args.endedAt), command, exitCode: typeof args.exitCode === 'number' ? args.exitCode : null });
        }
        return statusOf(current.runbook, readRecordingFile(current.file) ?? current.recording);
      }
      case 'stop': {
        if (!current) throw fail('no rehearsal is running');
        const stoppedAt = now();
        const receipt = await findReceiptId(current.runbook, current.recording, stoppedAt, ws.settings.git ? ws.git : undefined, {});
        const plan = finishRecording(current.runbook, ws.project, current.file, current.recording, localMoment(stoppedAt), { receipt });
        v.publish(ws.update(plan.path, plan.content, 'receipt'));
        return { running: false, receiptUri: pathToUri(plan.path), receiptId: receipt?.id };
      }
      case 'abort':
        if (!current) throw fail('no rehearsal is running');
        abortRecording(current.file);
        return { running: false };
      default:
        throw new ResponseError(ErrorCodes.InvalidParams, `rehearse needs an action: start, status, command, mark, stop or abort`);
    }
  };
}
