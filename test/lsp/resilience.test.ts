// Issue 6, server resilience: malformed JSON-RPC, unknown methods, requests for documents
// the server never saw, a burst of 1,000 changes, and a rule that throws. The server must
// answer, keep running and keep publishing; the restart after a crash is an e2e test
// (test/e2e/suite/06-server-restart.test.ts) because the extension does the restarting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient, copyWorkspace, serverTestResources, uri, SERVER } from './lspClient';

const TODAY = '2026-05-15';
const { clients, dirs } = serverTestResources();

async function start(env?: Record<string, string>) {
  const dir = copyWorkspace('basic');
  dirs.push(dir);
  const client = await TestClient.start({ folders: [dir], initializationOptions: { today: TODAY }, env });
  clients.push(client);
  const runbook = path.join(dir, 'RUNBOOK.md');
  return { dir, client, runbook, runbookText: fs.readFileSync(runbook, 'utf8') };
}

/** Sends, and sends again, until the answer comes (at most 40 tries). */
async function resend<T>(sendIt: () => void, answer: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    sendIt();
    try {
      return await answer();
    } catch (e) {
      if (i >= 40) throw e;
    }
  }
}

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

function frame(message: unknown): string {
  const body = Buffer.from(JSON.stringify(message));
  return `Content-Length: ${body.length}\r\n\r\n${body}`;
}

interface Wire {
  id?: number;
  method?: string;
  result?: unknown;
  error?: { code: number; message: string };
  params?: { message?: string };
}

