// runbook-lint: the command line face of the engine.
// Exit codes: 0 clean, 1 findings at or over the threshold, 2 usage or I/O error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import picomatch from 'picomatch';
import { Project, classifyNamed, today as clockToday } from '../engine/project';
import { ConfigResolver, defaultConfig } from '../engine/config';
import { formatCodeQuality, formatJson, formatSarif, formatText, printable, printProblems, toPublic } from './report';
import { applyEdits, factFreeEdits } from '../model/text';
import { planReceipt } from '../model/scaffold';
import type { Finding, FileKind } from '../model/types';
import { GitHistories } from '../engine/git';
import { UsageError, type CliIO } from './usage';
import { REHEARSE_HELP, rehearse } from './rehearse';
import { REPORT_HELP, rehearsalReportCommand } from './rehearsalReport';
import { loadRunbook, triggerFor } from './runbooks';
import { createReceipt, findWorkspaceFiles, listFolder, unwritable, writeIfUnchanged, type WalkProblem } from '../engine/files';
import { readText } from '../engine/read';

declare const RUNBOOK_LINT_VERSION: string | undefined;
const VERSION = typeof RUNBOOK_LINT_VERSION === 'string' ? RUNBOOK_LINT_VERSION : '0.0.0-dev';

const HELP = `Usage: runbook-lint [paths or globs...] [options]
       runbook-lint new-receipt [folder] [--trigger NAME] [--runbook FILE]
${REHEARSE_HELP}
${REPORT_HELP}

Lints RUNBOOK.md files and rollback-rehearsal receipts. \`rehearse\` records a rehearsal as it
happens: start the clock, run the rollback commands through it, stop it, and it writes the
receipt (times, minutes, commands with their exit codes, timeline, the revert commit or CI run).

Options:
  --format FORMAT            text, json, sarif or codequality (GitLab) (default: text)
  --config FILE              use this configuration file instead of looking for one
  --max-warnings N           exit 1 when there are more than N warnings
  --quiet                    report errors only
  --fix                      apply the safe fixes, then report what is left
  --today YYYY-MM-DD         the date to check receipts against (default: today)
  --no-git                   do not read the repository's history (RB024 and RR016
                             need it; without it RB022 ages rehearsals by the calendar)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 clean, 1 findings at or over the threshold, 2 usage or I/O error.`;


function isGlob(s: string): boolean {
  return /[*?[\]{}]/.test(s);
}

interface Collected {
  targets: Map<string, FileKind>;
  /** Files named one by one or matched by a glob (not found in a folder walk): they need their workspace as context. */
  explicit: Set<string>;
  problems: WalkProblem[];
}

