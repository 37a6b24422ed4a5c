// Shared by the e2e tests: workspace paths, and waiting on events (never on fixed sleeps).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const DEFAULT_TIMEOUT_MS = 20_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

export function wsUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export const RECEIPTS = ['library', 'raw', 'rollback-rehearsals'];

/** A compact, comparable view of a diagnostic. */
export interface DiagView {
  id: string;
  range: [number, number, number, number];
  severity: string;
  source?: string;
  href?: string;
  message: string;
}

export function view(d: vscode.Diagnostic): DiagView {
  const code = d.code;
  const id = typeof code === 'object' && code ? String(code.value) : String(code ?? '');
  const href = typeof code === 'object' && code ? code.target.toString() : undefined;
  return {
    id,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    severity: vscode.DiagnosticSeverity[d.severity],
    source: d.source,
    href,
    message: d.message,
  };
}

export function ids(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((d) => view(d).id).sort();
}

function describe(uri: vscode.Uri): string {
  const list = vscode.languages.getDiagnostics(uri).map(view);
  return list.length ? list.map((d) => `${d.id} ${d.severity} ${d.range.join(',')}`).join('; ') : '(none)';
}

/**
 * Resolves with the diagnostics of `uri` as soon as `ready` holds for them: checked now and
 * on every onDidChangeDiagnostics for that uri, until the deadline (then a descriptive error).
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ready: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const check = (): boolean => {
      const diags = vscode.languages.getDiagnostics(uri);
      if (!ready(diags)) return false;
      finish();
      resolve(diags);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics of ${vscode.workspace.asRelativePath(uri)}: ${what}; they are: ${describe(uri)}`));
    }, timeoutMs);
    const finish = () => {
      sub.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

/** Diagnostics with these rule ids present and those absent. */
export function hasIds(present: string[], absent: string[] = []): (diags: vscode.Diagnostic[]) => boolean {
  return (diags) => {
    const got = new Set(diags.map((d) => view(d).id));
    return present.every((id) => got.has(id)) && absent.every((id) => !got.has(id));
  };
}

/** Polls `probe` (for states no event reports) until it returns a value, or fails at the deadline. */
export async function poll<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = DEFAULT_TIMEOUT_MS, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Opens the file in an editor and waits for the extension's diagnostics on it (any, or
 * `ready`). The server lints every workspace file from disk at start-up, so diagnostics can
 * be there before the document is open: when this call opens it, it also waits for the
 * publish that follows the open (the server lints the opened text and publishes it).
 */
export async function openWithDiagnostics(
  uri: vscode.Uri,
  ready: (diags: vscode.Diagnostic[]) => boolean = (d) => d.some((x) => x.source === 'runbook-lint'),
): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const wasOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  let published = wasOpen;
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === uri.toString())) published = true;
  });
  try {
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    if (editor.document.languageId !== 'markdown') throw new Error(`${uri.fsPath} opened as ${editor.document.languageId}, not markdown`);
    const diagnostics = await waitForDiagnostics(uri, (d) => published && ready(d), wasOpen ? 'the expected findings' : 'the lint of the opened document');
    return { editor, diagnostics };
  } finally {
    sub.dispose();
  }
}

/** Closes every editor; fails rather than leave a "save changes?" dialog up. */
export async function closeAllEditors(): Promise<void> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled);
  if (dirty.length) throw new Error(`unsaved documents would block closing: ${dirty.map((d) => d.uri.fsPath).join(', ')}`);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

// ---------------------------------------------------------------- runner bridge

let seq = 0;

/** True when the runner (scripts/e2e/run.mjs) answers bridge requests. */
export function hasBridge(): boolean {
  return !!process.env.RUNBOOK_E2E_BRIDGE;
}

/**
 * Asks the runner for something only the page can see: logs the request (the runner reads
 * the extension host's console) and waits for its answer file, by fs.watch plus a slow
 * poll as a safety net, until the deadline.
 */
export function bridge<T>(op: string, args: Record<string, unknown> = {}, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const dir = process.env.RUNBOOK_E2E_BRIDGE;
  if (!dir) return Promise.reject(new Error('no runner bridge (RUNBOOK_E2E_BRIDGE): run through scripts/e2e/run.mjs'));
  const id = `${process.pid}-${++seq}`;
  const file = path.join(dir, `${id}.json`);
  return new Promise<T>((resolve, reject) => {
    let watcher: fs.FSWatcher | undefined;
    let slow: NodeJS.Timeout | undefined;
    let done = false;
    const finish = () => {
      done = true;
      watcher?.close();
      clearInterval(slow);
      clearTimeout(timer);
    };
    const check = () => {
      if (done || !fs.existsSync(file)) return;
      finish();
      const answer = JSON.parse(fs.readFileSync(file, 'utf8')) as { ok: boolean; value?: T; error?: string };
      if (answer.ok) resolve(answer.value as T);
      else reject(new Error(`runner bridge ${op}: ${answer.error}`));
    };
    // The runner's own timeout is timeoutMs; leave it time to report its error first.
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`runner bridge ${op}: no answer within ${timeoutMs + 5_000} ms`));
    }, timeoutMs + 5_000);
    watcher = fs.watch(dir, () => check());
    slow = setInterval(check, 500);
    console.log(`[e2e-bridge] ${JSON.stringify({ id, op, timeoutMs, ...args })}`);
    check();
  });
}

export interface QuickPickState {
  title: string;
  placeholder: string;
  items: string[];
  active?: string;
}

/** Waits until a QuickPick shows (with this title / active item, if given) and returns what it lists. */
export function waitForQuickPick(want: { title?: string; active?: string } = {}, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<QuickPickState> {
  return bridge<QuickPickState>('quickPick', want, timeoutMs);
}

/**
 * Saves and checks what matters: the document ends clean and the disk holds its text.
 * Seen about once in 10 runs, early after start-up: save() resolves false with the document
 * still dirty, and the save lands a moment later. So when save() says false, this waits for
 * onDidSaveTextDocument (or the document turning clean) until the deadline.
 */
export async function saveDocument(doc: vscode.TextDocument, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  const key = doc.uri.toString();
  const rel = vscode.workspace.asRelativePath(doc.uri);
  let sub: vscode.Disposable | undefined;
  const savedEvent = new Promise<void>((resolve) => {
    sub = vscode.workspace.onDidSaveTextDocument((d) => d.uri.toString() === key && resolve());
  });
  try {
    const ok = await doc.save();
    if (!ok && doc.isDirty) {
      console.log(`[e2e] note: save() of ${rel} resolved false with the document dirty; waiting for the save to land`);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        savedEvent,
        new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error(`saving ${rel}: save() resolved false and no save followed within ${timeoutMs} ms`)), timeoutMs))),
      ]).finally(() => clearTimeout(timer));
    }
  } finally {
    sub?.dispose();
  }
  const onDisk = await readText(doc.uri);
  if (doc.isDirty || onDisk !== doc.getText()) {
    throw new Error(`saving ${rel} failed: dirty=${doc.isDirty}, disk ${onDisk === doc.getText() ? 'matches' : 'differs'}`);
  }
}
