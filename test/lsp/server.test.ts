// The language server over stdio: diagnostics, versions, watched files, code actions,
// completion, hover, symbols, code lens and the receipt command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, CreateFile, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { fileURLToPath } from 'node:url';
import { TestClient, copyWorkspace, serverTestResources, uri, FIXTURES, applyTextEdits, applyWorkspaceEdit } from './lspClient';

const TODAY = '2026-05-15';
const RECEIPT = fs.readFileSync(path.join(FIXTURES, 'receipt-001.md.txt'), 'utf8');
const { clients, dirs } = serverTestResources();

async function start(opts: { receipt?: boolean; initializationOptions?: Record<string, unknown>; resourceOperations?: boolean } = {}) {
  const dir = copyWorkspace('basic');
  dirs.push(dir);
  const receiptDir = path.join(dir, 'library', 'raw', 'rollback-rehearsals');
  if (opts.receipt) {
    fs.mkdirSync(receiptDir, { recursive: true });
    fs.writeFileSync(path.join(receiptDir, '001.md'), RECEIPT);
  }
  const client = await TestClient.start({ folders: [dir], initializationOptions: { today: TODAY, ...opts.initializationOptions }, resourceOperations: opts.resourceOperations });
  clients.push(client);
  const runbook = path.join(dir, 'RUNBOOK.md');
  return { dir, client, runbook, receiptDir, runbookText: fs.readFileSync(runbook, 'utf8') };
}

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

test('initialize: incremental sync and every feature the editor uses', async () => {
  const { client } = await start();
  const r = client.initializeResult;
  assert.equal(r.serverInfo?.name, 'runbook-language-server');
  const caps = r.capabilities;
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
  const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
  for (const k of ['quickfix', 'source.fixAll.runbook-lint']) assert.ok(kinds.includes(k), kinds.join());
  assert.ok(caps.completionProvider && caps.hoverProvider && caps.documentSymbolProvider && caps.codeLensProvider);
  assert.ok(caps.executeCommandProvider!.commands.includes('runbookLint.server.createReceipt'));
  assert.equal(caps.workspace?.workspaceFolders?.supported, true);
});

test('an open runbook gets diagnostics with rule code, docs link, exact range, version', async () => {
  const { client, runbook } = await start();
  const notes = client.open(path.join(path.dirname(runbook), 'docs', 'notes.md'));
  const u = client.open(runbook);
  const p = await client.waitDiagnostics(u, (d) => d.version === 1);
  assert.deepEqual(codes(p.diagnostics), ['RB005', 'RB014', 'RB021']);
  const rb005 = p.diagnostics.find((d) => d.code === 'RB005')!;
  assert.equal(rb005.source, 'runbook-lint');
  assert.equal(rb005.severity, 2);
  assert.deepEqual(rb005.range, { start: { line: 11, character: 62 }, end: { line: 11, character: 68 } });
  assert.match(rb005.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/RB005\.md$/);
  assert.ok(fs.existsSync(fileURLToPath(rb005.codeDescription!.href)), 'the docs page exists');
  const rb014 = p.diagnostics.find((d) => d.code === 'RB014')!;
  assert.equal(rb014.severity, 1);
  assert.ok((rb014.data as { fix?: { edits?: unknown[] } }).fix?.edits?.length, 'the fix travels in data');
  // Markdown outside the globs is left alone.
  assert.equal(client.diagnostics.filter((d) => d.uri === notes).length, 0);
});

test('only the latest version is published after quick edits', async () => {
  const { client, runbook, runbookText } = await start();
  const u = client.open(runbook);
  await client.waitDiagnostics(u, (d) => d.version === 1);
  const v2Text = runbookText.replace('| 40 min |', '| 30 min |');
  const v3Text = runbookText.replace('| 40 min |', '| 10 min |');
  client.change(u, v2Text, runbookText);
  const v3 = client.change(u, v3Text, v2Text);
  const p = await client.waitDiagnostics(u, (d) => d.version === v3);
  assert.ok(!codes(p.diagnostics).includes('RB005'), 'RB005 gone at 10 min');
  assert.equal(client.diagnostics.filter((d) => d.uri === u && d.version === 2).length, 0, 'version 2 never published');
});

test('debounce 0 works (setting via initializationOptions)', async () => {
  const { client, runbook, runbookText } = await start({ initializationOptions: { debounceMs: 0 } });
  const u = client.open(runbook);
  await client.waitDiagnostics(u, (d) => d.version === 1);
  const v = client.change(u, runbookText.replace('| 40 min |', '| 10 min |'), runbookText);
  const p = await client.waitDiagnostics(u, (d) => d.version === v);
  assert.ok(!codes(p.diagnostics).includes('RB005'));
});

