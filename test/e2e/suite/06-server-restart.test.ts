// Issue 6, server resilience: the extension restarts a crashed language server. The test
// kills the server process (SIGKILL, as the OOM killer would) and expects a new one that
// lints the next edit.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { hasIds, openWithDiagnostics, poll, saveDocument, waitForDiagnostics, wsUri } from './helpers';

/** Pids of this extension host's children running the bundled server (dist/server.js). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is field 4 of /proc/<pid>/stat, after the parenthesised command name.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((a) => /[\\/]dist[\\/]server\.js$/.test(a))) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

suite('server restart', () => {
  test('a killed language server is restarted and lints the next edit', async function () {
    if (process.platform !== 'linux') this.skip();
    const uri = wsUri('RUNBOOK.md');
    const { editor } = await openWithDiagnostics(uri, hasIds(['RB005']));
    const [before] = await poll(() => (serverPids().length === 1 ? serverPids() : undefined), 'exactly one runbook-lint server process');
    process.kill(before, 'SIGKILL');

    const after = await poll(() => serverPids().find((p) => p !== before), 'a new server process after the kill');
    assert.notStrictEqual(after, before);

    // The restarted server has the open document again: an edit that clears RB005 is linted.
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('| 40 min |'));
    assert.ok(line >= 0, 'the 40 min budget row');
    const col = editor.document.lineAt(line).text.indexOf('40 min');
    // The client may clear diagnostics when the server dies: wait for the new server's lint
    // first, and ask for RB004 to stay so an empty list cannot pass for "RB005 is gone".
    await waitForDiagnostics(uri, hasIds(['RB004', 'RB005']), 'the new server lints the open RUNBOOK.md');
    const cleared = waitForDiagnostics(uri, hasIds(['RB004'], ['RB005']), 'RB005 gone after the edit, linted by the new server');
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(line, col, line, col + 2), '10')));
    await cleared;
    const back = waitForDiagnostics(uri, hasIds(['RB005']), 'RB005 back after the edit is undone');
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(line, col, line, col + 2), '40')));
    await back;
    await saveDocument(editor.document);
  });
});

suite('restart command', () => {
  test('"Runbook: Restart Language Server" replaces the server process, which lints again', async function () {
    if (process.platform !== 'linux') this.skip();
    const uri = wsUri('RUNBOOK.md');
    await openWithDiagnostics(uri, hasIds(['RB005']));
    const [before] = await poll(() => (serverPids().length === 1 ? serverPids() : undefined), 'exactly one runbook-lint server process');
    await vscode.commands.executeCommand('runbookLint.restartServer');
    await poll(() => (serverPids().length === 1 && serverPids()[0] !== before ? true : undefined), 'one new server process after the restart');
    await waitForDiagnostics(uri, hasIds(['RB004', 'RB005']), 'the restarted server lints the open RUNBOOK.md');
  });
});
