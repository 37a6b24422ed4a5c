// The rehearsal report as GitHub-flavoured Markdown: for a job summary ($GITHUB_STEP_SUMMARY)
// or a pull-request comment. A table per runbook, then per trigger its rehearsals and a
// Mermaid xychart-beta (GitHub renders it): minutes per rehearsal as bars, the budget as a line.
import type { RehearsalReport, TriggerReport } from '../engine/rehearsalReport';
import { budgetLabel, graduationLabel, latestLabel, minutes, rehearsalLabel, stalenessLabel, TREND } from './labels';

/** Text from a document inside a table cell: no pipe, no line break, no HTML. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
/** Text inside a Mermaid string: no double quote, no line break. */
const mermaidText = (s: string) => s.replace(/["\r\n`]/g, "'").replace(/[<>]/g, ' ');

function chart(t: TriggerReport): string[] {
  const points = t.rehearsals.map((r) => r.minutes ?? 0);
  const top = Math.max(...points, t.budgetMinutes ?? 0);
  const lines = ['```mermaid', 'xychart-beta', `  title "${mermaidText(t.name)}: minutes per rehearsal"`, `  x-axis [${t.rehearsals.map((r) => `"${mermaidText(rehearsalLabel(r))}"`).join(', ')}]`, `  y-axis "minutes" 0 --> ${Math.ceil(top * 1.2) || 1}`, `  bar [${points.join(', ')}]`];
  if (t.budgetMinutes !== null) lines.push(`  line [${t.rehearsals.map(() => t.budgetMinutes).join(', ')}]`);
  lines.push('```');
  return lines;
}

export function reportMarkdown(report: RehearsalReport): string {
  const w = report.workspace;
  const out: string[] = ['## Rollback rehearsals', ''];
  out.push(`${w.runbooks} runbook${w.runbooks === 1 ? '' : 's'}, ${w.triggers} trigger${w.triggers === 1 ? '' : 's'}, ${w.rehearsals} rehearsal${w.rehearsals === 1 ? '' : 's'} (drafts not counted); recovery time median ${minutes(w.medianMinutes)}, p90 ${minutes(w.p90Minutes)}; ${w.neverRehearsed} trigger${w.neverRehearsed === 1 ? '' : 's'} never rehearsed. As of ${report.today}.`, '');
  for (const rb of report.runbooks) {
    out.push(`### ${cell(rb.file)}`, '', stalenessLabel(rb), '');
    if (!rb.triggers.length) {
      out.push('No trigger list found.', '');
      continue;
    }
    out.push('| Trigger | Budget | Rehearsals | Latest | Trend | Graduation |', '|---|---|---|---|---|---|');
    for (const t of rb.triggers) out.push(`| ${cell(t.name)} | ${cell(budgetLabel(t))} | ${t.rehearsals.length} | ${cell(latestLabel(t))} | ${TREND[t.trend]} | ${graduationLabel(t)} |`);
    out.push('');
    for (const t of rb.triggers.filter((x) => x.rehearsals.length)) {
      out.push(`#### ${cell(t.name)}`, '', '| Rehearsal | Date | Minutes | Against the budget | Path | Receipt |', '|---|---|---|---|---|---|');
      for (const r of t.rehearsals) out.push(`| [${cell(rehearsalLabel(r))}](${encodeURI(r.file)}) | ${r.date ?? '—'} | ${minutes(r.minutes)} | ${r.overBudget === null ? '—' : r.overBudget ? '**over**' : 'within'} | ${cell(r.path ?? '—')} | ${cell(r.receipt ?? '—')} |`);
      out.push('', ...chart(t), '');
    }
  }
  return out.join('\n');
}
