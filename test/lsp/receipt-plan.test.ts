// Issue 10: one way to make a receipt. For the same runbook, `runbook-lint new-receipt`,
// the server's createReceipt command, both code actions (RB021's quick fix, and "Create
// rehearsal receipt for this trigger") and RB021's own fix write the same file: the same
// default trigger (the first a code rollback can answer, here not the first listed), the
// same number, every value YAML-safe (a trigger named "no" is quoted, and reads back as
// the string "no").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { parse } from 'yaml';
import { TestClient, serverTestResources, uri } from './lspClient';
import { runCli } from '../helpers/cli';
import { LintWorkspace } from '../../server/src/lsp/workspace';

const TODAY = '2026-06-01';
const RUNBOOK = [
  '# Runbook: ledger',
  '',
  '## Rollback triggers',
  '',
  '| Trigger | How observed | Timer budget |',
  '|---|---|---|',
  '| Ledger totals drift | nightly reconciliation | do not roll back code alone: data correction |',
  '| no | the health check says no | 4 min |',
  '| Smoke test fails in pipeline | pipeline red | 3 min |',
  '',
].join('\n');
const { clients, dirs } = serverTestResources();

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-plan-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'RUNBOOK.md'), RUNBOOK);
  return dir;
}

const receiptPath = (dir: string, n: string) => path.join(dir, 'library', 'raw', 'rollback-rehearsals', `${n}.md`);

test('new-receipt, the command, the quick fix and RB021 write the same receipt', async () => {
  // The CLI.
  const a = workspace();
  const cli = runCli(['new-receipt', '.', '--today', TODAY], a);
  assert.equal(cli.code, 0, cli.stderr);
  assert.equal(cli.stdout.trim(), path.join('library', 'raw', 'rollback-rehearsals', '001.md'));
  const fromCli = fs.readFileSync(receiptPath(a, '001'), 'utf8');

  // RB021's fix, as the engine reports it.
  const b = workspace();
  const ws = new LintWorkspace(() => {});
  ws.settings = { ...ws.settings, today: TODAY };
  ws.folders = [b];
  for (const f of ws.beginReindex([]).toRead) ws.readListed(f);
  const rb021 = ws.project.lint(path.join(b, 'RUNBOOK.md')).find((f) => f.ruleId === 'RB021');
  assert.ok(rb021?.fix?.createFile, 'RB021 offers to create the receipt');
  assert.equal(rb021.fix.createFile.path, receiptPath(b, '001'));
  const fromRule = rb021.fix.createFile.content;

  // The server: the command (writing the file itself) and the code action (an edit).
  const c = workspace();
  const client = await TestClient.start({ folders: [c], initializationOptions: { today: TODAY }, resourceOperations: false });
  clients.push(client);
  const created = await client.request<string>('workspace/executeCommand', { command: 'runbookLint.server.createReceipt', arguments: [{ runbookUri: uri(path.join(c, 'RUNBOOK.md')) }] });
  assert.equal(created, uri(receiptPath(c, '001')));
  const fromCommand = fs.readFileSync(receiptPath(c, '001'), 'utf8');

  const d = workspace();
  const editor = await TestClient.start({ folders: [d], initializationOptions: { today: TODAY } });
  clients.push(editor);
  const u = editor.open(path.join(d, 'RUNBOOK.md'));
  const p = await editor.waitDiagnostics(u, (x) => x.version === 1);
  const diagnostic = p.diagnostics.find((x) => x.code === 'RB021')!;
  const actions = await editor.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  const fix = actions.find((x) => x.kind === 'quickfix' && x.diagnostics?.[0]?.code === 'RB021')!;
  const insert = fix.edit!.documentChanges!.find((x): x is TextDocumentEdit => 'edits' in x)!;
  assert.equal(insert.textDocument.uri, uri(receiptPath(d, '001')));
  const fromAction = insert.edits[0].newText;
  // The other code action: "Create rehearsal receipt for this trigger" on the default trigger's row.
  const row = RUNBOOK.split('\n').findIndex((l) => l.startsWith('| no |'));
  const onRow = await editor.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: row, character: 3 }, end: { line: row, character: 3 } }, context: { diagnostics: [] } });
  const forTrigger = onRow.find((x) => /Create rehearsal receipt for this trigger: no$/.test(x.title))!;
  assert.ok(forTrigger, onRow.map((x) => x.title).join(', '));
  const fromRowAction = forTrigger.edit!.documentChanges!.find((x): x is TextDocumentEdit => 'edits' in x)!.edits[0].newText;

  // One file, whichever way it was made.
  const normal = (s: string, dir: string) => s.split(dir).join('<dir>');
  assert.equal(normal(fromRule, b), normal(fromCli, a));
  assert.equal(normal(fromCommand, c), normal(fromCli, a));
  assert.equal(normal(fromAction, d), normal(fromCli, a));
  assert.equal(normal(fromRowAction, d), normal(fromCli, a));
  const fm = parse(fromCli.split('---')[1]);
  assert.equal(fm.trigger, 'no', 'the default trigger is the first a code rollback answers, written so it reads back as text');
  assert.equal(fm.rehearsal, 1);
  assert.match(fromCli, /^trigger: "no"$/m);
});

test('new-receipt --trigger takes a trigger by its name, or by a part of it', () => {
  const dir = workspace();
  const r = runCli(['new-receipt', '.', '--today', TODAY, '--trigger', 'smoke test'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(fs.readFileSync(receiptPath(dir, '001'), 'utf8'), /^trigger: Smoke test fails in pipeline$/m);
  const none = runCli(['new-receipt', '.', '--today', TODAY, '--trigger', 'nothing like it'], dir);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no trigger "nothing like it"/);
});
