// A minimal LSP client for the tests: spawns `node dist/server.js --stdio`, records
// published diagnostics, answers the server's requests (configuration, registration,
// applyEdit on disk, never overwriting), and waits on notifications with timeouts.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { before, after } from 'node:test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ApplyWorkspaceEditParams,
  type InitializeResult,
  type TextDocumentEdit,
  type CreateFile,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const REPO = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(REPO, 'dist', 'server.js');
export const FIXTURES = path.join(__dirname, 'fixtures');

export function uri(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * For a test file: builds dist/server.js when it is missing, and afterwards stops the
 * clients and removes the folders the tests pushed here.
 */
export function serverTestResources(): { clients: TestClient[]; dirs: string[] } {
  const res = { clients: [] as TestClient[], dirs: [] as string[] };
  before(() => {
    if (!fs.existsSync(SERVER)) execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO });
  });
  after(async () => {
    await Promise.all(res.clients.map((c) => c.stop()));
    for (const d of res.dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  return res;
}

/** A fresh copy of a fixture workspace in a temp dir (real path, so URIs match). */
export function copyWorkspace(name: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lsp-')));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function offsetAt(text: string, pos: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    const c = text[i++];
    if (c === '\n' || (c === '\r' && text[i] !== '\n')) line++;
  }
  return Math.min(text.length, i + pos.character);
}

export function applyTextEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const abs = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  abs.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of abs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * Apply a WorkspaceEdit to disk the way the LSP spec reads CreateFile options (overwrite
 * wins over ignoreIfExists; an existing file with neither fails the edit), checking every
 * CreateFile before touching anything, as an atomic client would.
 */
export function applyWorkspaceEdit(edit: WorkspaceEdit): { applied: boolean; failureReason?: string } {
  const changes = edit.documentChanges ?? [];
  for (const change of changes) {
    if (!('kind' in change)) continue;
    const cf = change as CreateFile;
    if (cf.kind !== 'create') return { applied: false, failureReason: 'unsupported' };
    if (fs.existsSync(fileURLToPath(cf.uri)) && !cf.options?.overwrite && !cf.options?.ignoreIfExists) return { applied: false, failureReason: 'exists' };
  }
  for (const change of changes) {
    if ('kind' in change) {
      const cf = change as CreateFile;
      const file = fileURLToPath(cf.uri);
      if (fs.existsSync(file)) {
        if (cf.options?.overwrite) fs.writeFileSync(file, '');
      } else {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, '', { flag: 'wx' });
      }
    } else {
      const te = change as TextDocumentEdit;
      const file = fileURLToPath(te.textDocument.uri);
      fs.writeFileSync(file, applyTextEdits(fs.readFileSync(file, 'utf8'), te.edits as never));
    }
  }
  return { applied: true };
}

