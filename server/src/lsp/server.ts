// runbook-language-server: the engine behind LSP. Started with --stdio by any client,
// or over IPC by the VS Code extension (createConnection reads the transport from argv).
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../model/text';
import { createReceipt as createReceiptFile } from '../engine/files';
import type { Finding } from '../model/types';
import type { ReceiptModel } from '../model/receipt';
import type { RunbookModel } from '../model/runbook';
import { LintWorkspace } from './workspace';
import { indexingBegan, indexingEnded } from './memory';
import { readSettings } from './settings';
import { toDiagnostic } from './diagnostics';
import { codeActions, CREATE_RECEIPT_KIND, FIX_ALL_KIND, NEW_RECEIPT_KIND } from './actions';
import { CREATE_RECEIPT_COMMAND, LIST_TRIGGERS_COMMAND, SHOW_RECEIPT_COMMAND, type ReceiptArgs } from './protocol';
import { listTriggers, plannedReceipt, receiptEdit, type PlannedReceipt } from './receipts';
import { triggerAskedFor } from '../model/scaffold';
import { completions } from './completion';
import { hover } from './hover';
import { documentSymbols } from './symbols';
import { codeLenses } from './lens';
import { pathToUri, uriToPath } from './uri';

declare const RUNBOOK_LINT_VERSION: string | undefined;
const VERSION = typeof RUNBOOK_LINT_VERSION === 'string' ? RUNBOOK_LINT_VERSION : '0.0.0-dev';

if (!process.argv.some((a) => /^--(?:stdio|node-ipc|socket|pipe)\b/.test(a)) && !process.argv.includes('--clientProcessId')) {
  process.argv.push('--stdio');
}

const connection = createConnection(ProposedFeatures.all);
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
process.on('uncaughtException', (e) => report('uncaught', e));
process.on('unhandledRejection', (e) => report('unhandled rejection', e));

// ---------------------------------------------------------------- diagnostics

/** The URI each file's diagnostics were last published under, and whether any were. */
const published = new Map<string, { uri: string; count: number }>();
/** Findings of the text the project holds, per file, for actions and hover. */
const lastFindings = new Map<string, Finding[]>();

function findingsOf(file: string): Finding[] {
  let f = lastFindings.get(file);
  if (!f) {
    f = ws.project.has(file) ? ws.project.lint(file) : [];
    lastFindings.set(file, f);
  }
  return f;
}

/** While the index is under way, closed files are published by it, once, at its end. */
let deferred: Set<string> | undefined;

const sameFindings = (a: Finding[] | undefined, b: Finding[]) =>
  !!a && a.length === b.length && a.every((f, i) => f.ruleId === b[i].ruleId && f.message === b[i].message && f.span.start === b[i].span.start && f.span.end === b[i].span.end && f.severity === b[i].severity);

/**
 * Lint and publish. `now`: publish a closed file even while the index is under way;
 * `ifChanged`: not when the findings are those last published (an open document the index
 * completed is published again only if its receipts changed something).
 */
function publish(files: Iterable<string>, now = false, ifChanged = false): void {
  for (const file of new Set(files)) {
    try {
      const open = ws.open.get(file);
      if (deferred && !now && !open) {
        deferred.add(file);
        continue;
      }
      if (open) {
        const doc = documents.get(open.uri);
        // A newer text is waiting for its debounce: its own lint publishes; never a stale one.
        if (doc && doc.version !== open.version) {
          lastFindings.delete(file);
          continue;
        }
      }
      const model = ws.project.model(file);
      const findings = model ? ws.project.lint(file) : [];
      const unchanged = ifChanged && published.has(file) && sameFindings(lastFindings.get(file), findings);
      lastFindings.set(file, findings);
      if (unchanged) continue;
      const diagnostics = model ? findings.map((f) => toDiagnostic(f, model.lines)) : [];
      const uri = open?.uri ?? pathToUri(file);
      const prev = published.get(file);
      if (prev && prev.uri !== uri && prev.count) connection.sendDiagnostics({ uri: prev.uri, diagnostics: [] });
      if (!open && !diagnostics.length && !(prev && prev.uri === uri && prev.count)) {
        published.delete(file);
        continue;
      }
      connection.sendDiagnostics({ uri, version: open?.version, diagnostics });
      if (diagnostics.length || open) published.set(file, { uri, count: diagnostics.length });
      else published.delete(file);
    } catch (e) {
      log(`runbook-lint: linting ${file} failed: ${(e as Error).stack ?? e}`);
    }
  }
}

const configPublished = new Set<string>();
function publishConfigProblems(): void {
  const byFile = new Map<string, Diagnostic[]>();
  for (const p of ws.configProblems()) {
    let range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (p.span) {
      try {
        const lines = new LineIndex(fs.readFileSync(p.file, 'utf8'));
        range = { start: lines.position(p.span.start), end: lines.position(p.span.end) };
      } catch {
        /* keep line 1 */
      }
    }
    const list = byFile.get(p.file) ?? [];
    list.push({ range, severity: DiagnosticSeverity.Error, source: 'runbook-lint', message: p.message });
    byFile.set(p.file, list);
  }
  for (const file of configPublished) if (!byFile.has(file)) connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: [] });
  configPublished.clear();
  for (const [file, diagnostics] of byFile) {
    if (!path.isAbsolute(file)) continue;
    configPublished.add(file);
    connection.sendDiagnostics({ uri: pathToUri(file), diagnostics });
  }
}

