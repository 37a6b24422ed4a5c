// Language-server measurements over stdio with a bare JSON-RPC client:
// cold start to first diagnostics, edit -> publishDiagnostics latency, RSS after indexing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const uriOf = (p) => pathToFileURL(p).href;

/** Start the server on a workspace folder; resolves once `initialize` has answered. */
export async function startServer({ serverJs, root, today, debounceMs = 0 }) {
  const t0 = performance.now();
  const flags = [...(process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : []), ...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean)];
  const proc = spawn(process.execPath, [...flags, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const waiters = [];
  const published = [];
  let indexedAt;
  const indexWaiters = [];
  conn.onNotification('$/progress', (p) => {
    if (p.value?.kind !== 'end') return;
    indexedAt = performance.now();
    for (const w of indexWaiters.splice(0)) w(indexedAt);
  });
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = performance.now();
    published.push({ at, uri: p.uri, version: p.version, count: p.diagnostics.length });
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].match(p)) {
        waiters[i].resolve({ at, params: p });
        waiters.splice(i, 1);
      }
    }
  });
  const settings = { runbookLint: { debounceMs, today } };
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => settings.runbookLint));
  conn.onRequest(() => null); // registrations, progress: accept and ignore
  conn.onNotification(() => {}); // logs
  conn.listen();
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const init = conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uriOf(root),
    workspaceFolders: [{ uri: uriOf(root), name: path.basename(root) }],
    initializationOptions: settings,
    // As VS Code: it watches files for the server (a client that cannot gets the server's own watcher, issue 12).
    capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  const result = await Promise.race([init, exited.then((e) => Promise.reject(new Error(`server exited (${e.code ?? e.signal}) before answering initialize: ${stderr}`))), sleep(30000).then(() => Promise.reject(new Error(`no answer to initialize in 30 s: ${stderr}`)))]);
  const initializedAt = performance.now();
  conn.sendNotification('initialized', {});
  return {
    proc,
    conn,
    result,
    startedAt: t0,
    initializedAt,
    published,
    stderr: () => stderr,
    /** Resolves with the time the server's indexing progress ended. */
    indexed() {
      return indexedAt !== undefined ? Promise.resolve(indexedAt) : new Promise((r) => indexWaiters.push(r));
    },
    waitFor(match, timeoutMs = 120000) {
      return new Promise((resolve, reject) => {
        const w = { match, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`no publishDiagnostics in ${timeoutMs} ms`));
          }
        }, timeoutMs).unref();
      });
    },
    open(file, text, version = 1) {
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'markdown', version, text } });
    },
    change(file, version, changes) {
      conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version }, contentChanges: changes });
    },
    /** A request that the server answers only once its initial index is ready. */
    async ready(file) {
      await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(file) } });
    },
    rssKb() {
      const s = fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8');
      const get = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1]);
      return { rss: get('VmRSS'), hwm: get('VmHWM') };
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), sleep(3000)]);
        conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, sleep(3000)]);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill();
      conn.dispose();
    },
  };
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms).unref());
}

/** Cold start: spawn -> initialize -> open the runbook -> its first diagnostics. */
export async function coldStart({ serverJs, root, runbook, today }) {
  const s = await startServer({ serverJs, root, today });
  const text = fs.readFileSync(runbook, 'utf8');
  const uri = uriOf(runbook);
  const got = s.waitFor((p) => p.uri === uri && p.version === 1);
  s.open(runbook, text, 1);
  const { at } = await got;
  const out = { initializeMs: s.initializedAt - s.startedAt, firstDiagnosticsMs: at - s.startedAt };
  await s.stop();
  return out;
}

/**
 * Edit -> publishDiagnostics latency: `edits` edits one after the other (each waits for
 * the diagnostics of its version), after the workspace index has ended. `mode` 'mixed'
 * alternates typing in the prose, deleting it, and changing a budget cell and back;
 * 'budget' only changes the budget cell and back. Stops early at `maxMs`. Returns the
 * latencies and the server's RSS after the edits.
 */
