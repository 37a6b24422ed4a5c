// Issue 14: "Runbook: Start Rehearsal", two commands typed in the integrated terminal
// (recorded through shell integration), "Runbook: Mark", "Runbook: Stop Rehearsal": the
// receipt it writes and opens holds both commands with their exit codes, and the timeline.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { poll, readText, RECEIPTS, wsUri } from './helpers';

const LOG = [...RECEIPTS, '.rehearsal-in-progress.jsonl'];

/** Run one command through the terminal's shell integration and wait until it has ended. */
async function runInTerminal(terminal: vscode.Terminal, command: string): Promise<number | undefined> {
  const shell = await poll(() => terminal.shellIntegration, 'shell integration in the terminal', 60_000);
  return new Promise((resolve) => {
    const execution = shell.executeCommand(command);
    const sub = vscode.window.onDidEndTerminalShellExecution((e) => {
      if (e.execution !== execution) return;
      sub.dispose();
      resolve(e.exitCode);
    });
  });
}

const commandsLogged = async () => (await readText(wsUri(...LOG)).catch(() => '')).split('\n').filter((l) => l.includes('"kind":"command"')).length;

suite('rehearsal', () => {
  test('Start Rehearsal, two terminal commands, a mark, Stop Rehearsal: the receipt records them', async function () {
    this.timeout(180_000);
    const runbookUri = wsUri('RUNBOOK.md').toString();
    await vscode.commands.executeCommand('runbookLint.startRehearsal', { runbookUri, trigger: '5xx rate > 5% for 2 minutes post-deploy' });
    await poll(async () => (await readText(wsUri(...LOG)).catch(() => '')).includes('"kind":"start"') || undefined, 'the rehearsal log');

    const terminal = vscode.window.createTerminal({ name: 'rehearsal', shellPath: '/bin/bash' });
    terminal.show();
    try {
      assert.strictEqual(await runInTerminal(terminal, 'echo rollback-one'), 0);
      await runInTerminal(terminal, 'false || echo rollback-two');
      await poll(async () => ((await commandsLogged()) >= 2 ? true : undefined), 'both terminal commands in the rehearsal log', 30_000);
    } finally {
      terminal.dispose();
    }
    await vscode.commands.executeCommand('runbookLint.markRehearsal', 'error rate back under 1%');
    await vscode.commands.executeCommand('runbookLint.stopRehearsal');

    const editor = await poll(() => {
      const e = vscode.window.activeTextEditor;
      return e && /rollback-rehearsals\/\d{3}\.md$/.test(e.document.uri.path) && e.document.getText().includes('recorded_by: runbook-lint') ? e : undefined;
    }, 'the receipt opened after Stop Rehearsal');
    const text = editor.document.getText();
    assert.match(text, /^trigger: 5xx rate > 5% for 2 minutes post-deploy$/m);
    assert.match(text, /^observed_at: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/m);
    assert.match(text, /^# [\d:]+-[\d:]+, exit 0\necho rollback-one$/m);
    assert.match(text, /^# [\d:]+-[\d:]+, exit 0\nfalse \|\| echo rollback-two$/m);
    assert.match(text, /^- \d\d:\d\d error rate back under 1%$/m);
    assert.ok(!(await readText(wsUri(...LOG)).catch(() => '')), 'the log is gone once stopped');
  });
});
