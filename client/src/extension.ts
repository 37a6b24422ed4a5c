// The VS Code face: starts the language server (dist/server.js over IPC), and adds the
// commands that need the editor (QuickPicks, inserting templates at the cursor).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { censusTable, triggerTable } from '../../server/src/model/templates';
import { registerRehearsal } from './rehearsal';
import { registerHistory } from './history';
import { CONFIRM_MARK } from '../../server/src/model/text';
import { CONFIRM_KIND, CREATE_RECEIPT_COMMAND, LIST_TRIGGERS_COMMAND, NEW_RECEIPT_COMMAND, SHOW_HISTORY_COMMAND, type ReceiptArgs, type RunbookInfo } from '../../server/src/lsp/protocol';

let client: LanguageClient | undefined;
let history: { show(runbookUri?: string): Promise<void> } | undefined;
const CONFIRM = vscode.CodeActionKind.Empty.append(CONFIRM_KIND);

/** Escaped for a snippet: `$`, `}` and `\` are literal. */
const literal = (s: string) => s.replace(/[$}\\]/g, (c) => `\\${c}`);

/** `TODO(confirm): void the charge` becomes a tab stop holding "void the charge"; the rest of the text stays as written. */
function confirmSnippet(text: string): vscode.SnippetString {
  const [before, ...marked] = text.split(CONFIRM_MARK);
  let snippet = literal(before);
  marked.forEach((part, i) => {
    // A marked value runs to the end of its table cell, quoted scalar or line.
    const cut = part.search(/ \||"|\r|\n|$/);
    const value = part.slice(0, cut).trimEnd();
    snippet += `\${${i + 1}:${literal(value)}}${literal(part.slice(value.length))}`;
  });
  return new vscode.SnippetString(snippet);
}

function asSnippet(action: vscode.CodeAction): vscode.CodeAction {
  if (!action.edit) return action;
  const edit = new vscode.WorkspaceEdit();
  for (const [uri, edits] of action.edit.entries()) {
    edit.set(
      uri,
      edits.map((e) => (e instanceof vscode.TextEdit && e.newText.includes(CONFIRM_MARK) ? new vscode.SnippetTextEdit(e.range, confirmSnippet(e.newText)) : e)),
    );
  }
  action.edit = edit;
  return action;
}

let output: vscode.OutputChannel | undefined;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    // Settings are pulled by the server (workspace/configuration; it registers for changes).
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.md'),
        vscode.workspace.createFileSystemWatcher('**/.runbook-lint.{json,jsonc,yaml,yml}'),
      ],
    },
    outputChannel: output,
    // git is read (RB024, RR016) only in a trusted workspace: a repository's config could run code.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    middleware: {
      // The server's "New rehearsal receipt" action and "never rehearsed" lens run its own
      // command (so they work in any client); here they get the pickers and open the receipt.
      // The "history" lens likewise: a message in other clients, the rehearsal history webview here.
      executeCommand: (command, args, next) =>
        command === CREATE_RECEIPT_COMMAND
          ? newReceipt(args[0] as ReceiptArgs | undefined)
          : command === SHOW_HISTORY_COMMAND && history
            ? history.show((args[0] as ReceiptArgs | undefined)?.runbookUri)
            : next(command, args),
      // A suggested fact (CONFIRM_KIND) lands as a snippet: the value selected, for a person to confirm or type over.
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        return actions?.map((a) => (a instanceof vscode.CodeAction && a.kind && CONFIRM.contains(a.kind) ? asSnippet(a) : a));
      },
    },
  };
  return new LanguageClient('runbookLint', 'Runbook Lint', serverOptions, clientOptions);
}


async function listRunbooks(runbookUri?: string): Promise<RunbookInfo[]> {
  if (!client) return [];
  const r = (await client.sendRequest('workspace/executeCommand', { command: LIST_TRIGGERS_COMMAND, arguments: [runbookUri ? { runbookUri } : {}] })) as RunbookInfo[] | null;
  return r ?? [];
}

/** The one runbook of the list, or the one the user picks when there are several. */
async function pickRunbook(runbooks: RunbookInfo[], title: string, placeHolder: string): Promise<RunbookInfo | undefined> {
  if (!runbooks.length) {
    void vscode.window.showWarningMessage('Runbook Lint: no runbook in this workspace. Create a RUNBOOK.md with a trigger list first.');
    return undefined;
  }
  if (runbooks.length === 1) return runbooks[0];
  const picked = await vscode.window.showQuickPick(
    runbooks.map((r) => ({ label: r.name, description: `${r.triggers.length} triggers`, runbook: r })),
    { title, placeHolder },
  );
  return picked?.runbook;
}

