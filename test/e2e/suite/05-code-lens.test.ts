// Issue 4, scenario 6: the code lens over each trigger reports its latest rehearsal.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { openWithDiagnostics, poll, wsUri } from './helpers';

suite('code lens', () => {
  test('"rehearsed …" over the trigger of 001.md, "never rehearsed" over one with no receipt', async () => {
    const uri = wsUri('RUNBOOK.md');
    const { editor } = await openWithDiagnostics(uri);
    const lineOf = (trigger: string) => editor.document.getText().split('\n').findIndex((l) => l.startsWith(`| ${trigger} |`));
    const lensAt = async (line: number) => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
      return lenses.find((l) => l.range.start.line === line && l.command?.title);
    };
    // The provider answers for the text it holds: poll (no event says "lenses ready").
    const rehearsedLine = lineOf('5xx rate > 5% for 2 minutes post-deploy');
    const neverLine = lineOf('Login broken');
    assert.ok(rehearsedLine > 0 && neverLine > 0, 'trigger rows not found');

    const rehearsed = await poll(() => lensAt(rehearsedLine), 'a code lens over the 5xx trigger');
    // 001.md: total_minutes 4 against a 5 min budget.
    assert.match(rehearsed.command!.title, /^rehearsed (\d+ days ago|yesterday|today) · 4 min of 5$/);
    assert.strictEqual(rehearsed.command!.command, 'runbookLint.server.showReceipt');
    assert.match(JSON.stringify(rehearsed.command!.arguments), /rollback-rehearsals\/001\.md/);

    const never = await poll(() => lensAt(neverLine), 'a code lens over "Login broken"');
    assert.strictEqual(never.command!.title, 'never rehearsed — create receipt');
    assert.strictEqual(never.command!.command, 'runbookLint.server.createReceipt');
    assert.deepStrictEqual(never.command!.arguments?.[0]?.trigger, 'Login broken');

    // The trigger of the new-receipt test: its receipts are today's drafts, which are no rehearsal (issue 14).
    const smoke = await poll(() => lensAt(lineOf('Smoke test fails in pipeline')), 'a code lens over the smoke-test trigger');
    assert.match(smoke.command!.title, /^not rehearsed — draft \d{3}\.md lacks observed_at and recovered_at, total_minutes, receipt, commands run$/);
    assert.strictEqual(smoke.command!.command, 'runbookLint.server.showReceipt');
  });
});
