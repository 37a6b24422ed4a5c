import * as assert from 'node:assert';
import * as vscode from 'vscode';

suite('smoke', () => {
  test('the extension is present and a workspace file opens', async () => {
    assert.ok(
      vscode.extensions.getExtension('runbook-lint.runbook-lint'),
      'extension runbook-lint.runbook-lint not found',
    );
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'RUNBOOK.md');
    const editor = await vscode.window.showTextDocument(uri);
    assert.strictEqual(editor.document.uri.toString(), uri.toString());
    assert.match(editor.document.getText(), /^# Runbook: e2e-fixture/);
  });
});
