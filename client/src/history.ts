// "Runbook: Show Rehearsal History": the server's rehearsal report of one runbook in a webview
// beside it (issue 15). The page is the server's HTML (report/html.ts): no script, a CSP that
// allows only its own nonce'd style, VS Code's theme colours. It is drawn again when a receipt
// or the runbook changes on disk, and the trigger lens "history" opens it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REHEARSAL_REPORT_COMMAND, type RehearsalReportArgs } from '../../server/src/lsp/protocol';

export const SHOW_HISTORY = 'runbookLint.showRehearsalHistory';
export const HISTORY_VIEW = 'runbookLint.rehearsalHistory';

export interface HistoryDeps {
  client: () => LanguageClient | undefined;
  output: () => vscode.OutputChannel | undefined;
}

export function registerHistory(context: vscode.ExtensionContext, deps: HistoryDeps): { show(runbookUri?: string): Promise<void> } {
  const panels = new Map<string, vscode.WebviewPanel>();

  async function render(panel: vscode.WebviewPanel, runbookUri: string): Promise<void> {
    const c = deps.client();
    if (!c) return;
    const args: RehearsalReportArgs = { runbookUri, format: 'html', nonce: randomBytes(16).toString('base64'), styleSource: panel.webview.cspSource };
    const html = (await c.sendRequest('workspace/executeCommand', { command: REHEARSAL_REPORT_COMMAND, arguments: [args] })) as string | null;
    if (typeof html === 'string') panel.webview.html = html;
  }

  function runbookOfEditor(): string | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && doc.languageId === 'markdown' ? doc.uri.toString() : undefined;
  }

  async function show(runbookUri = runbookOfEditor()): Promise<void> {
    if (!runbookUri) {
      void vscode.window.showInformationMessage('Runbook Lint: open a RUNBOOK.md to see its rehearsal history.');
      return;
    }
    let panel = panels.get(runbookUri);
    if (panel) {
      panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const name = vscode.workspace.asRelativePath(vscode.Uri.parse(runbookUri));
      panel = vscode.window.createWebviewPanel(HISTORY_VIEW, `Rehearsals: ${name}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
      panels.set(runbookUri, panel);
      panel.onDidDispose(() => panels.delete(runbookUri));
    }
    await render(panel, runbookUri);
  }

  // A receipt written, changed or deleted (on disk, or saved in the editor): draw again, once.
  let timer: NodeJS.Timeout | undefined;
  const redraw = () => {
    if (!panels.size) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      for (const [uri, panel] of panels) render(panel, uri).catch((e) => deps.output()?.appendLine(`Rehearsal history: ${(e as Error).message}`));
    }, 300);
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(redraw),
    watcher.onDidChange(redraw),
    watcher.onDidDelete(redraw),
    vscode.workspace.onDidSaveTextDocument((d) => d.languageId === 'markdown' && redraw()),
    vscode.commands.registerCommand(SHOW_HISTORY, (arg?: { runbookUri?: string } | vscode.Uri) =>
      show(arg instanceof vscode.Uri ? arg.toString() : arg?.runbookUri).catch((e) => {
        deps.output()?.appendLine(`Show Rehearsal History failed: ${(e as Error).stack ?? e}`);
        void vscode.window.showErrorMessage(`Runbook Lint: ${(e as Error).message}`);
      }),
    ),
    { dispose: () => panels.forEach((p) => p.dispose()) },
  );
  return { show };
}
