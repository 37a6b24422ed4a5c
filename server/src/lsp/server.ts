// runbook-language-server: the engine behind LSP, as a factory over any connection (as
// unified-language-server does): main.ts gives it stdio or IPC, the tests an in-process
// stream pair. This file is wiring: lifecycle and settings, the background index, and
// one line per feature; validation.ts publishes, commands.ts runs the commands.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LintWorkspace } from './workspace';
import { createIndexing } from './indexing';
import { readSettings } from './settings';
import { codeActions, CREATE_RECEIPT_KIND, FIX_ALL_KIND, NEW_RECEIPT_KIND } from './actions';
import { COMMANDS, createCommands } from './commands';
import { createValidation } from './validation';
import { completions } from './completion';
import { hover } from './hover';
import { documentSymbols } from './symbols';
import { codeLenses } from './lens';
import { uriToPath } from './uri';
import { createRepositoryWatch } from './repository';
import { watchFolders, type FolderWatch, type WatchedChange } from './watcher';

declare const RUNBOOK_LINT_VERSION: string | undefined;
const VERSION = typeof RUNBOOK_LINT_VERSION === 'string' ? RUNBOOK_LINT_VERSION : '0.0.0-dev';

export interface RunbookServer {
  /** The workspace the server lints (for tests). */
  workspace: LintWorkspace;
  /** Log an error that escaped a handler (the entry point routes uncaught ones here). */
  report(what: string, e: unknown): void;
}