const timers = new Map<string, NodeJS.Timeout>();

/** Lint an open document now: its text into the project, then it and its dependents. */
function flush(uri: string): void {
  const t = timers.get(uri);
  if (t) clearTimeout(t);
  timers.delete(uri);
  const doc = documents.get(uri);
  const file = uriToPath(uri);
  if (!doc || !file) return;
  const kind = ws.classify(file);
  if (!kind) {
    if (ws.open.has(file)) publish(ws.closed(file));
    return;
  }
  const known = ws.open.get(file);
  if (known && known.version === doc.version && ws.project.textOf(file) === doc.getText()) return;
  ws.open.set(file, { uri, version: doc.version });
  // Opened while the index is under way: what it is linted with is read first, the rest can wait.
  ws.readInputsOf(file);
  publish(ws.update(file, doc.getText(), kind));
}

function schedule(uri: string, immediate: boolean): void {
  const prev = timers.get(uri);
  if (prev) clearTimeout(prev);
  const delay = immediate ? 0 : ws.settings.debounceMs;
  timers.set(
    uri,
    setTimeout(() => {
      void ready.then(() => {
        try {
          flush(uri);
        } catch (e) {
          log(`runbook-lint: lint of ${uri} failed: ${(e as Error).stack ?? e}`);
        }
      });
    }, delay),
  );
}

/** Before answering a request: the project holds the document's latest text. */
async function fresh(uri: string): Promise<string | undefined> {
  await ready;
  const file = uriToPath(uri);
  if (!file) return undefined;
  const doc = documents.get(uri);
  if (doc && (timers.has(uri) || ws.open.get(file)?.version !== doc.version)) flush(uri);
  return ws.project.has(file) ? file : undefined;
}

function openDocs() {
  return documents
    .all()
    .map((d) => ({ file: uriToPath(d.uri)!, uri: d.uri, version: d.version, text: d.getText() }))
    .filter((d) => d.file);
}

/** A slice of background work holds the event loop for at most this long. */
const SLICE_MS = 15;
let indexRun = 0;
const nextTurn = () => new Promise<void>((r) => setImmediate(r));
const indexWaiters: (() => void)[] = [];
/** For what needs the whole workspace (the triggers of every runbook, the next receipt number): the index complete. */
function indexed(): Promise<void> {
  return deferred ? new Promise((r) => indexWaiters.push(r)) : Promise.resolve();
}

/**
 * Forget the index and build it again. The open documents and the files they are linted
 * with come first and are published at once; the rest of the workspace is read and
 * published in slices of SLICE_MS, so a request or an edit arriving meanwhile is served
 * between two slices. Resolves when the open documents are published.
 */
async function reindexAll(): Promise<void> {
  const run = ++indexRun;
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
  lastFindings.clear();
  indexingBegan();
  const { before, toRead } = ws.beginReindex(openDocs());
  for (const f of ws.open.keys()) ws.readInputsOf(f);
  publish(ws.open.keys(), true);
  publishConfigProblems();
  deferred = new Set(before);
  void indexInBackground(run, toRead).catch((e) => report('indexing', e));
}

/**
 * `step(item)` for each of `items` in slices of SLICE_MS, a turn of the event loop between
 * two; `afterSlice` runs after each (it may add items), `progress(done, total)` at most
 * every 200 ms. False when a newer index run took over.
 */
async function inSlices<T>(run: number, items: T[], step: (item: T) => void, progress: (done: number, total: number) => void, afterSlice = () => {}): Promise<boolean> {
  let done = 0;
  let reported = performance.now();
  while (done < items.length) {
    if (run !== indexRun) return false;
    const sliceEnd = performance.now() + SLICE_MS;
    while (done < items.length && performance.now() < sliceEnd) step(items[done++]);
    afterSlice();
    if (performance.now() - reported > 200) {
      reported = performance.now();
      progress(done, items.length);
    }
    await nextTurn();
  }
  return run === indexRun;
}