test('closed files are indexed: a receipt on disk is linted without opening it', async () => {
  const { client, receiptDir, runbook } = await start({ receipt: true });
  fs.writeFileSync(path.join(receiptDir, '002.md'), RECEIPT.replace('rehearsal: 1', 'rehearsal: 2').replace('total_minutes: 3', 'total_minutes: 9'));
  client.watched([{ uri: uri(path.join(receiptDir, '002.md')), type: 1 }]);
  const p = await client.waitDiagnostics(uri(path.join(receiptDir, '002.md')));
  assert.equal(p.version, undefined);
  assert.ok(codes(p.diagnostics).includes('RR005'), 'timer mismatch');
  const u = client.open(runbook);
  const rb = await client.waitDiagnostics(u, (d) => d.version === 1);
  assert.ok(!codes(rb.diagnostics).includes('RB021'), 'rehearsed: no RB021');
});

test('a receipt created or deleted on disk re-lints the runbook', async () => {
  const { client, runbook, receiptDir } = await start();
  const u = client.open(runbook);
  await client.waitDiagnostics(u, (d) => d.version === 1 && codes(d.diagnostics).includes('RB021'));
  const file = path.join(receiptDir, '001.md');
  fs.mkdirSync(receiptDir, { recursive: true });
  fs.writeFileSync(file, RECEIPT);
  let mark = client.mark();
  client.watched([{ uri: uri(file), type: 1 }]);
  await client.waitDiagnostics(u, (d) => !codes(d.diagnostics).includes('RB021'), 8000, mark);
  fs.rmSync(file);
  mark = client.mark();
  client.watched([{ uri: uri(file), type: 3 }]);
  await client.waitDiagnostics(u, (d) => codes(d.diagnostics).includes('RB021'), 8000, mark);
});

test('a runbook edited on disk re-lints its closed receipts', async () => {
  const { client, runbook, runbookText, receiptDir } = await start({ receipt: true });
  const ru = uri(path.join(receiptDir, '001.md'));
  // Ask once so indexing is done, then edit the closed runbook on disk: the trigger is renamed.
  await client.request('workspace/executeCommand', { command: 'runbookLint.server.listTriggers', arguments: [{}] });
  assert.ok(!client.diagnostics.some((p) => p.uri === ru && codes(p.diagnostics).includes('RR008')));
  fs.writeFileSync(runbook, runbookText.replace('| Smoke test fails in pipeline |', '| Canary health check fails |'));
  let mark = client.mark();
  client.watched([{ uri: uri(runbook), type: 2 }]);
  const p = await client.waitDiagnostics(ru, (d) => codes(d.diagnostics).includes('RR008'), 8000, mark);
  assert.equal(p.version, undefined, 'a closed file');
  fs.writeFileSync(runbook, runbookText);
  mark = client.mark();
  client.watched([{ uri: uri(runbook), type: 2 }]);
  await client.waitDiagnostics(ru, (d) => !codes(d.diagnostics).includes('RR008'), 8000, mark);
});

test('typing in a runbook\'s prose does not re-lint its receipts; changing a budget they read does', async () => {
  const { client, runbook, runbookText, receiptDir } = await start({ receipt: true });
  const ru = uri(path.join(receiptDir, '001.md'));
  const u = client.open(runbook);
  await client.waitDiagnostics(u, (d) => d.version === 1);
  // 3 min budget -> 2 min: the receipt's 3 minutes are over it (RR011), so it is published.
  const tight = runbookText.replace('| pipeline red on deploy job | 3 min |', '| pipeline red on deploy job | 2 min |');
  let mark = client.mark();
  client.change(u, tight, runbookText);
  await client.waitDiagnostics(ru, (d) => codes(d.diagnostics).includes('RR011'), 8000, mark);
  mark = client.mark();
  const prose = tight + '\nA sentence typed at the end.\n';
  const v3 = client.change(u, prose, tight);
  await client.waitDiagnostics(u, (d) => d.version === v3, 8000, mark);
  // Back to 3 min: RR011 goes, and that is the receipt's only publish since the prose edit.
  client.change(u, prose.replace('| 2 min |', '| 3 min |'), prose);
  await client.waitDiagnostics(ru, (d) => !codes(d.diagnostics).includes('RR011'), 8000, mark);
  assert.equal(client.diagnostics.slice(mark).filter((d) => d.uri === ru).length, 1, 'the receipt is published for the budget change only');
});

