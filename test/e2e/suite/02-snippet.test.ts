// Issue 4, scenario 3: the trigger-table snippet, inserted by name into a runbook that has
// no trigger list, leaves no RB001/RB002. Issue 14: its row is a placeholder the linter flags
// until a person writes the team's trigger (RB004 on "TBD"), never a plausible value.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { hasIds, openWithDiagnostics, saveDocument, waitForDiagnostics, wsUri } from './helpers';

suite('snippets', () => {
  test('"Runbook: trigger table" inserted by name clears RB001/RB002', async () => {
    const uri = wsUri('snippet', 'RUNBOOK.md');
    const { editor } = await openWithDiagnostics(uri, hasIds(['RB001']));
    const doc = editor.document;
    const end = doc.lineAt(doc.lineCount - 1).range.end; // the empty last line, after the title
    assert.strictEqual(end.character, 0, 'the fixture ends with an empty line');
    editor.selection = new vscode.Selection(end, end);
    const before = doc.version;

    // Lint results for the new text: RB001 gone and RB021 (never-rehearsed), which needs a
    // trigger list, on the new heading — the table was parsed, not the findings cleared.
    const relinted = waitForDiagnostics(uri, hasIds(['RB021'], ['RB001']), 'the lint of the text with the snippet');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Runbook: trigger table' });
    assert.ok(doc.version > before, 'the snippet did not change the document');
    assert.match(doc.getText(), /^## Rollback triggers\n\n\| Trigger \| How observed \| Timer budget \|\n\|---\|---\|---\|\n\| TODO: the condition that decides a rollback \(5xx > 5% for 2 min\) \| TODO: how it is observed \| TBD \|$/m);
    const diags = await relinted;
    const found = diags.map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
    assert.ok(!found.includes('RB001') && !found.includes('RB002'), `still: ${found.join(', ')}`);
    // On the inserted table: RB021 (no receipt for this runbook yet) on its heading, and RB004 on the placeholder budget.
    const tableStart = doc.getText().split('\n').indexOf('## Rollback triggers');
    const onTable = diags.filter((d) => d.range.start.line >= tableStart);
    assert.deepStrictEqual(onTable.map((d) => `${typeof d.code === 'object' ? d.code.value : d.code}@${d.range.start.line}`), [`RB021@${tableStart}`, `RB004@${tableStart + 4}`]);

    await vscode.commands.executeCommand('leaveSnippet');
    await saveDocument(doc);
  });
});