async function indexInBackground(run: number, toRead: string[]): Promise<void> {
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  const count = (n: number) => n.toLocaleString('en-US');
  progress?.begin('Runbook Lint', 0, `Indexing rehearsal receipts 0/${count(toRead.length)}`, false);
  try {
    const read = await inSlices(run, toRead, (f) => ws.readListed(f), (done, total) => progress?.report(Math.round((50 * done) / total), `Indexing rehearsal receipts ${count(done)}/${count(total)}`));
    if (!read) return;
    // Everything read: publish every file once (the open ones again: their inputs are complete now).
    const queue = [...new Set([...ws.project.files().sort(), ...deferred!])];
    deferred!.clear();
    const linted = await inSlices(
      run,
      queue,
      (f) => publish([f], true, true),
      (done, total) => progress?.report(50 + Math.round((50 * done) / total), `Linting ${count(done)}/${count(total)} files`),
      () => {
        // Files an edit touched meanwhile go to the end of the queue.
        for (const f of deferred!) queue.push(f);
        deferred!.clear();
      },
    );
    if (!linted) return;
    deferred = undefined;
    indexingEnded();
    for (const w of indexWaiters.splice(0)) w();
    // Lenses drawn during the index counted only the receipts read by then.
    if (canRefreshLenses) connection.sendRequest('workspace/codeLens/refresh').catch((e) => log(`runbook-lint: code lens refresh failed: ${(e as Error).message}`));
  } finally {
    progress?.done();
  }
}

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
      executeCommandProvider: { commands: [CREATE_RECEIPT_COMMAND, LIST_TRIGGERS_COMMAND, SHOW_RECEIPT_COMMAND] },
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
    await loadSettings();
    await reindexAll();
    resolveReady();
    try {
      connection.workspace.onDidChangeWorkspaceFolders(
        guard('workspace folders', undefined, (e) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          ws.folders = [...ws.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
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
    if (JSON.stringify(ws.settings) !== before) await reindexAll();
  }),
);

documents.onDidOpen((e) => schedule(e.document.uri, true));
documents.onDidChangeContent((e) => {
  const file = uriToPath(e.document.uri);
  if (!file) return;
  schedule(e.document.uri, !ws.open.has(file));
});
documents.onDidClose(
  guard('close', undefined, async (e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    await ready;
    const file = uriToPath(e.document.uri);
    if (!file || !ws.open.has(file)) return;
    lastFindings.delete(file);
    publish(ws.closed(file));
  }),
);

connection.onDidChangeWatchedFiles(
  guard('watched files', undefined, async (params) => {
    await ready;
    let configChanged = false;
    const affected = new Set<string>();
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      if (ws.isConfigFile(file)) {
        configChanged = true;
        continue;
      }
      const files = change.type === FileChangeType.Deleted ? ws.diskDeleted(file) : /\.md$/i.test(file) ? ws.diskChanged(file) : [];
      for (const f of files) affected.add(f);
    }
    if (configChanged) await reindexAll();
    else publish(affected);
  }),
);

// ---------------------------------------------------------------- features

connection.onCodeAction(
  guard('code actions', [], async (params) => {
    const file = await fresh(params.textDocument.uri);
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
        findings: findingsOf(file),
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
    const file = await fresh(params.textDocument.uri);
    const model = file && ws.project.model(file);
    if (!model || model.kind !== 'receipt') return [];
    return completions(ws.project, model, params.position, ws.today());
  }),
);

connection.onHover(
  guard('hover', null, async (params) => {
    const file = await fresh(params.textDocument.uri);
    if (!file) return null;
    return hover(ws.project, file, params.position, findingsOf(file), ws.today());
  }),
);

connection.onDocumentSymbol(
  guard('symbols', [], async (params) => {
    const file = await fresh(params.textDocument.uri);
    const model = file && ws.project.model(file);
    return model ? documentSymbols(model) : [];
  }),
);

connection.onCodeLens(
  guard('code lens', [], async (params) => {
    const file = await fresh(params.textDocument.uri);
    const model = file && ws.project.model(file);
    if (!model || model.kind !== 'runbook') return [];
    return codeLenses(ws.project, model, params.textDocument.uri, ws.today());
  }),
);

// ---------------------------------------------------------------- commands


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
  if (args?.runbookUri) await fresh(args.runbookUri);
  const runbook = runbookFor(args?.runbookUri);
  if (!runbook) throw new Error(`no runbook for ${args?.runbookUri ?? 'this workspace'}`);
  const trigger = triggerAskedFor(runbook, args?.trigger);
  if (args?.trigger && !trigger) throw new Error(`no trigger "${args.trigger}" in ${relativeName(runbook.path)}`);
  let plan: PlannedReceipt;
  if (canCreateFiles) {
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
  if (!ws.open.has(plan.path)) publish(ws.update(plan.path, plan.content, 'receipt'));
  return plan.uri;
}

connection.onExecuteCommand(
  guard('command', null, async (params) => {
    await ready;
    const args = (params.arguments?.[0] ?? {}) as ReceiptArgs;
    if (params.command === CREATE_RECEIPT_COMMAND) return createReceipt(args);
    if (params.command === SHOW_RECEIPT_COMMAND) {
      const a = params.arguments?.[0] as { uri?: string; selection?: Range } | undefined;
      if (!a?.uri || !canShowDocument) return null;
      const r = await connection.window.showDocument({ uri: a.uri, takeFocus: true, selection: a.selection });
      return r.success;
    }
    if (params.command === LIST_TRIGGERS_COMMAND) {
      await indexed();
      if (args.runbookUri) await fresh(args.runbookUri);
      const runbooks = args.runbookUri ? [runbookFor(args.runbookUri)].filter((r): r is RunbookModel => !!r) : ws.project.runbooks();
      return listTriggers(ws.project, runbooks.sort((a, b) => a.path.localeCompare(b.path)), relativeName);
    }
    return null;
  }),
);

connection.onShutdown(() => {
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
});

documents.listen(connection);
connection.listen();
