// The rehearsal report as one self-contained HTML page: inline CSS and SVG, no script, no
// network (its Content-Security-Policy allows nothing but its own style). The same page is the
// VS Code webview: colours are VS Code's theme variables, with the system's colours as the
// fallback outside the editor (light or dark, as the browser prefers).
import type { RehearsalReport } from '../engine/rehearsalReport';
import { barChartSvg, escapeXml as esc } from './chart';
import { budgetLabel, graduationLabel, latestLabel, minutes, rehearsalLabel, stalenessLabel, TREND } from './labels';

const STYLE = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 14px); color: var(--vscode-editor-foreground, CanvasText); background: var(--vscode-editor-background, Canvas); margin: 1.5em; max-width: 60em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; } h3 { font-size: 1em; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border: 1px solid var(--vscode-editorWidget-border, #8886); padding: .25em .6em; text-align: left; vertical-align: top; }
th { font-weight: 600; }
.muted { opacity: .75; }
.over { color: var(--vscode-errorForeground, #d32f2f); font-weight: 600; }
.rehearsal-chart text { fill: var(--vscode-editor-foreground, CanvasText); font-size: 11px; }
.rehearsal-chart .title { font-size: 12px; font-weight: 600; }
.rehearsal-chart .bar { fill: var(--vscode-charts-blue, #3b82f6); }
.rehearsal-chart .bar.over { fill: var(--vscode-charts-red, #dc2626); }
.rehearsal-chart .budget { stroke: var(--vscode-charts-orange, #f59e0b); stroke-width: 2; stroke-dasharray: 6 4; }
.rehearsal-chart .budget-label { fill: var(--vscode-charts-orange, #f59e0b); }
.rehearsal-chart .grid { stroke: var(--vscode-editorWidget-border, #8884); stroke-width: 1; }
.rehearsal-chart .axis { stroke: var(--vscode-editor-foreground, CanvasText); stroke-width: 1; }
`;

export interface HtmlOptions {
  /** A nonce for the style element (the webview passes a fresh one); the CSP allows only it. */
  nonce: string;
  /** Extra CSP sources for styles (the webview's `cspSource`). */
  styleSource?: string;
  title?: string;
}

export function reportHtml(report: RehearsalReport, options: HtmlOptions): string {
  const w = report.workspace;
  const csp = `default-src 'none'; img-src data:; style-src 'nonce-${options.nonce}'${options.styleSource ? ` ${options.styleSource}` : ''}`;
  const body: string[] = [];
  body.push(`<h1>${esc(options.title ?? 'Rollback rehearsals')}</h1>`);
  body.push(`<p>${w.runbooks} runbook${w.runbooks === 1 ? '' : 's'}, ${w.triggers} trigger${w.triggers === 1 ? '' : 's'}, ${w.rehearsals} rehearsal${w.rehearsals === 1 ? '' : 's'} (drafts not counted); recovery time median ${esc(minutes(w.medianMinutes))}, p90 ${esc(minutes(w.p90Minutes))}; ${w.neverRehearsed} never rehearsed. <span class="muted">As of ${esc(report.today)}.</span></p>`);
  for (const rb of report.runbooks) {
    body.push(`<h2>${esc(rb.file)}</h2>`, `<p class="muted${rb.stale ? ' over' : ''}">${esc(stalenessLabel(rb))}</p>`);
    if (!rb.triggers.length) {
      body.push('<p>No trigger list found.</p>');
      continue;
    }
    body.push('<table><thead><tr><th>Trigger</th><th>Budget</th><th>Rehearsals</th><th>Latest</th><th>Trend</th><th>Graduation</th></tr></thead><tbody>');
    for (const t of rb.triggers) {
      const last = t.rehearsals.at(-1);
      body.push(`<tr><td>${esc(t.name)}</td><td>${esc(budgetLabel(t))}</td><td>${t.rehearsals.length}</td><td${last?.overBudget ? ' class="over"' : ''}>${esc(latestLabel(t))}</td><td>${TREND[t.trend]}</td><td>${esc(graduationLabel(t))}</td></tr>`);
    }
    body.push('</tbody></table>');
    for (const t of rb.triggers.filter((x) => x.rehearsals.length)) {
      body.push(`<h3>${esc(t.name)}</h3>`);
      body.push(barChartSvg({ title: `${t.name}: minutes per rehearsal`, labels: t.rehearsals.map(rehearsalLabel), values: t.rehearsals.map((r) => r.minutes), budget: t.budgetMinutes }));
      body.push('<table><thead><tr><th>Rehearsal</th><th>Date</th><th>Minutes</th><th>Against the budget</th><th>Path</th><th>Receipt</th></tr></thead><tbody>');
      for (const r of t.rehearsals) {
        const against = r.overBudget === null ? '—' : r.overBudget ? '<span class="over">over</span>' : 'within';
        body.push(`<tr><td title="${esc(r.file)}">${esc(rehearsalLabel(r))}</td><td>${esc(r.date ?? '—')}</td><td>${esc(minutes(r.minutes))}</td><td>${against}</td><td>${esc(r.path ?? '—')}</td><td>${esc(r.receipt ?? '—')}</td></tr>`);
      }
      body.push('</tbody></table>');
    }
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(options.title ?? 'Rollback rehearsals')}</title>
<style nonce="${options.nonce}">${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