test('code actions: quick fix, fix all, create receipt for a trigger, new receipt', async () => {
  const { client, runbook, runbookText } = await start();
  const u = client.open(runbook);
  const p = await client.waitDiagnostics(u, (d) => d.version === 1);
  const rb014 = p.diagnostics.find((d) => d.code === 'RB014')!;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: rb014.range, context: { diagnostics: [rb014] } });
  // Issue 14: the compensating action is the team's decision: a suggestion to confirm, not a preferred fix.
  const fix = actions.find((a) => a.kind === 'quickfix.runbook-lint.confirm')!;
  assert.ok(fix, 'a quick fix');
  assert.equal(fix.isPreferred, undefined);
  const edit = fix.edit!.documentChanges![0] as TextDocumentEdit;
  const fixed = applyTextEdits(runbookText, edit.edits as never);
  assert.match(fixed.split('\n')[31], /\| TODO\(confirm\): void or refund the charge \|/);
  // VS Code's "apply the first fix of this kind" asks for the kind alone.
  const only = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: rb014.range, context: { diagnostics: [rb014], only: ['quickfix.runbook-lint.confirm'] } });
  assert.deepEqual(only.map((a) => a.title), [fix.title]);

  const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
  // Issue 14: the only fix here chooses a compensating action, which only the team can decide: a quick fix, never Fix all.
  assert.equal(fixAll.length, 0, JSON.stringify(fixAll.map((a) => a.title)));

  const onRow = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 10, character: 3 }, end: { line: 10, character: 3 } }, context: { diagnostics: [] } });
  const create = onRow.find((a) => /Create rehearsal receipt for this trigger/.test(a.title))!;
  assert.ok(create, JSON.stringify(onRow.map((a) => a.title)));
  const [cf, te] = create.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
  assert.equal(cf.kind, 'create');
  assert.notEqual(cf.options?.overwrite, true);
  assert.match(cf.uri, /library\/raw\/rollback-rehearsals\/001\.md$/);
  assert.match((te.edits[0] as { newText: string }).newText, /trigger: Smoke test fails in pipeline/);
  assert.ok(onRow.some((a) => a.kind === 'source.runbook-lint.newReceipt'));

  const rb021 = p.diagnostics.find((d) => d.code === 'RB021')!;
  const never = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: rb021.range, context: { diagnostics: [rb021], only: ['quickfix'] } });
  assert.ok(never.some((a) => a.kind === 'quickfix' && (a.edit?.documentChanges?.[0] as CreateFile)?.kind === 'create'), 'RB021 creates a receipt');

  // Unknown documents are not an error.
  assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere/RUNBOOK.md' }, range: rb014.range, context: { diagnostics: [] } }), []);
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/RUNBOOK.md' }, position: { line: 0, character: 0 } }), null);
});

test('the receipt command never overwrites: it takes the next free number', async () => {
  const { client, runbook, receiptDir } = await start({ receipt: true });
  // 002.md appears on disk without the server being told.
  fs.writeFileSync(path.join(receiptDir, '002.md'), 'someone else was here\n');
  const created = await client.request<string>('workspace/executeCommand', { command: 'runbookLint.server.createReceipt', arguments: [{ runbookUri: uri(runbook), trigger: 'Smoke test fails in pipeline' }] });
  assert.match(created, /\/003\.md$/);
  assert.equal(fs.readFileSync(path.join(receiptDir, '002.md'), 'utf8'), 'someone else was here\n');
  const text = fs.readFileSync(path.join(receiptDir, '003.md'), 'utf8');
  assert.match(text, /^---\nrehearsal: 3\n/);
  assert.match(text, /trigger: Smoke test fails in pipeline/);
  assert.match(text, /budget_minutes: 3/);
  const list = await client.request<{ triggers: { name: string; budgetMinutes?: number }[] }[]>('workspace/executeCommand', { command: 'runbookLint.server.listTriggers', arguments: [{}] });
  assert.equal(list.length, 1);
  assert.deepEqual(list[0].triggers.slice(0, 2).map((t) => [t.name, t.budgetMinutes]), [['5xx rate > 5% for 2 minutes post-deploy', 5], ['Smoke test fails in pipeline', 3]]);
});

test('the receipt command without resource operations creates the file itself', async () => {
  const { client, runbook, receiptDir } = await start({ receipt: true, resourceOperations: false });
  const created = await client.request<string>('workspace/executeCommand', { command: 'runbookLint.server.createReceipt', arguments: [{ runbookUri: uri(runbook) }] });
  assert.match(created, /\/002\.md$/);
  assert.ok(fs.existsSync(path.join(receiptDir, '002.md')));
  assert.equal(client.applied.length, 0);
});