function collect(args: string[], cwd: string, resolver: ConfigResolver): Collected {
  const targets = new Map<string, FileKind>();
  const explicit = new Set<string>();
  const problems: WalkProblem[] = [];
  const inputs = args.length ? args : ['.'];
  for (const arg of inputs) {
    // A path that exists is a path, brackets and all ("runbooks/[old]/RUNBOOK.md").
    if (isGlob(arg) && !fs.existsSync(path.resolve(cwd, arg))) {
      const isMatch = picomatch(arg.split(path.sep).join('/'), { dot: false });
      const base = path.resolve(cwd, picomatch.scan(arg).base || '.');
      const walked = findAllMarkdown(base, resolver.workspaceRoot, problems);
      let any = false;
      for (const f of walked) {
        const rel = path.relative(cwd, f).split(path.sep).join('/');
        if (!isMatch(rel)) continue;
        any = true;
        targets.set(f, classifyNamed(f, resolver.forFile(f)));
        // A glob picks files, not their workspace: a runbook found by one sees its receipts as when it is named.
        explicit.add(f);
      }
      if (!any) problems.push({ path: arg, message: 'no file matches this glob' });
      continue;
    }
    const abs = path.resolve(cwd, arg);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      problems.push({ path: arg, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    if (st.isDirectory()) {
      for (const f of findWorkspaceFiles(abs, resolver, problems)) targets.set(f.path, f.kind);
    } else {
      targets.set(abs, classifyNamed(abs, resolver.forFile(abs)));
      explicit.add(abs);
    }
  }
  return { targets, explicit, problems };
}

/** Every Markdown file under dir, whatever a configuration there says is linted (the glob decides). */
function findAllMarkdown(dir: string, workspaceRoot: string, problems: WalkProblem[]): string[] {
  const all = { ...defaultConfig(dir), runbooks: ['**/*.md'], receipts: [] };
  return findWorkspaceFiles(dir, { forFile: () => all, workspaceRoot }, problems).map((f) => f.path);
}

/**
 * Runbooks and receipts of the workspace of each file named one by one, loaded for the
 * cross-file rules but not reported. A folder's walk already holds its own context.
 */
function addContext(project: Project, explicit: Set<string>, resolver: ConfigResolver, problems: WalkProblem[]): void {
  const roots = new Set<string>();
  for (const file of explicit) roots.add(resolver.forFile(file).root);
  for (const root of roots) {
    const found = findWorkspaceFiles(root, resolver, []);
    for (const f of found) {
      if (project.has(f.path)) continue;
      const r = readText(f.path, resolver.workspaceRoot);
      if ('text' in r) project.set(f.path, r.text, f.kind);
    }
  }
  void problems;
}

function parseCli(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        today: { type: 'string' },
        'no-git': { type: 'boolean', default: false },
        trigger: { type: 'string' },
        runbook: { type: 'string' },
        receipt: { type: 'string' },
        path: { type: 'string' },
        environment: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`runbook-lint: ${printable(e.message)}\nRun runbook-lint --help for usage.\n`);
      return 2;
    }
    io.stderr(`runbook-lint: ${printable(String((e as Error).stack ?? e))}\n`);
    return 2;
  }
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCli(argv);
  if (values.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (values.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const today = values.today ?? io.env.RUNBOOK_LINT_TODAY ?? clockToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today must be YYYY-MM-DD, not "${today}"`);
  const configFile = values.config ? path.resolve(io.cwd, values.config) : undefined;
  if (configFile && !fs.existsSync(configFile)) throw new UsageError(`config file not found: ${values.config}`);
  // From a subfolder, the repository's configuration applies as from the top (issue 16).
  const resolver = new ConfigResolver(new GitHistories().repositoryOf(path.join(io.cwd, '-')) ?? io.cwd, {}, configFile);

  if (positionals[0] === 'new-receipt') return newReceipt(positionals.slice(1), values.trigger, values.runbook, today, resolver, io);
  if (positionals[0] === 'rehearse') {
    const { trigger, runbook, receipt, path: rollbackPath, environment } = values;
    return rehearse(positionals.slice(1), { trigger, runbook, receipt, path: rollbackPath, environment, noGit: values['no-git'] ?? false }, today, resolver, io);
  }

  if (positionals[0] === 'report') return rehearsalReportCommand(positionals.slice(1), values.format, (paths) => loadProject(paths, resolver, today, values['no-git'] ?? false, io), resolver, today, io);

  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif', 'codequality'].includes(format)) throw new UsageError(`--format must be text, json, sarif or codequality, not "${format}"`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError('--max-warnings takes a whole number');
    maxWarnings = Number(values['max-warnings']);
  }

  const { project, linted, problems } = await loadProject(positionals, resolver, today, values['no-git'] ?? false, io);

  if (values.fix) applyFixes(project, linted, io, problems, resolver.workspaceRoot);

  let findings: Finding[] = linted.flatMap((f) => project.lint(f));
  if (values.quiet) findings = findings.filter((f) => f.severity === 'error');
  const pub = toPublic(findings, (f) => project.textOf(f) ?? '', io.cwd);

  const troubled = printProblems(resolver.problems, problems, io);

  if (format === 'json') io.stdout(formatJson(pub, linted.length) + '\n');
  else if (format === 'sarif') io.stdout(formatSarif(pub, VERSION) + '\n');
  else if (format === 'codequality') io.stdout(formatCodeQuality(pub) + '\n');
  else {
    const out = formatText(pub, io.isTTY && !io.env.NO_COLOR);
    if (out) io.stdout(out + '\n');
  }

  if (troubled) return 2;
  const errors = pub.filter((f) => f.severity === 'error').length;
  const warnings = pub.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) return 1;
  return 0;
}

/**
 * The files the paths name (folders walked, globs matched, files as named) read into a project,
 * with the runbooks and receipts of their workspaces as context, and the git history read.
 * What lint and `report` both work on.
 */
export async function loadProject(paths: string[], resolver: ConfigResolver, today: string, noGit: boolean, io: CliIO): Promise<{ project: Project; linted: string[]; problems: WalkProblem[] }> {
  const { targets, explicit, problems } = collect(paths, io.cwd, resolver);
  const git = noGit ? undefined : new GitHistories({ log: (m) => io.stderr(m + '\n') });
  const project = new Project({ today: () => today, configFor: (f) => resolver.forFile(f), log: (m) => io.stderr(m + '\n'), listFolder, history: git && ((f) => git.historyFor(f)) });
  const linted: string[] = [];
  for (const [file, kind] of targets) {
    const r = readText(file, resolver.workspaceRoot);
    if ('error' in r) {
      problems.push({ path: path.relative(io.cwd, file) || file, message: `cannot read: ${r.error}` });
      continue;
    }
    project.set(file, r.text, kind);
    linted.push(file);
  }
  addContext(project, explicit, resolver, problems);
  await git?.load(project.files());
  return { project, linted, problems };
}

/** The text with every fact-free fix applied, pass after pass until none is left (or a pass changes nothing). */
function fixed(project: Project, file: string, original: string): string {
  let text = original;
  project.set(file, text, project.kindOf(file)!);
  for (let pass = 0; pass < 10; pass++) {
    const edits = factFreeEdits(project.lint(file));
    if (!edits.length) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
    project.set(file, text, project.kindOf(file)!);
  }
  return text;
}

/**
 * Apply the fixes and write atomically, only over the text that was fixed: a file someone
 * changed meanwhile is read and fixed again (three times at most), then left alone with a
 * clear problem (exit 2). Nobody's bytes are dropped.
 */
function applyFixes(project: Project, files: string[], io: CliIO, problems: WalkProblem[], within: string): void {
  for (const file of files) {
    let original = project.textOf(file)!;
    const where = path.relative(io.cwd, file) || file;
    for (let attempt = 0; ; attempt++) {
      const text = fixed(project, file, original);
      if (text === original) break;
      const refused = unwritable(file);
      if (refused) {
        problems.push({ path: where, message: refused });
        project.set(file, original, project.kindOf(file)!);
        break;
      }
      try {
        if (writeIfUnchanged(file, original, text)) {
          // What is on disk now (appended bytes included) is what the report is about.
          const now = readText(file, within);
          project.set(file, 'text' in now ? now.text : text, project.kindOf(file)!);
          break;
        }
      } catch (e) {
        problems.push({ path: where, message: `cannot write fixes: ${(e as Error).message}` });
        project.set(file, original, project.kindOf(file)!);
        break;
      }
      const again = readText(file, within);
      if ('error' in again || attempt === 2) {
        problems.push({ path: where, message: 'changed on disk while the fixes were applied: left as it is, run --fix again' });
        if ('text' in again) project.set(file, again.text, project.kindOf(file)!);
        break;
      }
      original = again.text;
    }
  }
}

function newReceipt(args: string[], triggerName: string | undefined, runbookArg: string | undefined, today: string, resolver: ConfigResolver, io: CliIO): number {
  const { project, runbook } = loadRunbook(args[0], runbookArg, today, resolver, io);
  const trigger = triggerFor(runbook, triggerName, io);
  try {
    const plan = createReceipt((after) => planReceipt(runbook, project, trigger, today, after));
    io.stdout(`${printable(path.relative(io.cwd, plan.path))}\n`);
    return 0;
  } catch (e) {
    io.stderr(`runbook-lint: cannot create the receipt: ${(e as Error).message}\n`);
    return 2;
  }
}

/** Wire main() to the process: what the bin runs. */
export function cli(): void {
  main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) cli();
