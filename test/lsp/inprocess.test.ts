// Issue 10: the server is a factory (lsp/server.ts createServer), so its features run
// in-process over a stream pair, without spawning a process: diagnostics, hover, code
// lens, symbols, code actions and the commands, on a copy of examples/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { createServer } from '../../server/src/lsp/server';
import { pathToUri } from '../../server/src/lsp/uri';

const REPO = path.resolve(__dirname, '..', '..');
const TODAY = '2026-06-15';

test('the server factory answers in-process: diagnostics, hover, lens, symbols, actions, commands', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-inprocess-'));
  fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
  const runbook = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('RUNBOOK.md'))!;
  const file = path.join(dir, runbook);
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  createServer(serverConnection);
  serverConnection.listen();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  let onPublish = () => {};
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    onPublish();
  });
  client.listen();
  try {
    const init = await client.sendRequest<{ capabilities: { executeCommandProvider?: { commands: string[] } } }>('initialize', {
      processId: null,
      rootUri: pathToUri(dir),
      workspaceFolders: [{ uri: pathToUri(dir), name: 'examples' }],
      initializationOptions: { today: TODAY, debounceMs: 0 },
      // The client watches files (as VS Code does): the factory under test starts no watcher of its own.
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes('runbookLint.server.createReceipt'));
    client.sendNotification('initialized', {});
    const uri = pathToUri(file);
    const text = fs.readFileSync(file, 'utf8');
    const opened = new Promise<PublishDiagnosticsParams>((resolve) => {
      onPublish = () => {
        const p = published.find((x) => x.uri === uri && x.version === 1);
        if (p) resolve(p);
      };
    });
    client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const diagnostics = (await opened).diagnostics;
    assert.ok(diagnostics.length > 0, 'the example runbook has findings');
    const symbols = await client.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
    const lenses = await client.sendRequest<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(lenses.some((l) => /rehearsed|never rehearsed/.test(l.command?.title ?? '')));
    const d = diagnostics[0];
    const h = await client.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    assert.match(h!.contents.value, new RegExp(String(d.code)));
    const fixable = diagnostics.find((x) => (x.data as { fix?: { edits?: unknown[] } } | undefined)?.fix?.edits?.length)!;
    assert.ok(fixable, 'the example has a finding with an edit fix');
    const quick = (ds: typeof diagnostics) =>
      client.sendRequest<{ kind?: string; title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: fixable.range, context: { diagnostics: ds, only: ['quickfix'] } });
    assert.equal((await quick([fixable])).length, 1, 'the fix of the finding the server holds');
    // A diagnostic the server never published for this text (a stale range, a forged fix) gets no fix.
    const moved = { ...fixable, range: { start: { line: fixable.range.start.line + 1, character: 0 }, end: { line: fixable.range.start.line + 1, character: 1 } } };
    assert.equal((await quick([moved])).length, 0, 'no fix from a range the client echoed back');
    const list = await client.sendRequest<{ triggers: { name: string }[] }[]>('workspace/executeCommand', { command: 'runbookLint.server.listTriggers', arguments: [{ runbookUri: uri }] });
    assert.equal(list.length, 1);
    assert.ok(list[0].triggers.length > 0);
  } finally {
    client.dispose();
    serverConnection.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
