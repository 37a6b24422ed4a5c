// The server's commands (workspace/executeCommand): create a receipt, show one, list
// the triggers for the New Receipt picker, record a rehearsal. Every LSP client can run them.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { ErrorCodes, MessageType, ResponseError, ShowMessageNotification, type Connection, type ExecuteCommandParams, type Range } from 'vscode-languageserver/node';
import { createReceipt as createReceiptFile } from '../engine/files';
import type { ReceiptModel } from '../model/receipt';
import type { RunbookModel } from '../model/runbook';
import { triggerAskedFor } from '../model/scaffold';
import type { LintWorkspace } from './workspace';
import type { Validation } from './validation';
import { CREATE_RECEIPT_COMMAND, LIST_TRIGGERS_COMMAND, REHEARSAL_REPORT_COMMAND, REHEARSE_COMMAND, SHOW_HISTORY_COMMAND, SHOW_RECEIPT_COMMAND, type ReceiptArgs, type RehearsalReportArgs, type RehearseArgs } from './protocol';
import { rehearsalReport } from '../engine/rehearsalReport';
import { reportHtml } from '../report/html';
import { budgetLabel, graduationLabel, minutes } from '../report/labels';
import { createRehearsals } from './rehearsal';
import { listTriggers, plannedReceipt, receiptEdit, type PlannedReceipt } from './receipts';
import { uriToPath } from './uri';

export const COMMANDS = [CREATE_RECEIPT_COMMAND, LIST_TRIGGERS_COMMAND, SHOW_RECEIPT_COMMAND, REHEARSE_COMMAND, REHEARSAL_REPORT_COMMAND, SHOW_HISTORY_COMMAND];

export interface CommandContext {
  connection: Connection;
  ws: LintWorkspace;
  v: Validation;
  log: (m: string) => void;
  /** The index complete (the next receipt number and the triggers need the whole workspace). */
  indexed: () => Promise<void>;
  /** What the client can do, known after initialize. */
  client: () => { canCreateFiles: boolean; canShowDocument: boolean };
}

