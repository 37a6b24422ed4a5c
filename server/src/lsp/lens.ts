// A code lens over each trigger: "rehearsed 12 days ago · 4 min of 5" or
// "never rehearsed — create receipt", or "not rehearsed — draft 003.md lacks …".
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver/node';
import type { Project } from '../engine/project';
import type { RunbookModel } from '../model/runbook';
import { rangeOf } from './diagnostics';
import { historyOf } from './history';
import { ago } from '../report/labels';
import { daysBetween, draftGaps, draftsOf } from '../model/rehearsals';
import { pathToUri } from './uri';
import { CREATE_RECEIPT_COMMAND, SHOW_HISTORY_COMMAND, SHOW_RECEIPT_COMMAND } from './protocol';

export function codeLenses(project: Project, runbook: RunbookModel, uri: string, today: string): CodeLens[] {
  const out: CodeLens[] = [];
  for (const t of runbook.triggers.triggers) {
    const range = rangeOf(runbook.lines, t.nameSpan);
    range.end = range.start;
    const history = historyOf(project, runbook, t);
    const latest = history[history.length - 1];
    if (!latest) {
      // A draft is no rehearsal: the lens opens it, saying what it still lacks.
      const draft = draftsOf(runbook, project.receiptsFor(runbook), t).at(-1);
      if (draft) {
        out.push({ range, command: { title: `not rehearsed — draft ${path.basename(draft.path)} lacks ${draftGaps(draft).join(', ')}`, command: SHOW_RECEIPT_COMMAND, arguments: [{ uri: pathToUri(draft.path) }] } });
        continue;
      }
      if (t.dataCorrection) continue;
      out.push({ range, command: { title: 'never rehearsed — create receipt', command: CREATE_RECEIPT_COMMAND, arguments: [{ runbookUri: uri, trigger: t.name }] } });
      continue;
    }
    const when = `rehearsed ${ago(latest.date ? daysBetween(latest.date, today) : undefined)}`;
    const time =
      latest.minutes !== undefined
        ? t.budgetMinutes !== undefined
          ? ` · ${latest.minutes} min of ${t.budgetMinutes}`
          : ` · ${latest.minutes} min`
        : '';
    const over = latest.minutes !== undefined && t.budgetMinutes !== undefined && latest.minutes > t.budgetMinutes ? ' (over budget)' : '';
    out.push({ range, command: { title: `${when}${time}${over}`, command: SHOW_RECEIPT_COMMAND, arguments: [{ uri: pathToUri(latest.receipt.path) }] } });
    out.push({ range, command: { title: 'history', command: SHOW_HISTORY_COMMAND, arguments: [{ runbookUri: uri, trigger: t.name }] } });
  }
  return out;
}
