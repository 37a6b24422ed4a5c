// Issue 15: "Runbook: Show Rehearsal History" opens the rehearsal report of the runbook in a
// webview beside it, drawn again when a receipt is written, and the "history" lens over a
// rehearsed trigger opens the same. The suite asks the runner for a screenshot
// (docs/images/history.png with `npm run screenshot`) and to look into the webview's frames.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { bridge, closeAllEditors, hasBridge, openWithDiagnostics, poll, readText, RECEIPTS, wsUri } from './helpers';

const historyTab = () =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Rehearsals: '));

suite('rehearsal history', () => {
  test('the command and the "history" lens open the webview beside the runbook', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    const uri = wsUri('RUNBOOK.md');
    const { editor } = await openWithDiagnostics(uri);
    await vscode.commands.executeCommand('runbookLint.showRehearsalHistory');
    const tab = await poll(historyTab, 'a "Rehearsals: …" webview tab');
    assert.match(tab.label, /^Rehearsals: .*RUNBOOK\.md$/);
    assert.notStrictEqual(tab.group.viewColumn, editor.viewColumn, 'beside the runbook');
    if (hasBridge()) {
      const file = process.env.RUNBOOK_E2E_SCREENSHOT_HISTORY!;
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      // The report drawn inside the webview: its heading and a chart (the runner looks into the frames).
      const shot = await bridge<{ file: string }>('screenshot', { file, waitFor: ['iframe.webview.ready'], inFrame: ['h1', 'svg.rehearsal-chart'] });
      assert.strictEqual(shot.file, file);
      // A receipt written on disk: the open webview is drawn again and shows it.
      const receipt = wsUri(...RECEIPTS, '090.md');
      const text = (await readText(wsUri(...RECEIPTS, '001.md'))).replace('rehearsal: 1', 'rehearsal: 90').replace('receipt: 3f2a9c1', 'receipt: 9f8e7d6');
      await vscode.workspace.fs.writeFile(receipt, Buffer.from(text));
      assert.strictEqual(await bridge<boolean>('frameShows', { selectors: ['td:has-text("9f8e7d6")'] }), true);
      await vscode.workspace.fs.delete(receipt);
    }
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    await closeAllEditors();

    // The lens: a server command the extension turns into the webview.
    await openWithDiagnostics(uri);
    const lens = await poll(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
      return lenses.find((l) => l.command?.title === 'history');
    }, 'a "history" lens');
    assert.strictEqual(lens.command!.command, 'runbookLint.server.showHistory');
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    await poll(historyTab, 'the webview, from the lens');
    await closeAllEditors();
  });
});
