// Issue 4, scenarios 1-2: RUNBOOK.md's diagnostics (ids, exact ranges, severities, docs
// links, source) and the preferred quick fix of one of them.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { hasIds, openWithDiagnostics, poll, saveDocument, view, waitForDiagnostics, wsUri, type DiagView } from './helpers';

/** What the fixture's RUNBOOK.md must report (0-based ranges). */
const EXPECTED: Array<Pick<DiagView, 'id' | 'range' | 'severity'>> = [
  { id: 'RB005', range: [12, 62, 12, 68], severity: 'Warning' }, // "40 min"
  { id: 'RB004', range: [13, 32, 13, 36], severity: 'Error' }, // "ASAP"
  { id: 'RB014', range: [26, 38, 26, 41], severity: 'Error' }, // "TBD"
];

suite('diagnostics', () => {
  const runbook = () => wsUri('RUNBOOK.md');

  test('RUNBOOK.md: the expected findings, ranges, severities, docs links and source', async () => {
    const { editor, diagnostics } = await openWithDiagnostics(runbook(), hasIds(EXPECTED.map((e) => e.id)));
    const got = diagnostics.map(view).sort((a, b) => a.range[0] - b.range[0] || a.id.localeCompare(b.id));
    assert.deepStrictEqual(
      got.map(({ id, range, severity }) => ({ id, range, severity })),
      EXPECTED,
      `diagnostics of RUNBOOK.md:\n${JSON.stringify(got, null, 1)}`,
    );
    const extension = vscode.extensions.getExtension('runbook-lint.runbook-lint');
    assert.ok(extension, 'extension runbook-lint.runbook-lint not found');
    for (const d of got) {
      assert.strictEqual(d.source, 'runbook-lint', `${d.id} source`);
      assert.ok(d.href, `${d.id} has no codeDescription.href`);
      const target = vscode.Uri.parse(d.href);
      assert.strictEqual(target.scheme, 'file', `${d.id} docs link ${d.href}`);
      assert.strictEqual(target.path, vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', `${d.id}.md`).path, `${d.id} docs link`);
      assert.ok(target.path.endsWith(`/docs/rules/${d.id}.md`), `${d.id} docs link ${d.href}`);
      // The link points at a page that ships with the extension (in the VSIX too).
      await vscode.workspace.fs.stat(target);
    }
    // The ranges cover exactly the cells the rules talk about.
    const text = (r: DiagView['range']) => editor.document.getText(new vscode.Range(r[0], r[1], r[2], r[3]));
    assert.deepStrictEqual(got.map((d) => text(d.range)), ['40 min', 'ASAP', 'TBD']);
    assert.match(got.find((d) => d.id === 'RB005')!.message, /40 min is over 15 min/);
  });

  test('the quick fix for RB014 suggests a compensation as a snippet (never preferred); accepted, the finding goes away', async () => {
    const uri = runbook();
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const [rb014] = (await waitForDiagnostics(uri, hasIds(['RB014']), 'RB014 before the fix')).filter((d) => view(d).id === 'RB014');
    // vscode.executeCodeActionProvider hands back neither CodeAction.diagnostics nor snippet
    // edits: find the fix by its title, then apply it the way a user does, from the editor.
    let actions: vscode.CodeAction[] = [];
    let asks = 0;
    const title = 'Suggest the compensating action "void or refund the charge" (to confirm)';
    // No event says "the provider is ready": ask again until it answers (seen empty once, early).
    const fix = await poll(async () => {
      asks++;
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, rb014.range, vscode.CodeActionKind.QuickFix.value);
      return actions.find((a) => a.title === title);
    }, 'the quick fix for RB014').catch((e: Error) => {
      throw new Error(`${e.message}; the last answer: ${JSON.stringify(actions, null, 1)}`);
    });
    if (asks > 1) console.log(`[e2e] note: the RB014 quick fix came on request ${asks}`);
    // Issue 14: a fact only the team can decide is never the preferred (auto-applied) fix, and lands as a snippet tab stop.
    assert.strictEqual(fix.kind?.value, 'quickfix.runbook-lint.confirm');
    assert.notStrictEqual(fix.isPreferred, true);

    const gone = waitForDiagnostics(uri, hasIds(['RB005', 'RB004'], ['RB014']), 'RB014 gone after the fix, the others still there');
    const fixed = '| POST /api/payments | card charged | void or refund the charge |';
    // editor.action.codeAction acts on the focused editor and, in a cold VSIX run, has twice
    // applied nothing (focus or the provider not ready yet): apply it again until the line changes.
    for (let attempt = 1; editor.document.lineAt(26).text !== fixed; attempt++) {
      editor.selection = new vscode.Selection(rb014.range.start, rb014.range.start);
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false, preview: false });
      await vscode.commands.executeCommand('editor.action.codeAction', { kind: 'quickfix.runbook-lint.confirm', apply: 'first' });
      const applied = await poll(() => (editor.document.lineAt(26).text === fixed ? true : undefined), 'the RB014 fix applied', 3_000).catch(() => false);
      if (applied) {
        if (attempt > 1) console.log(`[e2e] note: the RB014 quick fix applied on attempt ${attempt}`);
        break;
      }
      if (attempt === 5) assert.fail(`the RB014 quick fix applied nothing in ${attempt} attempts; line 27: ${editor.document.lineAt(26).text}`);
    }
    await gone;
    assert.strictEqual(editor.document.lineAt(26).text, fixed);
    // The suggestion is selected, to accept or type over.
    assert.strictEqual(editor.document.getText(editor.selection), 'void or refund the charge');
    // Saved, so later tests can close editors without a "save changes?" dialog.
    await saveDocument(editor.document);
  });
});
