// A code lens over each trigger: "rehearsed 12 days ago · 4 min of 5" or
// "never rehearsed — create receipt".
import type { CodeLens } from 'vscode-languageserver/node';
import type { Project } from '../engine/project';
import type { RunbookModel } from '../engine/runbook';
import { rangeOf } from './diagnostics';
import { ago, daysBetween, rehearsalsOf } from './history';
import { pathToUri } from './uri';

export function codeLenses(project: Project, runbook: RunbookModel, uri: string, today: string): CodeLens[] {
  const out: CodeLens[] = [];
  for (const t of runbook.triggers.triggers) {
    const range = rangeOf(runbook.lines, t.nameSpan);
    range.end = range.start;
    const history = rehearsalsOf(project, runbook, t);
    const latest = history[history.length - 1];
    if (!latest) {
      if (t.dataCorrection) continue;
      out.push({ range, command: { title: 'never rehearsed — create receipt', command: 'runbookLint.newReceipt', arguments: [{ runbookUri: uri, trigger: t.name }] } });
      continue;
    }
    const when = `rehearsed ${ago(latest.date ? daysBetween(latest.date, today) : undefined)}`;
    const time =
      latest.totalMinutes !== undefined
        ? t.budgetMinutes !== undefined
          ? ` · ${latest.totalMinutes} min of ${t.budgetMinutes}`
          : ` · ${latest.totalMinutes} min`
        : '';
    const over = latest.totalMinutes !== undefined && t.budgetMinutes !== undefined && latest.totalMinutes > t.budgetMinutes ? ' (over budget)' : '';
    out.push({ range, command: { title: `${when}${time}${over}`, command: 'runbookLint.server.showReceipt', arguments: [{ uri: pathToUri(latest.receipt.path) }] } });
  }
  return out;
}