export interface StartOptions {
  folders: string[];
  initializationOptions?: Record<string, unknown>;
  /** Advertise WorkspaceEdit resource operations (create). Default true. */
  resourceOperations?: boolean;
  /** Extra environment for the server process (the fault-injection hook, server/src/lsp/fault.ts). */
  env?: Record<string, string>;
  /** Advertise window.workDoneProgress and code lens refresh, and record `$/progress` and refreshes. Default false. */
  workDoneProgress?: boolean;
  /** Advertise dynamic didChangeWatchedFiles registration (VS Code does; Neovim 0.7 does not). Default true. */
  watchFiles?: boolean;
  /**
   * A capability profile instead of the defaults: 'bare' advertises none of the optional
   * capabilities (no workspace folders, no dynamic registration, no showDocument, no
   * configuration, no resource operations); 'vscode' what VS Code 1.93 advertises for them
   * (showDocument answered with success, and recorded).
   */
  profile?: 'bare' | 'vscode';
}

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  private waiters: { pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  readonly logs: string[] = [];
  /** `window/showMessage` notifications (this client has no window/showDocument, like Neovim 0.7). */
  readonly messages: { type: number; message: string }[] = [];
  /** `$/progress` values, each with how many diagnostics had been published when it came. */
  readonly progress: { kind: string; title?: string; message?: string; diagnosticsBefore: number }[] = [];
  /** URIs the server asked to show (`window/showDocument`, answered only in the 'vscode' profile's spirit: always success). */
  readonly shown: string[] = [];
  /** How many `workspace/codeLens/refresh` requests came (advertised with workDoneProgress). */
  lensRefreshes = 0;
  initializeResult!: InitializeResult;
  /** What workspace/configuration answers for `runbookLint`. */
  settings: Record<string, unknown> | null = null;
  private versions = new Map<string, number>();

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly conn: ProtocolConnection,
  ) {}

  static async start(opts: StartOptions): Promise<TestClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...opts.env } });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const c = new TestClient(proc, conn);
    proc.stderr.on('data', (d) => c.logs.push(String(d)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      c.diagnostics.push(p);
      c.waiters = c.waiters.filter((w) => {
        if (!w.pred(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => c.logs.push(p.message));
    conn.onNotification('window/showMessage', (p: { type: number; message: string }) => c.messages.push(p));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => c.settings));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/codeLens/refresh', () => {
      c.lensRefreshes++;
      return null;
    });
    conn.onNotification('$/progress', (p: { value: { kind: string; title?: string; message?: string } }) => c.progress.push({ ...p.value, diagnosticsBefore: c.diagnostics.length }));
    conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      c.applied.push(p);
      return applyWorkspaceEdit(p.edit);
    });
    conn.listen();
    const ro = opts.resourceOperations ?? opts.profile !== 'bare';
    conn.onRequest('window/showDocument', (p: { uri: string }) => {
      c.shown.push(p.uri);
      return { success: true };
    });
    const profiles = {
      bare: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      vscode: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional' },
          applyEdit: true,
          codeLens: { refreshSupport: true },
          executeCommand: { dynamicRegistration: true },
        },
        window: { workDoneProgress: true, showDocument: { support: true }, showMessage: { messageActionItem: { additionalPropertiesSupport: true } } },
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } }, codeLens: {}, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
    };
    const folders = opts.profile === 'bare' ? [] : opts.folders;
    c.initializeResult = (await conn.sendRequest('initialize', {
      processId: process.pid,
      // No folder: what a client started on a lone file sends (rootUri null).
      rootUri: folders.length ? uri(folders[0]) : null,
      workspaceFolders: folders.length ? folders.map((f) => ({ uri: uri(f), name: path.basename(f) })) : null,
      initializationOptions: opts.initializationOptions,
      capabilities: opts.profile ? profiles[opts.profile] : {
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: opts.watchFiles ?? true },
          workspaceEdit: { documentChanges: true, resourceOperations: ro ? ['create'] : [] },
          applyEdit: true,
          codeLens: { refreshSupport: !!opts.workDoneProgress },
        },
        window: { workDoneProgress: !!opts.workDoneProgress },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } } },
      },
    })) as InitializeResult;
    await conn.sendNotification('initialized', {});
    return c;
  }

  /** The next diagnostics for a URI matching pred (recorded ones first, when `seen` allows). */
  waitDiagnostics(u: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 8000, fromIndex = 0): Promise<PublishDiagnosticsParams> {
    const hit = this.diagnostics.slice(fromIndex).find((p) => p.uri === u && pred(p));
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const w = { pred: (p: PublishDiagnosticsParams) => p.uri === u && pred(p), resolve: (p: PublishDiagnosticsParams) => (clearTimeout(timer), resolve(p)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        reject(new Error(`timed out waiting for diagnostics of ${u}; got ${JSON.stringify(this.diagnostics.filter((p) => p.uri === u).map((p) => ({ v: p.version, codes: p.diagnostics.map((d) => d.code) })))}\n${this.logs.join('')}`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  /** Diagnostics published for a URI after `mark` (an index into `diagnostics`). */
  mark(): number {
    return this.diagnostics.length;
  }

  open(file: string, text = fs.readFileSync(file, 'utf8')): string {
    const u = uri(file);
    this.versions.set(u, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text } });
    return u;
  }

  /** Replace the whole text (as one incremental change over the full range). */
  change(u: string, newText: string, oldText: string): number {
    const v = (this.versions.get(u) ?? 1) + 1;
    this.versions.set(u, v);
    const lines = oldText.split(/\r\n|\r|\n/);
    void this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: u, version: v },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } }, text: newText }],
    });
    return v;
  }

  close(u: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
  }

  watched(changes: { uri: string; type: 1 | 2 | 3 }[]): void {
    void this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 2000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }
}
