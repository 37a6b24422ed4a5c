// Issue 12, items 1-4 under both ends of what a client may advertise: 'bare' (no workspace
// folders, no dynamic registration, no showDocument, no configuration, no resource
// operations: a minimal LSP client) and 'vscode' (what VS Code advertises). In both, the
// runbook opened gets the CLI's findings (4), every lens and action runs as a server command
// (1), the "rehearsed … ago" lens shows the receipt somehow (2), and receipts deleted on disk
// re-lint the runbook, through the client's watcher or the server's own (3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CodeLens } from 'vscode-languageserver-protocol/node';
import { serverTestResources, TestClient, uri } from './lspClient';
import { copyFixture, runCli, REPO } from '../helpers/cli';

const TODAY = '2026-06-15';
const { clients, dirs } = serverTestResources();

function cliFindings(dir: string, file: string): string[] {
  const r = runCli(['--format', 'json', '--today', TODAY, '--no-git', '.'], dir);
  return (JSON.parse(r.stdout) as { findings: { file: string; ruleId: string; line: number }[] }).findings
    .filter((f) => path.join(dir, f.file) === file)
    .map((f) => `${f.line} ${f.ruleId}`)
    .sort();
}

const lines = (ds: { range: { start: { line: number } }; code?: unknown }[]) => ds.map((d) => `${d.range.start.line + 1} ${d.code}`).sort();

for (const profile of ['bare', 'vscode'] as const) {
  test(`${profile} client: CLI findings without a folder, server commands for every lens and action, the receipt shown, disk changes seen`, async () => {
    const dir = fs.realpathSync(copyFixture(path.join(REPO, 'examples', 'checkout-api')));
    dirs.push(dir);
    const runbook = path.join(dir, 'RUNBOOK.md');
    const receipts = path.join(dir, 'library', 'raw', 'rollback-rehearsals');
    const want = cliFindings(dir, runbook);
    const client = await TestClient.start({ folders: [dir], profile, initializationOptions: { today: TODAY, debounceMs: 0, git: false } });
    clients.push(client);
    const u = client.open(runbook);

    // 4. The CLI's findings (bare: no folder at all, the project is found as the CLI finds it).
    const match = (p: { diagnostics: { range: { start: { line: number } }; code?: unknown }[] }) => JSON.stringify(lines(p.diagnostics)) === JSON.stringify(want);
    const got = await client.waitDiagnostics(u, match, 8000).catch(() => client.diagnostics.filter((p) => p.uri === u).at(-1)!);
    assert.deepEqual(lines(got.diagnostics), want);

    // 1. Every lens and action is a command of the server's own, and it runs.
    const served = client.initializeResult.capabilities.executeCommandProvider!.commands;
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: u } });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    const commands = [...lenses.map((l) => l.command!), ...actions.flatMap((a) => (a.command ? [a.command] : []))];
    assert.ok(commands.length >= 2, JSON.stringify(commands));
    for (const c of commands) assert.ok(served.includes(c.command), `${c.title}: ${c.command}`);
    const never = lenses.find((l) => l.command!.title.startsWith('never'));
    assert.ok(never, lenses.map((l) => l.command!.title).join(' | '));
    const created = await client.request<string>('workspace/executeCommand', never.command!);
    assert.match(created, /rollback-rehearsals\/\d{3}\.md$/);
    assert.ok(fs.existsSync(new URL(created)), 'the receipt is on disk');

    // 2. The "rehearsed … ago" lens: shown in the editor, or named in a message.
    const rehearsed = lenses.find((l) => l.command!.title.startsWith('rehearsed'))!;
    const answer = await client.request('workspace/executeCommand', rehearsed.command!);
    if (profile === 'vscode') {
      assert.equal(answer, true);
      assert.match(client.shown.join(), /rollback-rehearsals\/\d{3}\.md$/);
    } else {
      assert.equal(answer, false);
      assert.ok(client.messages.some((m) => /Rehearsal receipt: .*rollback-rehearsals\/\d{3}\.md/.test(m.message)), JSON.stringify(client.messages));
    }

    // Issue 15: the "history" lens is a server command too; a plain client shows its message.
    const historyLens = lenses.find((l) => l.command!.title === 'history');
    assert.ok(historyLens, 'a "history" lens beside the rehearsed trigger');
    const said = await client.request<string>('workspace/executeCommand', historyLens.command!);
    assert.match(said, /^.+: 1 rehearsal \(\d+ min\), budget \d+ min; graduation /);
    assert.ok(client.messages.some((m) => m.message === said));
    const report = await client.request<{ version: number; runbooks: { file: string }[] }>('workspace/executeCommand', { command: 'runbookLint.server.rehearsalReport', arguments: [{ runbookUri: u, format: 'json' }] });
    assert.equal(report.version, 1);
    assert.deepEqual(report.runbooks.map((r) => r.file), ['RUNBOOK.md']);

    // 3. Every receipt deleted on disk: the runbook's triggers are never rehearsed now.
    const rb021 = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.filter((d) => d.code === 'RB021').length;
    const before = rb021(client.diagnostics.filter((p) => p.uri === u).at(-1)!);
    // The bare client's changes are seen once the server's watcher has scanned (it says so).
    if (profile === 'bare') for (let i = 0; i < 100 && !client.logs.some((l) => /watching 1 workspace folder/.test(l)); i++) await new Promise((r) => setTimeout(r, 50));
    const mark = client.mark();
    const gone = fs.readdirSync(receipts).map((f) => path.join(receipts, f));
    for (const f of gone) fs.rmSync(f);
    // VS Code watches for the server; the bare client does not, and the server's own watcher sees it.
    if (profile === 'vscode') client.watched(gone.map((f) => ({ uri: uri(f), type: 3 as const })));
    const after = await client.waitDiagnostics(u, (p) => rb021(p) > before, 15000, mark);
    assert.ok(rb021(after) > before);
  });
}
