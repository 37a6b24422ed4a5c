// Issue 4, scenario 4: "New Rehearsal Receipt" without arguments, its QuickPicks answered
// from the test (the runner bridge tells when each one shows and what it lists; the
// answers are the workbench's own quick-open commands).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, exists, hasBridge, readText, RECEIPTS, waitForQuickPick, wsUri } from './helpers';

const TRIGGERS = ['5xx rate > 5% for 2 minutes post-deploy', 'Smoke test fails in pipeline', 'p99 latency > 2x baseline for 5 minutes', 'Login broken'];
const CHOSEN = TRIGGERS[1];

/** Runs the command with no editor open and answers: runbook RUNBOOK.md, trigger CHOSEN. */
async function newReceiptThroughQuickPicks(): Promise<void> {
  // No active runbook: the command asks for the runbook first (there are two).
  await closeAllEditors();
  let settled = false;
  const command = Promise.resolve(vscode.commands.executeCommand('runbookLint.newReceipt')).finally(() => (settled = true));

  const runbooks = await waitForQuickPick({ title: 'New Rehearsal Receipt' });
  assert.deepStrictEqual(runbooks.items, ['RUNBOOK.md', 'snippet/RUNBOOK.md']);
  assert.strictEqual(runbooks.placeholder, 'Which runbook was rehearsed?');
  assert.strictEqual(runbooks.active, 'RUNBOOK.md');
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

  const triggers = await waitForQuickPick({ title: 'New Rehearsal Receipt: RUNBOOK.md' });
  assert.deepStrictEqual(triggers.items, TRIGGERS);
  assert.strictEqual(triggers.active, TRIGGERS[0]);
  await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
  await waitForQuickPick({ title: 'New Rehearsal Receipt: RUNBOOK.md', active: CHOSEN });
  assert.ok(!settled, 'the command ended before its QuickPicks were answered');
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  await command;
}

suite('new receipt command', () => {
  test('without arguments: QuickPicks for runbook and trigger, then 002.md, then 003.md', async function () {
    if (!hasBridge()) this.skip(); // only scripts/e2e/run.mjs can see QuickPicks
    const r002 = wsUri(...RECEIPTS, '002.md');
    const r003 = wsUri(...RECEIPTS, '003.md');
    assert.ok(await exists(wsUri(...RECEIPTS, '001.md')), 'fixture 001.md');
    assert.ok(!(await exists(r002)), '002.md exists before the command');

    await newReceiptThroughQuickPicks();
    assert.ok(await exists(r002), '002.md was not created');
    const first = await vscode.workspace.fs.readFile(r002);
    const text = new TextDecoder().decode(first);
    assert.match(text, /^---\nrehearsal: 2\n/);
    assert.match(text, new RegExp(`^trigger: ${CHOSEN}$`, 'm'));
    assert.match(text, /^budget_minutes: 3$/m);
    assert.match(text, /^runbook: \.\.\/\.\.\/\.\.\/RUNBOOK\.md$/m);
    // Saved and shown, the cursor on observed_at's value.
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), r002.toString());
    assert.ok(!editor.document.isDirty, '002.md is left unsaved');
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text.split(':')[0], 'observed_at');
    assert.ok(!(await exists(wsUri('snippet', ...RECEIPTS))), 'a receipt folder appeared beside the other runbook');

    await newReceiptThroughQuickPicks();
    assert.ok(await exists(r003), '003.md was not created');
    assert.match(await readText(r003), /^---\nrehearsal: 3\n[^]*^trigger: Smoke test fails in pipeline$/m);
    assert.ok(Buffer.from(await vscode.workspace.fs.readFile(r002)).equals(Buffer.from(first)), '002.md changed when 003.md was created');
    await closeAllEditors();
  });
});