/** Reads framed JSON-RPC from the server's stdout. */
function wireReader(stream: NodeJS.ReadableStream): { messages: Wire[]; waitFor(pred: (m: Wire) => boolean, ms?: number): Promise<Wire> } {
  const messages: Wire[] = [];
  let buf = Buffer.alloc(0);
  const waiters: { pred: (m: Wire) => boolean; resolve: (m: Wire) => void }[] = [];
  stream.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const head = buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())?.[1]);
      if (buf.length < head + 4 + len) return;
      const m = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString()) as Wire;
      buf = buf.subarray(head + 4 + len);
      messages.push(m);
      for (const w of waiters.splice(0)) (w.pred(m) ? w.resolve(m) : waiters.push(w));
    }
  });
  return {
    messages,
    waitFor(pred, ms = 8000) {
      const hit = messages.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no such message; got ${JSON.stringify(messages).slice(0, 2000)}`)), ms);
        waiters.push({ pred, resolve: (m) => (clearTimeout(t), resolve(m)) });
      });
    },
  };
}

test('malformed JSON-RPC, unknown methods, bad params and unknown documents: answered, and the server lives', async () => {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  const wire = wireReader(proc.stdout);
  let exited: number | null = null;
  proc.on('exit', (code) => (exited = code ?? -1));
  const send = (s: string) => proc.stdin.write(s);

  send('Content-Length: 9\r\n\r\n{not json'); // not JSON
  send(frame([1, 2])); // JSON, not JSON-RPC
  send(frame({ jsonrpc: '2.0', id: 99 })); // an id and nothing else
  const neither = (m: Wire) => m.method === 'window/logMessage' && /neither a response nor a notification/.test(m.params?.message ?? '');
  await wire.waitFor((m) => neither(m) && /99/.test(m.params!.message!));
  assert.equal(wire.messages.filter(neither).length, 2, 'the two well-formed non-messages are logged');
  // A header block with no Content-Length: the reader drops it and the bytes that came in
  // the same chunk. Send initialize until it is answered (a new chunk resynchronises).
  send('Garbage-Header: 1\r\n\r\n');
  const init = await resend(
    () => send(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })),
    () => wire.waitFor((m) => m.id === 1, 250),
  );
  assert.ok(init.result, JSON.stringify(init));
  send(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));

  send(frame({ jsonrpc: '2.0', id: 2, method: 'no/such/method', params: {} }));
  send(frame({ jsonrpc: '2.0', method: 'no/such/notification', params: {} }));
  const nowhere = 'file:///nowhere/RUNBOOK.md';
  const at = { line: 0, character: 0 };
  send(frame({ jsonrpc: '2.0', id: 3, method: 'textDocument/hover', params: { textDocument: { uri: nowhere }, position: at } }));
  send(frame({ jsonrpc: '2.0', id: 4, method: 'textDocument/codeAction', params: { textDocument: { uri: nowhere }, range: { start: at, end: at }, context: { diagnostics: [] } } }));
  send(frame({ jsonrpc: '2.0', id: 5, method: 'textDocument/completion', params: { textDocument: { uri: nowhere }, position: at } }));
  send(frame({ jsonrpc: '2.0', id: 6, method: 'textDocument/documentSymbol', params: { textDocument: { uri: nowhere } } }));
  send(frame({ jsonrpc: '2.0', id: 7, method: 'textDocument/codeLens', params: { textDocument: { uri: nowhere } } }));
  send(frame({ jsonrpc: '2.0', id: 8, method: 'textDocument/hover', params: 42 })); // params of the wrong shape
  send(frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: nowhere, version: 3 }, contentChanges: [{ text: 'x' }] } }));
  send(frame({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: nowhere } } }));
  send(frame({ jsonrpc: '2.0', id: 9, method: 'workspace/executeCommand', params: { command: 'runbookLint.server.createReceipt', arguments: [{ runbookUri: nowhere, trigger: 'x' }] } }));
  send(frame({ jsonrpc: '2.0', id: 10, method: 'workspace/executeCommand', params: { command: 'no.such.command', arguments: [] } }));

  const unknown = await wire.waitFor((m) => m.id === 2);
  assert.equal(unknown.error?.code, -32601, 'MethodNotFound for an unknown request');
  for (const id of [3, 4, 5, 6, 7, 8, 9, 10]) {
    const r = await wire.waitFor((m) => m.id === id);
    // An answer, empty or an error response, never silence: the client is not left waiting.
    assert.ok('result' in r || r.error, `request ${id}: ${JSON.stringify(r)}`);
    if ('result' in r && r.result !== null) assert.ok(Array.isArray(r.result) || typeof r.result === 'object', `request ${id}: ${JSON.stringify(r)}`);
  }
  assert.equal(exited, null, 'the server is still running');

  // And it still lints: a runbook opened now gets diagnostics.
  const dir = copyWorkspace('basic');
  dirs.push(dir);
  const runbook = uri(path.join(dir, 'RUNBOOK.md'));
  send(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: runbook, languageId: 'markdown', version: 1, text: fs.readFileSync(path.join(dir, 'RUNBOOK.md'), 'utf8') } } }));
  const published = await wire.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri?: string }).uri === runbook);
  assert.ok(((published.params as { diagnostics: unknown[] }).diagnostics).length > 0);

  send(frame({ jsonrpc: '2.0', id: 11, method: 'shutdown' }));
  await wire.waitFor((m) => m.id === 11);
  const code = new Promise<number | null>((r) => proc.once('exit', (c) => r(c)));
  send(frame({ jsonrpc: '2.0', method: 'exit' }));
  assert.equal(await code, 0, 'exit after shutdown is a clean exit');
});

test('a burst of 1,000 changes: only the last version is published, and it is right', async () => {
  const { client, runbook, runbookText } = await start();
  const u = client.open(runbook);
  await client.waitDiagnostics(u, (d) => d.version === 1);
  const mark = client.mark();
  let text = runbookText;
  let last = 1;
  for (let i = 1; i <= 1000; i++) {
    // 40 min → 1..1000 min, ending on 10 min (under the 15 min budget: RB005 goes away).
    const next = runbookText.replace('| 40 min |', `| ${i === 1000 ? 10 : 100 + i} min |`);
    last = client.change(u, next, text);
    text = next;
  }
  assert.equal(last, 1001);
  const p = await client.waitDiagnostics(u, (d) => d.version === last, 20_000);
  assert.ok(!codes(p.diagnostics).includes('RB005'), codes(p.diagnostics).join());
  // One more change, published after anything the burst could still have had in flight.
  const after = client.change(u, runbookText, text);
  const back = await client.waitDiagnostics(u, (d) => d.version === after);
  assert.ok(codes(back.diagnostics).includes('RB005'));
  const versions = client.diagnostics.slice(mark).filter((d) => d.uri === u).map((d) => d.version);
  assert.deepEqual(versions, [1001, 1002], `published versions after the burst: ${versions.join()}`);
});

test('a rule that throws: one log line, one diagnostic naming the rule, the other rules still report', async () => {
  const MARKER = 'FAULT-HERE';
  const { client, runbook, runbookText } = await start({ RUNBOOK_LINT_FAULT: `RB014:${MARKER}` });
  const faulty = runbookText + `\n<!-- ${MARKER} -->\n`;
  const u = client.open(runbook, faulty);
  const p = await client.waitDiagnostics(u, (d) => d.version === 1);
  const rb014 = p.diagnostics.filter((d) => d.code === 'RB014');
  assert.equal(rb014.length, 1, JSON.stringify(rb014));
  assert.match(rb014[0].message, /^Rule RB014 \(\S+\) could not check this file: injected fault \(FAULT-HERE\)\. Please report it; the other rules still ran\.$/);
  assert.deepEqual(codes(p.diagnostics), ['RB005', 'RB014', 'RB021'], 'RB005 and RB021 still report');

  // More edits that still trip the rule: still one log line, not one per keystroke.
  let text = faulty;
  let v = 1;
  for (const n of [30, 20, 40]) {
    const next = text.replace(/\| \d+ min \|/, `| ${n} min |`);
    v = client.change(u, next, text);
    text = next;
  }
  await client.waitDiagnostics(u, (d) => d.version === v);
  const lines = client.logs.join('').split('\n').filter((l) => /rule RB014 .* failed on /.test(l));
  assert.equal(lines.length, 1, client.logs.join(''));
  assert.match(lines[0], /RUNBOOK\.md: Error: injected fault/);

  // Without the marker the rule runs again and finds the real problem.
  v = client.change(u, runbookText, text);
  const healed = await client.waitDiagnostics(u, (d) => d.version === v);
  const real = healed.diagnostics.find((d) => d.code === 'RB014')!;
  assert.doesNotMatch(real.message, /could not check/);
});
