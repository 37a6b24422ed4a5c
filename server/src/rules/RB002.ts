import type { RunbookRule } from './rule';
import type { TriggerTable } from '../model/triggers';

const LABELS = { observed: 'How observed', budget: 'Timer budget' } as const;

/** Adds the missing columns at the end of every line of the table: header, delimiter, rows. */
function addColumns(text: string, tt: TriggerTable, labels: string[]) {
  const t = tt.table;
  const lines = [t.header, ...t.rows].map((r) => r.span);
  const delimiterLine = { start: t.header.span.end, end: t.rows[0]?.span.start ?? t.span.end };
  const edits = [];
  const at = (end: number, cells: string[]) => {
    const closed = text[end - 1] === '|';
    return { start: end, end, newText: (closed ? '' : ' |') + cells.map((c) => ` ${c} |`).join('') };
  };
  edits.push(at(lines[0].end, labels));
  // The delimiter row sits between the header and the first row.
  const between = text.slice(delimiterLine.start, delimiterLine.end);
  const m = /^[^\r\n|]*\|[^\r\n-]*-[^\r\n]*/m.exec(between);
  if (m) {
    const end = delimiterLine.start + m.index + m[0].trimEnd().length;
    edits.push(at(end, labels.map(() => '---')));
  }
  for (const r of lines.slice(1)) edits.push(at(r.end, labels.map(() => '')));
  return edits;
}

export const RB002: RunbookRule = {
  id: 'RB002',
  name: 'trigger-table-columns',
  severity: 'error',
  appliesTo: 'runbook',
  fixable: true,
  description: 'The trigger table lacks a trigger, how-observed or timer-budget column.',
  check({ model, report }) {
    for (const tt of model.triggers.tables) {
      const missing: string[] = [];
      if (tt.observedCol < 0) missing.push(LABELS.observed);
      if (tt.budgetCol < 0) missing.push(LABELS.budget);
      if (!missing.length) continue;
      report({
        span: tt.table.header.span,
        message: `The trigger table has no ${missing.map((m) => `"${m}"`).join(' or ')} column: add it, and write for every trigger how you notice it and how many minutes you allow from observed to recovered.`,
        fix: { title: `Add the ${missing.join(' and ')} column${missing.length > 1 ? 's' : ''}`, edits: addColumns(model.text, tt, missing) },
      });
    }
  },
};
