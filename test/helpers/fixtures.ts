// Rule fixtures with inline expected markers, as markdownlint does it: a `{RB005}`
// anywhere on a line expects that rule to report a finding starting on that line;
// `<!-- expect RB005:14 -->` expects one on line 14 (1-based) where a marker would
// disturb the Markdown (inside a table, say).
//
// A case folder with a `git-history.json` is linted inside a real, throwaway git repository:
// its files are the first commit, the listed commits follow (with fixed dates), and
// `{{commit N}}` (`{{short N}}`) in a file stands for the SHA (7 digits of it) of commit N (1 is the first).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitHistories } from '../../server/src/engine/git';
import { Project, classify } from '../../server/src/engine/project';
import { ConfigResolver } from '../../server/src/engine/config';
import { LineIndex } from '../../server/src/model/text';
import type { Finding } from '../../server/src/model/types';

export const FIXTURE_TODAY = '2026-06-01';
export const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'rules');

export interface Expectation {
  file: string;
  ruleId: string;
  line: number;
}

export function markersIn(file: string, text: string): Expectation[] {
  const out: Expectation[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((l, i) => {
    for (const m of l.matchAll(/\{(R[BR]\d{3})\}/g)) out.push({ file, ruleId: m[1], line: i + 1 });
    for (const m of l.matchAll(/<!--\s*expect\s+(R[BR]\d{3}):(\d+)\s*-->/g)) out.push({ file, ruleId: m[1], line: Number(m[2]) });
  });
  return out;
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== '.git') out.push(...markdownFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

export interface LoadedCase {
  name: string;
  project: Project;
  files: string[];
  expected: Expectation[];
  /** Resolves when the case's git history (if any) has been read. */
  ready: Promise<void>;
}

export const HISTORY_FILE = 'git-history.json';

interface HistorySpec {
  /** Date of the first commit (the case's files). */
  first: string;
  commits?: { date: string; message: string; files: Record<string, string> }[];
  /** Lint a `--depth 1` clone of the repository instead. */
  shallow?: boolean;
}

export function git(cwd: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Fixture', GIT_AUTHOR_EMAIL: 'fixture@example.com', GIT_COMMITTER_NAME: 'Fixture', GIT_COMMITTER_EMAIL: 'fixture@example.com', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Build the case's repository in a temp dir; returns its folder and the commits' SHAs in order. */
export function buildRepository(casePath: string, spec: HistorySpec): { root: string; shas: string[] } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-git-'));
  const origin = path.join(parent, 'origin');
  fs.cpSync(casePath, origin, { recursive: true, filter: (src) => path.basename(src) !== HISTORY_FILE });
  git(origin, ['init', '-q', '-b', 'main']);
  const commit = (message: string, date: string) => {
    git(origin, ['add', '-A']);
    git(origin, ['commit', '-q', '--allow-empty', '-m', message], date);
    return git(origin, ['rev-parse', 'HEAD']).trim();
  };
  const shas = [commit('first', spec.first)];
  for (const c of spec.commits ?? []) {
    for (const [rel, text] of Object.entries(c.files)) {
      fs.mkdirSync(path.dirname(path.join(origin, rel)), { recursive: true });
      fs.writeFileSync(path.join(origin, rel), text);
    }
    shas.push(commit(c.message, c.date));
  }
  if (!spec.shallow) return { root: origin, shas };
  const clone = path.join(parent, 'clone');
  git(parent, ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
  return { root: clone, shas };
}

/** A case is one .md file (a runbook unless the globs say receipt) or a folder (a workspace). */
export function loadCase(casePath: string, today = FIXTURE_TODAY): LoadedCase {
  const isDir = fs.statSync(casePath).isDirectory();
  const specFile = path.join(casePath, HISTORY_FILE);
  const repo = isDir && fs.existsSync(specFile) ? buildRepository(casePath, JSON.parse(fs.readFileSync(specFile, 'utf8')) as HistorySpec) : undefined;
  const root = repo?.root ?? (isDir ? casePath : path.dirname(casePath));
  const resolver = new ConfigResolver(root);
  const histories = repo && new GitHistories();
  const project = new Project({ today: () => today, configFor: (f) => resolver.forFile(f), history: histories && ((f) => histories.historyFor(f)) });
  const files = isDir ? markdownFiles(root) : [casePath];
  const expected: Expectation[] = [];
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8').replace(/\{\{(commit|short) (\d+)\}\}/g, (_, form: string, n: string) => {
      const sha = repo?.shas[Number(n) - 1] ?? `commit-${n}-unknown`;
      return form === 'short' ? sha.slice(0, 7) : sha;
    });
    project.set(f, text, classify(f, resolver.forFile(f)) ?? 'runbook');
    expected.push(...markersIn(f, text));
  }
  const ready = histories ? histories.load(files).then(() => undefined) : Promise.resolve();
  return { name: path.relative(FIXTURES, casePath), project, files, expected, ready };
}

export function findingLine(project: Project, f: Finding): number {
  return new LineIndex(project.textOf(f.file)!).position(f.span.start).line + 1;
}

export function key(e: Expectation): string {
  return `${path.basename(e.file)}:${e.line} ${e.ruleId}`;
}