async function pickRunbookAndTrigger(args: ReceiptArgs | undefined, title = 'New Rehearsal Receipt'): Promise<ReceiptArgs | undefined> {
  if (!client) return undefined;
  if (args?.runbookUri && args.trigger) return args;
  let runbookUri = args?.runbookUri;
  if (!runbookUri) {
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'markdown' && active.uri.scheme === 'file') {
      const mine = await listRunbooks(active.uri.toString());
      if (mine.length) runbookUri = mine[0].uri;
    }
  }
  const starting = title !== 'New Rehearsal Receipt';
  const runbook = await pickRunbook(await listRunbooks(runbookUri), title, starting ? 'Which runbook do you rehearse?' : 'Which runbook was rehearsed?');
  if (!runbook) return undefined;
  if (args?.trigger) return { runbookUri: runbook.uri, trigger: args.trigger };
  if (!runbook.triggers.length) return { runbookUri: runbook.uri };
  const picked = await vscode.window.showQuickPick(
    runbook.triggers.map((t) => ({
      label: t.name,
      description: t.budgetMinutes !== undefined ? `budget ${t.budgetMinutes} min` : t.dataCorrection ? 'data correction' : t.budgetText ? `budget "${t.budgetText}"` : 'no budget',
      detail: t.rehearsals ? `rehearsed ${t.rehearsals} time${t.rehearsals === 1 ? '' : 's'}` : 'never rehearsed',
      trigger: t,
    })),
    { title: `${title}: ${runbook.name}`, placeHolder: starting ? 'Which trigger do you rehearse?' : 'Which trigger did you rehearse?' },
  );
  if (!picked) return undefined;
  return { runbookUri: runbook.uri, trigger: picked.trigger.name };
}

async function newReceipt(args?: ReceiptArgs): Promise<void> {
  if (!client) return;
  const chosen = await pickRunbookAndTrigger(args);
  if (!chosen) return;
  const created = (await client.sendRequest('workspace/executeCommand', { command: CREATE_RECEIPT_COMMAND, arguments: [chosen] })) as string | null;
  if (!created) {
    void vscode.window.showErrorMessage('Runbook Lint: could not create the receipt (see the "Runbook Lint" output).');
    return;
  }
  const uri = vscode.Uri.parse(created);
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.isDirty) await doc.save();
  // Pinned, not a preview tab the next receipt would replace.
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  // The cursor on the first value only the rehearsal can tell: when the clock started.
  const text = doc.getText();
  const m = /^observed_at:[ \t]*/m.exec(text);
  if (m) {
    const start = doc.positionAt(m.index + m[0].length);
    const end = doc.lineAt(start.line).range.end;
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end));
  }
}

/**
 * Insert a template at the cursor of the Markdown editor in front; with none in front,
 * at the end of the workspace's runbook (asking which when there are several).
 */
async function insertTemplate(lines: string[], what: string): Promise<void> {
  let editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    const runbook = await pickRunbook(await listRunbooks(), `Insert ${what}`, `Which runbook gets the ${what.toLowerCase()}?`);
    if (!runbook) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(runbook.uri));
    editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
  }
  const target = editor;
  const eol = target.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const pos = target.selection.active;
  const atLineStart = pos.character === 0;
  const text = (atLineStart ? '' : eol + eol) + lines.join(eol);
  await target.edit((b) => b.replace(target.selection, text));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Runbook Lint');
  context.subscriptions.push(output);
  client = createClient(context);

  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_RECEIPT_COMMAND, (args?: ReceiptArgs) =>
      newReceipt(args).catch((e) => {
        output?.appendLine(`New Rehearsal Receipt failed: ${(e as Error).stack ?? e}`);
        void vscode.window.showErrorMessage(`Runbook Lint: ${(e as Error).message}`);
      }),
    ),
    vscode.commands.registerCommand('runbookLint.insertTriggerTable', () => insertTemplate(triggerTable().split('\n'), 'Trigger Table')),
    vscode.commands.registerCommand('runbookLint.insertCensus', () => insertTemplate(censusTable().split('\n'), 'Side-Effect Census')),
    vscode.commands.registerCommand('runbookLint.restartServer', async () => {
      if (!client) return;
      output?.appendLine('Restarting the runbook language server…');
      // vscode-languageclient 9 logs "Server process exited with code 0" for the old process even on a clean stop.
      await client.restart();
      const ready = `Runbook Lint: the language server restarted (${client.initializeResult?.serverInfo?.version ?? 'version unknown'}).`;
      output?.appendLine(ready);
      void vscode.window.showInformationMessage(ready);
    }),
  );

  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      output?.appendLine('Workspace trusted: restarting the server to read the git history (RB024, RR016).');
      await client?.restart();
    }),
  );

  history = registerHistory(context, { client: () => client, output: () => output });
  const rehearsal = registerRehearsal(context, { client: () => client, pick: pickRunbookAndTrigger, output: () => output });

  await client.start();
  await rehearsal.refresh();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
