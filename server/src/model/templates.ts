// The tables the fixes and the editor's insert commands write: one copy, which the VS
// Code extension bundles too (so this module imports nothing).
export function triggerTable(eol = '\n'): string {
  return [
    '## Rollback triggers',
    '',
    '| Trigger | How observed | Timer budget |',
    '|---|---|---|',
    '| 5xx rate > 5% for 2 minutes post-deploy | dashboard or smoke test | 5 min |',
    '| Smoke test fails in pipeline | pipeline red on deploy job | 3 min |',
    '| Data corruption reported | support ticket | do not roll back code alone: data correction |',
    '',
  ].join(eol);
}

export function censusTable(rows: { endpoint: string; effect: string; compensation: string }[] = [], eol = '\n'): string {
  const body = rows.length
    ? rows.map((r) => `| ${r.endpoint} | ${r.effect} | ${r.compensation} |`)
    : ['| POST /api/orders | confirmation email | send correction email |'];
  return ['## Side-effect census', '', '| Endpoint | Side effect | Compensating action |', '|---|---|---|', ...body, ''].join(eol);
}
