// Runbook: Start Rehearsal / Mark / Stop Rehearsal / Abort Rehearsal (issue 14): a running
// clock in the status bar beside the trigger's budget, and the commands typed in the
// integrated terminal recorded through shell integration while it runs. The server keeps
// the log and writes the receipt (lsp/rehearsal.ts), the same as `runbook-lint rehearse`.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REHEARSE_COMMAND, type ReceiptArgs, type RehearsalStatus, type RehearseArgs } from '../../server/src/lsp/protocol';

export const START_REHEARSAL = 'runbookLint.startRehearsal';
export const MARK_REHEARSAL = 'runbookLint.markRehearsal';
export const STOP_REHEARSAL = 'runbookLint.stopRehearsal';
export const ABORT_REHEARSAL = 'runbookLint.abortRehearsal';

/** A command the CLI already records (`runbook-lint rehearse run -- …`): not recorded twice. */
const RECORDED_BY_CLI = /^\s*(?:npx\s+)?runbook-lint\s+rehearse\b/;

export interface RehearsalDeps {
  client: () => LanguageClient | undefined;
  /** The runbook and trigger to rehearse: the same pickers as New Rehearsal Receipt. */
  pick: (args: ReceiptArgs | undefined, title: string) => Promise<ReceiptArgs | undefined>;
  output: () => vscode.OutputChannel | undefined;
}

function clockText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}` : `${p(Math.floor(s / 60))}:${p(s % 60)}`;
}

export function registerRehearsal(context: vscode.ExtensionContext, deps: RehearsalDeps): { refresh: () => Promise<void> } {
  const item = vscode.window.createStatusBarItem('runbookLint.rehearsal', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Rehearsal clock';
  item.command = MARK_REHEARSAL;
  let status: RehearsalStatus = { running: false };
  let ticker: NodeJS.Timeout | undefined;
  const started = new WeakMap<vscode.TerminalShellExecution, Date>();

  async function send(args: RehearseArgs): Promise<RehearsalStatus> {
    const c = deps.client();
    if (!c) throw new Error('the language server is not running');
    return (await c.sendRequest('workspace/executeCommand', { command: REHEARSE_COMMAND, arguments: [args] })) as RehearsalStatus;
  }

  function draw(): void {
    if (!status.running || status.startedMs === undefined) {
      item.hide();
      return;
    }
    const elapsed = Date.now() - status.startedMs;
    const budget = status.budgetMinutes;
    const over = budget !== undefined && elapsed > budget * 60_000;
    item.text = `$(watch) ${clockText(elapsed)}${budget !== undefined ? ` / ${budget} min` : ''}`;
    item.tooltip = `Rehearsing "${status.trigger}"${budget !== undefined ? ` (budget ${budget} min${over ? ', over budget' : ''})` : ''}: ${status.commands ?? 0} terminal command(s) recorded. Click to mark a moment; "Runbook: Stop Rehearsal" writes the receipt.`;
    item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  }

  function show(next: RehearsalStatus): void {
    status = next;
    void vscode.commands.executeCommand('setContext', 'runbookLint.rehearsing', status.running);
    if (status.running && !ticker) ticker = setInterval(draw, 1000);
    if (!status.running && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
    draw();
  }

  const report = (what: string) => (e: unknown) => {
    deps.output()?.appendLine(`${what} failed: ${(e as Error).stack ?? e}`);
    void vscode.window.showErrorMessage(`Runbook Lint: ${(e as Error).message ?? e}`);
  };

  async function start(args?: ReceiptArgs): Promise<RehearsalStatus | undefined> {
    const chosen = await deps.pick(args, 'Start Rehearsal');
    if (!chosen) return undefined;
    show(await send({ action: 'start', ...chosen }));
    void vscode.window.showInformationMessage(
      `Rehearsal of "${status.trigger}" started${status.budgetMinutes !== undefined ? ` (budget ${status.budgetMinutes} min)` : ''}: the commands you run in the terminal are recorded.`,
    );
    return status;
  }

  async function mark(text?: string): Promise<RehearsalStatus | undefined> {
    if (!status.running) show(await send({ action: 'status' }));
    if (!status.running) {
      void vscode.window.showWarningMessage('Runbook Lint: no rehearsal is running. Start one with "Runbook: Start Rehearsal".');
      return undefined;
    }
    const what = text ?? (await vscode.window.showInputBox({ title: 'Mark the rehearsal timeline', prompt: 'What happened?', placeHolder: 'smoke test red' }));
    if (!what?.trim()) return undefined;
    show(await send({ action: 'mark', text: what }));
    return status;
  }

  async function stop(): Promise<RehearsalStatus | undefined> {
    const done = await send({ action: 'stop' });
    show(done);
    if (!done.receiptUri) return done;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(done.receiptUri));
    await vscode.window.showTextDocument(doc, { preview: false });
    if (!done.receiptId) void vscode.window.showWarningMessage('Runbook Lint: no revert commit was found during the rehearsal: write the commit SHA or pipeline run ID into receipt:.');
    return done;
  }

  async function abort(): Promise<RehearsalStatus | undefined> {
    show(await send({ action: 'abort' }));
    return status;
  }

  async function recordCommand(e: vscode.TerminalShellExecutionEndEvent): Promise<void> {
    if (!status.running) return;
    const line = e.execution.commandLine.value.trim();
    if (!line || RECORDED_BY_CLI.test(line)) return;
    const end = new Date();
    show(await send({ action: 'command', command: line, exitCode: e.exitCode ?? null, startedAt: (started.get(e.execution) ?? end).toISOString(), endedAt: end.toISOString() }));
  }

  context.subscriptions.push(
    item,
    { dispose: () => ticker && clearInterval(ticker) },
    vscode.commands.registerCommand(START_REHEARSAL, (args?: ReceiptArgs) => start(args).catch(report('Start Rehearsal'))),
    vscode.commands.registerCommand(MARK_REHEARSAL, (text?: string) => mark(typeof text === 'string' ? text : undefined).catch(report('Mark'))),
    vscode.commands.registerCommand(STOP_REHEARSAL, () => stop().catch(report('Stop Rehearsal'))),
    vscode.commands.registerCommand(ABORT_REHEARSAL, () => abort().catch(report('Abort Rehearsal'))),
    vscode.window.onDidStartTerminalShellExecution((e) => started.set(e.execution, new Date())),
    vscode.window.onDidEndTerminalShellExecution((e) => void recordCommand(e).catch(report('Recording a terminal command'))),
  );

  // A rehearsal started before a reload, or from the CLI: show its clock.
  return { refresh: async () => show(await send({ action: 'status' }).catch(() => ({ running: false }))) };
}