test(
  'a receipt code action applied after the file appeared fails and leaves the file alone',
  async () => {
    const { client, runbook, receiptDir } = await start();
    const u = client.open(runbook);
    await client.waitDiagnostics(u, (d) => d.version === 1);
    const onRow = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 10, character: 3 }, end: { line: 10, character: 3 } }, context: { diagnostics: [] } });
    const create = onRow.find((a) => /Create rehearsal receipt for this trigger/.test(a.title))!;
    // Someone else writes 001.md between the menu showing and the click.
    fs.mkdirSync(receiptDir, { recursive: true });
    fs.writeFileSync(path.join(receiptDir, '001.md'), 'someone else was here\n');
    const r = applyWorkspaceEdit(create.edit!);
    assert.equal(fs.readFileSync(path.join(receiptDir, '001.md'), 'utf8'), 'someone else was here\n');
    assert.equal(r.applied, false);
  },
);

test('completion in receipt front matter', async () => {
  const { client, receiptDir } = await start({ receipt: true });
  const file = path.join(receiptDir, '001.md');
  const text = RECEIPT.replace('environment: staging\n', 'environment: \n').replace('witness: Sam (pairing)\n', '');
  const u = client.open(file, text);
  const lines = text.split('\n');
  const at = async (line: number, character: number) => {
    const r = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line, character } });
    return (Array.isArray(r) ? r : r.items).map((i) => i.label);
  };
  const envLine = lines.indexOf('environment: ');
  assert.deepEqual((await at(envLine, 'environment: '.length)).sort(), ['preview', 'prod', 'staging']);
  const trigLine = lines.findIndex((l) => l.startsWith('trigger:'));
  const triggers = await at(trigLine, 'trigger: '.length);
  assert.ok(triggers.includes('Smoke test fails in pipeline') && triggers.includes('p99 latency > 2x baseline for 5 minutes'), triggers.join());
  const pathLine = lines.findIndex((l) => l.startsWith('path:'));
  assert.deepEqual((await at(pathLine, 'path: '.length)).sort(), ['console', 'git-revert', 'pipeline']);
  assert.deepEqual(await at(lines.findIndex((l) => l.startsWith('date:')), 'date: '.length), [TODAY]);
  // A new key on an empty line: keys not already present, with descriptions.
  const client2 = text.replace('rollback_level: 2\n', 'rollback_level: 2\n\n');
  client.change(u, client2, text);
  const emptyLine = client2.split('\n').indexOf('', 1);
  const keys = await at(emptyLine, 0);
  assert.ok(keys.includes('witness') && keys.includes('recording'));
  const items = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line: emptyLine, character: 0 } });
  const witness = (Array.isArray(items) ? items : items.items).find((i) => i.label === 'witness')!;
  assert.ok((witness.documentation as { value: string }).value.length > 0, 'keys come with their schema description');
  assert.ok(!keys.includes('trigger') && !keys.includes('date'));
  // Outside the front matter: nothing.
  assert.deepEqual(await at(client2.split('\n').indexOf('## Commands run'), 3), []);
});

test('hover: rule docs on a diagnostic, history on a budget, schema on a key', async () => {
  const { client, runbook, receiptDir } = await start({ receipt: true });
  const u = client.open(runbook);
  const p = await client.waitDiagnostics(u, (d) => d.version === 1);
  const rb005 = p.diagnostics.find((d) => d.code === 'RB005')!;
  const h1 = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: rb005.range.start });
  const v1 = (h1.contents as { value: string }).value;
  assert.match(v1, /RB005/);
  assert.match(v1, /docs\/rules\/RB005\.md/);
  assert.match(v1, /40 minutes/);
  // Issue 12: the facts first (the parsed budget, the history), then one line per finding with its docs.
  assert.ok(v1.startsWith('**Timer budget: 40 minutes**'), v1);
  assert.ok(v1.indexOf('40 minutes') < v1.indexOf('RB005'), v1);
  assert.match(v1, /^- \*\*RB005\*\* `budget-too-long` \(warning\): .* \[Docs\]\(.*docs\/rules\/RB005\.md\)$/m);
  // "3 min" of the smoke-test row (line 10): parsed minutes and rehearsal 001.
  const line = fs.readFileSync(runbook, 'utf8').split('\n')[10];
  const h2 = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: { line: 10, character: line.lastIndexOf('3 min') + 1 } });
  const v2 = (h2.contents as { value: string }).value;
  assert.match(v2, /3 minutes/);
  assert.match(v2, /001/);
  assert.match(v2, /2026-05-03/);
  const ru = client.open(path.join(receiptDir, '001.md'));
  const lines = RECEIPT.split('\n');
  const h3 = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ru }, position: { line: lines.findIndex((l) => l.startsWith('total_minutes')), character: 2 } });
  assert.match((h3.contents as { value: string }).value, /recovered_at - observed_at/);
});

