// docs/images/diagnostics.png: `node scripts/e2e/run.mjs --screenshot-diagnostics FILE` sets
// RUNBOOK_E2E_SCREENSHOT_DIAGNOSTICS; this test (the first, so the fixture is untouched) then
// shows RUNBOOK.md with its squiggles and the Problems panel, and asks the runner for the
// page screenshot while the workbench is up (after the suite exits the page shows nothing).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { bridge, closeAllEditors, openWithDiagnostics, wsUri } from './helpers';

const file = process.env.RUNBOOK_E2E_SCREENSHOT_DIAGNOSTICS;

suite('screenshot', () => {
  (file ? test : test.skip)('RUNBOOK.md, its squiggles and the Problems panel (--screenshot-diagnostics)', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar'); // the empty chat side bar
    const { editor, diagnostics } = await openWithDiagnostics(wsUri('RUNBOOK.md'));
    assert.ok(diagnostics.length > 0);
    // The cursor away from the findings, the table in view.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    editor.revealRange(new vscode.Range(6, 0, 20, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    const shot = await bridge<{ file: string }>('screenshot', {
      file,
      waitFor: ['.markers-panel .monaco-list-row', '.monaco-editor .squiggly-error', '.monaco-editor .squiggly-warning', '.monaco-editor .codelens-decoration a'],
    });
    assert.strictEqual(shot.file, file);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await closeAllEditors();
  });
});