/** Wire the runbook language server onto `connection`; the caller calls connection.listen(). */
export function createServer(connection: Connection): RunbookServer {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string) => connection.console.error(m);
  const ws = new LintWorkspace(log);

  let initOptions: unknown;
  let hasConfiguration = false;
  let hasDynamicWatch = false;
  let hasDynamicConfig = false;
  let canCreateFiles = false;
  let canShowDocument = false;
  let canRefreshLenses = false;
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const v = createValidation(connection, documents, ws, log, ready);

  /** Run a handler; a thrown error is logged and the fallback returned: the server never dies of one. */
  function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      try {
        return await fn(...args);
      } catch (e) {
        log(`runbook-lint: ${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      }
    };
  }

  // Log and carry on; never recurse when the connection itself is what broke.
  let reporting = false;
  function report(what: string, e: unknown): void {
    if (reporting) return;
    reporting = true;
    try {
      log(`runbook-lint: ${what}: ${(e as Error)?.stack ?? e}`);
    } catch {
      /* the connection is gone */
    } finally {
      reporting = false;
    }
  }

  const { reindexAll, indexed } = createIndexing({ connection, documents, ws, v, log, report, canRefreshLenses: () => canRefreshLenses });
  const repositories = createRepositoryWatch(ws, v, report);

  // ---------------------------------------------------------------- settings

  async function loadSettings(): Promise<void> {
    let fromClient: unknown;
    if (hasConfiguration) {
      try {
        fromClient = await connection.workspace.getConfiguration({ section: 'runbookLint' });
      } catch (e) {
        log(`runbook-lint: cannot read settings: ${(e as Error).message}`);
      }
    }
    ws.settings = readSettings(fromClient, initOptions);
  }

  // ---------------------------------------------------------------- lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    initOptions = params.initializationOptions;
    hasConfiguration = !!caps.workspace?.configuration;
    hasDynamicWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    hasDynamicConfig = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    const we = caps.workspace?.workspaceEdit;
    canShowDocument = !!caps.window?.showDocument?.support;
    canRefreshLenses = !!caps.workspace?.codeLens?.refreshSupport;
    canCreateFiles = !!we?.documentChanges && !!we.resourceOperations?.includes('create');
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    const root = params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined;
    ws.folders = folders?.length ? folders : root ? [root] : [];
    ws.settings = readSettings(initOptions);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CREATE_RECEIPT_KIND, FIX_ALL_KIND, NEW_RECEIPT_KIND], resolveProvider: false },
        completionProvider: { triggerCharacters: [':', ' '], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Runbook' },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: COMMANDS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'runbook-language-server', version: VERSION },
    };
  });

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      try {
        if (hasDynamicWatch) {
          await connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/.runbook-lint.{json,jsonc,yaml,yml}' }],
          });
        }
        if (hasDynamicConfig) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'runbookLint' });
      } catch (e) {
        log(`runbook-lint: registration failed: ${(e as Error).message}`);
      }
      try {
        await loadSettings();
        watchIfClientCannot();
        await repositories.first(250);
        await reindexAll();
      } finally {
        // Whatever failed was logged by guard(); every request still gets an answer (issue 16).
        resolveReady();
      }
      try {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard('workspace folders', undefined, (e) => {
            const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
            ws.folders = [...ws.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
            watchIfClientCannot();
            return reindexAll();
          }),
        );
      } catch {
        /* the client has no workspace folder support */
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guard('configuration', undefined, async (change) => {
      await ready;
      const before = JSON.stringify(ws.settings);
      if (hasConfiguration) await loadSettings();
      else ws.settings = readSettings(change.settings, initOptions);
      if (JSON.stringify(ws.settings) !== before) {
        await repositories.refresh();
        await reindexAll();
      }
    }),
  );

  documents.onDidOpen((e) => v.schedule(e.document.uri, true));
  documents.onDidChangeContent((e) => {
    const file = uriToPath(e.document.uri);
    if (!file) return;
    v.schedule(e.document.uri, !ws.open.has(file));
  });
  documents.onDidClose(
    guard('close', undefined, async (e) => {
      v.cancel(e.document.uri);
      await ready;
      const file = uriToPath(e.document.uri);
      if (!file || !ws.open.has(file)) return;
      v.forget(file);
      v.publish(ws.closed(file));
    }),
  );

  /**
   * Files changed on disk, as the client's watcher or our own reports them. A large batch (a
   * checkout, `rm -r` of 20,000 receipts) is taken in slices with a turn of the event loop
   * between two, and what it affects is linted a slice at a time: requests are served meanwhile.
   */
  const CHANGES_PER_SLICE = 500;
  const filesChanged = guard('watched files', undefined, async (changes: WatchedChange[]) => {
    await ready;
    if (changes.some((c) => ws.isConfigFile(c.file))) {
      await reindexAll();
      return;
    }
    for (let at = 0; at < changes.length; at += CHANGES_PER_SLICE) {
      if (at) await new Promise<void>((r) => setImmediate(r));
      const slice = changes.slice(at, at + CHANGES_PER_SLICE);
      const deleted = slice.filter((c) => c.type === FileChangeType.Deleted).map((c) => c.file);
      const changed = slice.filter((c) => c.type !== FileChangeType.Deleted && /\.md$/i.test(c.file)).map((c) => c.file);
      const affected = [...(deleted.length ? ws.diskDeleted(deleted) : []), ...(changed.length ? ws.diskChanged(changed) : [])];
      v.later(affected);
    }
  });
  connection.onDidChangeWatchedFiles((params) => filesChanged(params.changes.flatMap((c) => (uriToPath(c.uri) ? [{ file: uriToPath(c.uri)!, type: c.type }] : []))));
  // A client that cannot watch files for us (no dynamic registration: Neovim 0.7): our own watcher.
  let ownWatcher: FolderWatch | undefined;
  function watchIfClientCannot(): void {
    if (hasDynamicWatch) return;
    void ownWatcher?.close();
    ownWatcher = watchFolders(ws.folders, (changes) => void filesChanged(changes), log);
  }
  ws.onRootListed = (root) => ownWatcher?.add(root);

  // ---------------------------------------------------------------- features

  connection.onCodeAction(
    guard('code actions', [], async (params) => {
      const file = await v.fresh(params.textDocument.uri);
      if (!file) return [];
      const doc = documents.get(params.textDocument.uri);
      return codeActions(
        {
          project: ws.project,
          file,
          uri: params.textDocument.uri,
          version: doc ? doc.version : null,
          today: ws.today(),
          canCreateFiles,
          findings: v.findingsOf(file),
        },
        params,
      );
    }),
  );

  connection.onCompletion(
    guard('completion', [], async (params) => {
      await ready;
      const path0 = uriToPath(params.textDocument.uri);
      if (!path0 || ws.classify(path0) !== 'receipt') return [];
      const file = await v.fresh(params.textDocument.uri);
      const model = file && ws.project.model(file);
      if (!model || model.kind !== 'receipt') return [];
      return completions(ws.project, model, params.position, ws.today());
    }),
  );

  connection.onHover(
    guard('hover', null, async (params) => {
      const file = await v.fresh(params.textDocument.uri);
      if (!file) return null;
      return hover(ws.project, file, params.position, v.findingsOf(file), ws.today());
    }),
  );

  connection.onDocumentSymbol(
    guard('symbols', [], async (params) => {
      const file = await v.fresh(params.textDocument.uri);
      const model = file && ws.project.model(file);
      return model ? documentSymbols(model) : [];
    }),
  );

  connection.onCodeLens(
    guard('code lens', [], async (params) => {
      const file = await v.fresh(params.textDocument.uri);
      const model = file && ws.project.model(file);
      if (!model || model.kind !== 'runbook') return [];
      return codeLenses(ws.project, model, params.textDocument.uri, ws.today());
    }),
  );

  // ---------------------------------------------------------------- commands

  const execute = createCommands({ connection, ws, v, log, indexed, client: () => ({ canCreateFiles, canShowDocument }) });
  // A command that cannot run says why to the client (Neovim and Emacs show it), never a silent null.
  connection.onExecuteCommand(async (params) => {
    await ready;
    try {
      return await execute(params);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`runbook-lint: command ${params.command} failed: ${(e as Error).stack ?? e}`);
      throw new ResponseError(ErrorCodes.InternalError, `runbook-lint: ${(e as Error).message ?? e}`);
    }
  });

  documents.onDidSave(() => void repositories.refresh());
  connection.onShutdown(async () => {
    v.cancel();
    repositories.stop();
    await ownWatcher?.close();
  });

  documents.listen(connection);
  return { workspace: ws, report };
}