test('document symbols and code lenses over triggers', async () => {
  const { client, runbook } = await start({ receipt: true });
  const u = client.open(runbook);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
  const flat: DocumentSymbol[] = [];
  const walk = (s: DocumentSymbol[]) => s.forEach((x) => (flat.push(x), walk(x.children ?? [])));
  walk(symbols);
  const triggersSection = flat.find((s) => s.name === 'Rollback triggers')!;
  assert.ok(triggersSection, flat.map((s) => s.name).join());
  assert.equal(triggersSection.children!.length, 4);
  assert.ok(flat.some((s) => s.name === 'POST /api/payments'));
  assert.ok(flat.some((s) => /primary/i.test(s.name) || /primary/.test(s.detail ?? '')));

  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: u } });
  const titles = lenses.map((l) => l.command!.title);
  assert.ok(titles.includes('rehearsed 12 days ago · 3 min of 3'), titles.join(' | '));
  assert.ok(titles.includes('never rehearsed — create receipt'));
  const never = lenses.find((l) => l.command!.title.startsWith('never'))!;
  assert.equal((never.command!.arguments![0] as { runbookUri: string }).runbookUri, u);
  // Every command the server hands out runs in a plain LSP client: it is one of the server's own.
  const served = client.initializeResult.capabilities.executeCommandProvider!.commands;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 10, character: 3 }, end: { line: 10, character: 3 } }, context: { diagnostics: [] } });
  for (const c of [...lenses.map((l) => l.command!), ...actions.flatMap((a) => (a.command ? [a.command] : []))]) assert.ok(served.includes(c.command), `${c.title}: ${c.command} is not a server command (${served.join(', ')})`);
  // The "never rehearsed" lens creates the receipt of its trigger.
  const created = await client.request<string>('workspace/executeCommand', never.command!);
  assert.match(created, /rollback-rehearsals\/\d{3}\.md$/);
  assert.match(fs.readFileSync(new URL(created), 'utf8'), new RegExp(`trigger: ${(never.command!.arguments![0] as { trigger: string }).trigger.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  // The "rehearsed … ago" lens, in a client without window/showDocument: a message that names the receipt.
  const rehearsed = lenses.find((l) => l.command!.title.startsWith('rehearsed'))!;
  assert.equal(await client.request('workspace/executeCommand', rehearsed.command!), false);
  // (The message is sent before the answer, and one connection keeps the order.)
  assert.ok(client.messages.some((m) => /Rehearsal receipt: library\/raw\/rollback-rehearsals\/\d{3}\.md/.test(m.message)), JSON.stringify(client.messages));
  // A command the server does not know is an error, not a silent null.
  await assert.rejects(client.request('workspace/executeCommand', { command: 'runbookLint.newReceipt', arguments: [] }), /does not know the command runbookLint\.newReceipt/);
});

test('a config file change or a settings change re-lints everything', async () => {
  const { client, runbook, dir } = await start();
  const u = client.open(runbook);
  await client.waitDiagnostics(u, (d) => d.version === 1 && codes(d.diagnostics).includes('RB005'));
  const config = path.join(dir, '.runbook-lint.json');
  fs.writeFileSync(config, JSON.stringify({ rules: { RB021: 'off' } }));
  let mark = client.mark();
  client.watched([{ uri: uri(config), type: 1 }]);
  await client.waitDiagnostics(u, (d) => !codes(d.diagnostics).includes('RB021') && codes(d.diagnostics).includes('RB005'), 8000, mark);
  // Settings sit under config files: the budget setting applies, RB021 stays off.
  client.settings = { budget: { maxMinutes: 60 } };
  mark = client.mark();
  void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const p = await client.waitDiagnostics(u, (d) => !codes(d.diagnostics).includes('RB005'), 8000, mark);
  assert.deepEqual(codes(p.diagnostics), ['RB014']);
});

test('the outline shows no heading twice: only the sections that hold triggers, paths or census rows (issue 12)', async () => {
  const { client, runbook } = await start({ receipt: true });
  const u = client.open(runbook);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
  const empty: string[] = [];
  const walk = (s: DocumentSymbol[]) => s.forEach((x) => (x.kind === 3 && !x.children?.length ? empty.push(x.name) : walk(x.children ?? [])));
  walk(symbols);
  assert.deepEqual(empty, [], 'a section with nothing of ours in it belongs to the Markdown outline');
  assert.ok(symbols.length > 0);
});
