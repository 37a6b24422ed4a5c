// Text the fixes, commands and scaffolds insert. Kept in one place so the snippets,
// the code actions and the CLI write the same canonical shapes.

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

export interface ReceiptFields {
  number: number;
  date: string;
  trigger: string;
  budgetMinutes?: number;
  level?: number;
  environment?: string;
  path?: string;
  runbook?: string;
}

/** A new receipt: real values where they are known, empty ones where only the rehearsal can tell. */
export function receiptText(f: ReceiptFields, eol = '\n'): string {
  const q = (s: string) => (/^[\w .,()/>%<=-]+$/.test(s) && !/^[\d-]/.test(s) && !/:\s/.test(s) ? s : JSON.stringify(s));
  const lines = [
    '---',
    `rehearsal: ${f.number}`,
    `date: ${f.date}`,
    `environment: ${f.environment ?? 'staging'}`,
    `trigger: ${q(f.trigger)}`,
    `path: ${f.path ?? 'pipeline'}`,
    `observed_at: ${f.date}T00:00`,
    `recovered_at: ${f.date}T00:00`,
    'total_minutes: 0',
    ...(f.budgetMinutes !== undefined ? [`budget_minutes: ${f.budgetMinutes}`] : []),
    'receipt: ""',
    'witness: ""',
    `rollback_level: ${f.level ?? 2}`,
    ...(f.runbook ? [`runbook: ${q(f.runbook)}`] : []),
    '---',
    `# Rehearsal ${String(f.number).padStart(3, '0')}: ${f.trigger}`,
    '',
    '## Commands run',
    '',
    '```sh',
    '# the commands actually typed, in order',
    '```',
    '',
    '## Timeline',
    '',
    '- HH:MM trigger observed, clock started',
    '- HH:MM recovered, clock stopped',
    '',
    '## Gaps discovered',
    '',
    '- none',
    '',
    '## Compensating actions',
    '',
    '- none needed: no side-effecting endpoint fired',
    '',
  ];
  return lines.join(eol);
}