export function createCommands({ connection, ws, v, log, indexed, client }: CommandContext): (params: ExecuteCommandParams) => Promise<unknown> {
  function runbookFor(uri: string | undefined): RunbookModel | undefined {
    if (!uri) {
      const all = ws.project.runbooks();
      return all.length === 1 ? all[0] : undefined;
    }
    const file = uriToPath(uri);
    const model = file ? ws.project.model(file) : undefined;
    if (!model) return undefined;
    return model.kind === 'runbook' ? model : ws.project.runbooksFor(model as ReceiptModel)[0];
  }

  function relativeName(file: string): string {
    const root = ws.rootFor(file);
    const rel = path.relative(root, file).split(path.sep).join('/');
    return ws.folders.length > 1 ? `${path.basename(root)}/${rel}` : rel;
  }

  async function createReceipt(args: ReceiptArgs): Promise<string | null> {
    await indexed();
    if (args?.runbookUri) await v.fresh(args.runbookUri);
    const runbook = runbookFor(args?.runbookUri);
    if (!runbook) throw new Error(`no runbook for ${args?.runbookUri ?? 'this workspace'}`);
    const trigger = triggerAskedFor(runbook, args?.trigger);
    if (args?.trigger && !trigger) throw new Error(`no trigger "${args.trigger}" in ${relativeName(runbook.path)}`);
    let plan: PlannedReceipt;
    if (client().canCreateFiles) {
      // The client creates it (CreateFile never overwrites); the planner has just read the folder.
      plan = plannedReceipt(ws.project, runbook, trigger, ws.today());
      const r = await connection.workspace.applyEdit({ label: 'New rehearsal receipt', edit: receiptEdit(plan) });
      if (!r.applied) {
        log(`runbook-lint: the client did not create ${plan.path}: ${r.failureReason ?? 'no reason given'}`);
        return null;
      }
    } else {
      plan = createReceiptFile((after) => plannedReceipt(ws.project, runbook, trigger, ws.today(), after));
    }
    // Index it now rather than wait for the watcher; the open document, if any, wins later.
    if (!ws.open.has(plan.path)) v.publish(ws.update(plan.path, plan.content, 'receipt'));
    return plan.uri;
  }

  const rehearse = createRehearsals({ ws, v, runbookFor, indexed });

  /** The runbook a command names (with its latest text), or every runbook; after the index, which knows all their receipts. */
  async function runbooksAsked(runbookUri: string | undefined): Promise<RunbookModel[]> {
    await indexed();
    if (!runbookUri) return ws.project.runbooks();
    await v.fresh(runbookUri);
    return [runbookFor(runbookUri)].filter((r): r is RunbookModel => !!r);
  }

  const reportOf = (runbooks: RunbookModel[], from: string) => rehearsalReport(ws.project, runbooks, { today: ws.today(), from, configFor: (f) => ws.configFor(f) });

  return async (params: ExecuteCommandParams) => {
    const args = (params.arguments?.[0] ?? {}) as ReceiptArgs;
    if (params.command === REHEARSE_COMMAND) return rehearse((params.arguments?.[0] ?? {}) as RehearseArgs);
    if (params.command === CREATE_RECEIPT_COMMAND) return createReceipt(args);
    if (params.command === SHOW_RECEIPT_COMMAND) {
      const a = params.arguments?.[0] as { uri?: string; selection?: Range } | undefined;
      if (!a?.uri) throw new ResponseError(ErrorCodes.InvalidParams, `${SHOW_RECEIPT_COMMAND} needs { uri }`);
      if (client().canShowDocument) {
        const r = await connection.window.showDocument({ uri: a.uri, takeFocus: true, selection: a.selection });
        if (r.success) return true;
      }
      // A client without window/showDocument (Neovim 0.7): say where the receipt is.
      const file = uriToPath(a.uri);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Rehearsal receipt: ${file ? relativeName(file) : a.uri}` });
      return false;
    }
    if (params.command === REHEARSAL_REPORT_COMMAND) {
      const a = (params.arguments?.[0] ?? {}) as RehearsalReportArgs;
      const runbooks = await runbooksAsked(a.runbookUri);
      const report = reportOf(runbooks, runbooks.length ? ws.rootFor(runbooks[0].path) : (ws.folders[0] ?? process.cwd()));
      if (a.format === 'json') return report;
      const title = runbooks.length === 1 ? `Rehearsal history: ${relativeName(runbooks[0].path)}` : 'Rehearsal history';
      return reportHtml(report, { nonce: a.nonce ?? randomBytes(16).toString('base64'), styleSource: a.styleSource, title });
    }
    if (params.command === SHOW_HISTORY_COMMAND) {
      await indexed();
      if (args.runbookUri) await v.fresh(args.runbookUri);
      const runbook = runbookFor(args.runbookUri);
      if (!runbook) throw new ResponseError(ErrorCodes.InvalidParams, `no runbook for ${args.runbookUri ?? 'this workspace'}`);
      const report = reportOf([runbook], ws.rootFor(runbook.path));
      const t = report.runbooks[0].triggers.find((x) => x.name === args.trigger) ?? report.runbooks[0].triggers[0];
      if (!t) throw new ResponseError(ErrorCodes.InvalidParams, `no trigger in ${relativeName(runbook.path)}`);
      const message = `${t.name}: ${t.rehearsals.length} rehearsal${t.rehearsals.length === 1 ? '' : 's'} (${t.rehearsals.map((r) => minutes(r.minutes)).join(', ') || 'none'}), budget ${budgetLabel(t)}; graduation ${graduationLabel(t)}.`;
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
      return message;
    }
    if (params.command === LIST_TRIGGERS_COMMAND) {
      const runbooks = await runbooksAsked(args.runbookUri);
      return listTriggers(ws.project, runbooks.sort((a, b) => a.path.localeCompare(b.path)), relativeName);
    }
    throw new ResponseError(ErrorCodes.InvalidRequest, `runbook-lint does not know the command ${params.command}; it runs ${COMMANDS.join(', ')}`);
  };
}
