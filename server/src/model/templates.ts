// The tables the fixes and the editor's insert commands write: one copy, which the VS
// Code extension bundles too (so this module imports nothing).
export function triggerTable(eol = '\n'): string {
  return [
    '## Rollback triggers',
    '',
    '| Trigger | How observed | Timer budget |',
    '|---|---|---|',
    // Placeholders the linter flags until a person writes the team's triggers (never plausible values, issue 14).
    '| TODO: the condition that decides a rollback (e.g. 5xx > 5% for 2 min) | TODO: how it is observed | TBD |',
    '',
  ].join(eol);
}

export function censusTable(rows: { endpoint: string; effect: string; compensation: string }[] = [], eol = '\n'): string {
  const body = rows.length
    ? rows.map((r) => `| ${r.endpoint} | ${r.effect} | ${r.compensation} |`)
    : ['| TODO: METHOD /path | TODO: its side effect | TODO: compensating action |'];
  return ['## Side-effect census', '', '| Endpoint | Side effect | Compensating action |', '|---|---|---|', ...body, ''].join(eol);
}
