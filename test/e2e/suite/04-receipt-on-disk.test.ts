// Issue 4, scenario 5: a receipt written to disk, never opened: its own diagnostics (RR005)
// and the runbook's (RB023 on the trigger's budget) follow every change of the file.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { hasIds, openWithDiagnostics, RECEIPTS, view, waitForDiagnostics, wsUri } from './helpers';

const TRIGGER = 'p99 latency > 2x baseline for 5 minutes'; // budget 40 min, RUNBOOK.md line 13
const BUDGET_RANGE = [12, 62, 12, 68];

function receipt(n: number, recovered: string, total: number): string {
  return [
    '---',
    `rehearsal: ${n}`,
    'date: 2026-11-20',
    'environment: staging',
    `trigger: ${TRIGGER}`,
    'path: pipeline',
    'observed_at: 2026-11-20T14:00',
    `recovered_at: 2026-11-20T${recovered}`,
    `total_minutes: ${total}`,
    'receipt: 9b1c2d3',
    'witness: Alex (pairing)',
    'rollback_level: 2',
    '---',
    `# Rehearsal ${String(n).padStart(3, '0')}`,
    '',
    '## Commands run',
    '```sh',
    'gh workflow run deploy.yml -f image_tag=v1.2.3',
    '```',
    '',
    '## Timeline',
    '- 14:00 p99 alert fired, clock started',
    `- ${recovered} latency back to baseline, clock stopped`,
    '',
    '## Gaps discovered',
    '- the previous image had to be rebuilt',
    '',
    '## Compensating actions',
    '- none needed: no side-effecting endpoint fired',
    '',
  ].join('\n');
}

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
const byId = (diags: vscode.Diagnostic[], id: string) => diags.map(view).filter((d) => d.id === id);

suite('receipts on disk', () => {
  test('an unopened receipt with a faulty timer: RR005 on it, RB023 on the runbook budget, both follow edits', async () => {
    const runbook = wsUri('RUNBOOK.md');
    await openWithDiagnostics(runbook, hasIds(['RB005'], ['RB023']));
    // The next free number, so the receipt is the trigger's latest and leaves no gap (RR004).
    const names = (await vscode.workspace.fs.readDirectory(wsUri(...RECEIPTS))).map(([n]) => n);
    const n = Math.max(...names.map((x) => Number(/^(\d+)\.md$/.exec(x)?.[1] ?? 0))) + 1;
    const uri = wsUri(...RECEIPTS, `${String(n).padStart(3, '0')}.md`);

    // 14:00 -> 14:42 is 42 min, but total_minutes says 45, over the 40 min budget.
    const receiptLinted = waitForDiagnostics(uri, hasIds(['RR005', 'RR011']), 'RR005 and RR011 on the new receipt');
    const runbookLinted = waitForDiagnostics(runbook, hasIds(['RB023']), 'RB023 on the runbook');
    await write(uri, receipt(n, '14:42', 45));
    const rr = await receiptLinted;
    const rr005 = byId(rr, 'RR005');
    assert.deepStrictEqual(rr005.map((d) => [d.range, d.severity]), [[[8, 15, 8, 17], 'Error']], JSON.stringify(rr005));
    assert.match(rr005[0].message, /total_minutes is 45 but recovered_at - observed_at is 42 min/);
    const rb023 = byId(await runbookLinted, 'RB023');
    assert.deepStrictEqual(rb023.map((d) => [d.range, d.severity]), [[BUDGET_RANGE, 'Warning']], JSON.stringify(rb023));
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
      'the receipt was opened: the diagnostics must come from the file on disk',
    );

    // An honest timer (42), still over budget: RR005 goes, RB023 stays.
    const honest = waitForDiagnostics(uri, hasIds(['RR011'], ['RR005']), 'RR005 gone after total_minutes: 42');
    await write(uri, receipt(n, '14:42', 42));
    await honest;
    assert.deepStrictEqual(byId(vscode.languages.getDiagnostics(runbook), 'RB023').map((d) => d.range), [BUDGET_RANGE]);

    // Within budget (38 min): RB023 on the runbook goes, and the receipt is clean.
    const withinBudget = waitForDiagnostics(runbook, hasIds(['RB005'], ['RB023']), 'RB023 gone after a rehearsal within budget');
    const clean = waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics on the receipt within budget');
    await write(uri, receipt(n, '14:38', 38));
    await Promise.all([withinBudget, clean]);
  });
});
