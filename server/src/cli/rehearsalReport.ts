// `runbook-lint report [paths] [--format markdown|html|json]`: the rehearsal history of the
// runbooks the paths name (issue 15), on stdout. Markdown for a job summary or a PR comment,
// one self-contained HTML file, or JSON (schemas/rehearsal-report.schema.json).
import { randomBytes } from 'node:crypto';
import type { ConfigResolver } from '../engine/config';
import type { Project } from '../engine/project';
import { rehearsalReport } from '../engine/rehearsalReport';
import type { WalkProblem } from '../engine/files';
import type { RunbookModel } from '../model/runbook';
import { reportHtml } from '../report/html';
import { reportMarkdown } from '../report/markdown';
import { printProblems } from './report';
import { UsageError, type CliIO } from './usage';

export const REPORT_HELP = '       runbook-lint report [paths or globs...] [--format markdown|html|json]';

export async function rehearsalReportCommand(
  paths: string[],
  format: string | undefined,
  load: (paths: string[]) => Promise<{ project: Project; linted: string[]; problems: WalkProblem[] }>,
  resolver: ConfigResolver,
  today: string,
  io: CliIO,
): Promise<number> {
  const as = format ?? 'markdown';
  if (!['markdown', 'html', 'json'].includes(as)) throw new UsageError(`report --format must be markdown, html or json, not "${format}"`);
  const { project, linted, problems } = await load(paths);
  const named = new Set(linted);
  const runbooks = project.runbooks().filter((r: RunbookModel) => named.has(r.path));
  const report = rehearsalReport(project, runbooks, { today, from: io.cwd, configFor: (f) => resolver.forFile(f) });
  if (as === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else if (as === 'html') io.stdout(reportHtml(report, { nonce: randomBytes(16).toString('base64') }));
  else io.stdout(reportMarkdown(report) + '\n');
  return printProblems(resolver.problems, problems, io) ? 2 : 0;
}
