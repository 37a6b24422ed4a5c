// Hover: the parsed budget and rehearsal history on a timer budget, the schema description
// on a receipt front matter key — first — then one line per finding there, with its docs.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { Project } from '../engine/project';
import type { Finding } from '../model/types';
import { formatMinutes } from '../model/duration';
import { receiptProperties } from '../model/schema';
import { docsUri, rangeOf, ruleSummary } from './diagnostics';
import { historyOf } from './history';
import { ago } from '../report/labels';
import { receiptLabel } from '../model/rehearsals';
import { daysBetween } from '../model/rehearsals';
import { pathToUri } from './uri';

export function hover(project: Project, file: string, pos: Position, findings: Finding[], today: string): Hover | null {
  const model = project.model(file);
  if (!model) return null;
  const offset = model.lines.offset(pos);
  const parts: string[] = [];
  let range: Hover['range'];
  const within = (s: { start: number; end: number }) => offset >= s.start && offset <= s.end;

  if (model.kind === 'runbook') {
    for (const t of model.triggers.triggers) {
      if (!t.budgetSpan || !within(t.budgetSpan)) continue;
      range = rangeOf(model.lines, t.budgetSpan);
      const head =
        t.budgetMinutes !== undefined
          ? `**Timer budget: ${t.budgetMinutes} minutes** (${formatMinutes(t.budgetMinutes)}, parsed from \`${t.budgetText ?? ''}\`)`
          : t.dataCorrection
            ? '**No code rollback**: this trigger is answered by a data correction.'
            : `**Timer budget not understood**: \`${t.budgetText ?? ''}\` is not a duration.`;
      const history = historyOf(project, model, t);
      const lines = history.length
        ? [
            `Rehearsals of "${t.name}":`,
            '',
            '| # | Date | Minutes |',
            '|---|---|---|',
            ...history.map((r) => `| [${receiptLabel(r)}](${pathToUri(r.receipt.path)}) | ${r.date ?? '?'} (${ago(r.date ? daysBetween(r.date, today) : undefined)}) | ${r.minutes ?? '?'}${t.budgetMinutes !== undefined && r.minutes !== undefined && r.minutes > t.budgetMinutes ? ' (over budget)' : ''} |`),
          ]
        : [`"${t.name}" has never been rehearsed.`];
      parts.push([head, '', ...lines].join('\n'));
    }
  } else {
    for (const field of model.frontMatter?.fields.values() ?? []) {
      if (!within(field.keySpan)) continue;
      const p = receiptProperties[field.key];
      range = rangeOf(model.lines, field.keySpan);
      if (!p) {
        parts.push(`\`${field.key}\` is not a receipt field.`);
        continue;
      }
      const extra = p.enum ? `\n\nOne of: ${p.enum.map((v) => `\`${v}\``).join(', ')}` : '';
      parts.push(`**${field.key}**: ${p.description ?? ''}${extra}`);
    }
  }
  // The findings after the facts, one line each: five findings on one heading are five lines, not five doc blocks.
  const seen = new Set<string>();
  const notes: string[] = [];
  for (const f of findings) {
    if (!within(f.span) || seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    notes.push(`- **${f.ruleId}** \`${f.ruleName}\` (${f.severity}): ${ruleSummary(f.ruleId)} [Docs](${docsUri(f.ruleId)})`);
    range ??= rangeOf(model.lines, f.span);
  }
  if (notes.length) parts.push(notes.join('\n'));
  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}