export async function editLatency({ serverJs, root, runbook, today, edits, maxMs = Infinity, minEdits = 20, mode = 'mixed' }) {
  const s = await startServer({ serverJs, root, today });
  let text = fs.readFileSync(runbook, 'utf8');
  const uri = uriOf(runbook);
  const first = s.waitFor((p) => p.uri === uri && p.version === 1);
  s.open(runbook, text, 1);
  await first;
  await s.indexed();
  const lines = text.split('\n');
  const prose = lines.findIndex((l, i) => i > lines.length / 2 && /^[A-Z][a-z]+ [a-z]/.test(l));
  const budgetLine = lines.findIndex((l) => /^\| .* \| \d+ min \|$/.test(l));
  const budgetCol = budgetLine >= 0 ? lines[budgetLine].lastIndexOf(' min |') - 1 : -1;
  const original = budgetLine >= 0 ? lines[budgetLine][budgetCol] : '';
  if (mode === 'budget' && budgetLine < 0) throw new Error(`no budget cell in ${runbook}`);
  const offsetOf = (line, ch) => lines.slice(0, line).reduce((s, l) => s + l.length + 1, 0) + ch;
  const apply = (line, ch, len, insert) => {
    const o = offsetOf(line, ch);
    text = text.slice(0, o) + insert + text.slice(o + len);
    lines[line] = lines[line].slice(0, ch) + insert + lines[line].slice(ch + len);
    return { range: { start: { line, character: ch }, end: { line, character: ch + len } }, text: insert };
  };
  const latencies = [];
  const t0 = performance.now();
  let version = 1;
  for (let i = 0; i < edits; i++) {
    const k = mode === 'budget' ? 2 + (i % 2) : budgetLine >= 0 ? i % 4 : i % 2;
    let change;
    if (k === 0) change = apply(prose, 4, 0, 'x');
    else if (k === 1) change = apply(prose, 4, 1, '');
    else if (k === 2) change = apply(budgetLine, budgetCol, 1, original === '9' ? '8' : '9');
    else change = apply(budgetLine, budgetCol, 1, original);
    version++;
    const v = version;
    const got = s.waitFor((p) => p.uri === uri && p.version === v);
    const sent = performance.now();
    s.change(runbook, v, [change]);
    const { at } = await got;
    latencies.push(at - sent);
    if (latencies.length >= minEdits && performance.now() - t0 > maxMs) break;
  }
  await sleep(300);
  const mem = s.rssKb();
  await s.stop();
  return { latencies, rssKb: mem.rss, hwmKb: mem.hwm };
}

/**
 * A runbook opened as the server starts on a large workspace: didOpen right after
 * `initialized`, the time to the runbook's first diagnostics (from didOpen), the time to
 * the end of the index (from initialize), and the RSS once the index has ended.
 */
export async function openWhileIndexing({ serverJs, root, runbook, today }) {
  const s = await startServer({ serverJs, root, today });
  const uri = uriOf(runbook);
  const got = s.waitFor((p) => p.uri === uri && p.version === 1);
  const opened = performance.now();
  s.open(runbook, fs.readFileSync(runbook, 'utf8'), 1);
  const { at } = await got;
  const indexedAt = await s.indexed();
  await sleep(500);
  const mem = s.rssKb();
  await s.stop();
  return { firstDiagnosticsMs: at - opened, indexedMs: indexedAt - s.startedAt, rssKb: mem.rss, hwmKb: mem.hwm, published: s.published.length };
}

/** Index a workspace (no document open), then read the server's RSS. */
export async function indexRss({ serverJs, root, probe, today }) {
  const s = await startServer({ serverJs, root, today });
  await s.ready(probe);
  const indexedMs = (await s.indexed()) - s.startedAt;
  // Let the diagnostics of the index drain, then read.
  await sleep(500);
  const mem = s.rssKb();
  const out = { indexedMs, rssKb: mem.rss, hwmKb: mem.hwm, published: s.published.length };
  await s.stop();
  return out;
}
