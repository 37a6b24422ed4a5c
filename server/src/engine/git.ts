// Reads a repository's history for RB024 and RR016 with the `git` binary: a fixed argument
// list, no shell, bounded in time and output, cached per HEAD. Nothing from a document
// reaches the command line (SECURITY.md lists every command). Where there is no repository,
// a shallow clone or no git, there is no history: the rules stay silent and one line is logged.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitTimes, historyOf, type Commit, type RepositoryHistory } from '../model/history';

export interface GitOptions {
  /** The binary; `git` on the PATH unless a face says otherwise. */
  git?: string;
  /** Per command. */
  timeoutMs?: number;
  /** Commits read from every ref (for RR016). */
  maxCommits?: number;
  /** Commits read from HEAD with the files they changed (for RB024: the recent ones matter). */
  maxChanges?: number;
  log?: (message: string) => void;
}

/** Options that keep git from running anything a repository configures (pager, fsmonitor, signature checks). */
const SAFE = ['--no-pager', '-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', '-c', 'core.quotePath=false'];
const RECORD = '\x1e';
const FIELD = '\x1f';
/** A full commit id as git prints it (SHA-1, or SHA-256 in a repository that uses it). */
const FULL_SHA = /^[0-9a-f]{40,64}$/;

interface Loaded {
  head: string;
  history?: RepositoryHistory;
}

export class GitHistories {
  private readonly roots = new Map<string, string | null>();
  private readonly loaded = new Map<string, Loaded>();
  private readonly silent = new Set<string>();
  private readonly git: string;
  private readonly timeoutMs: number;
  private readonly maxCommits: number;
  private readonly maxChanges: number;

  constructor(private readonly options: GitOptions = {}) {
    this.git = options.git ?? 'git';
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxCommits = options.maxCommits ?? 10_000;
    this.maxChanges = options.maxChanges ?? 2_000;
  }

  /** The repository folder holding `file` (the nearest parent with `.git`), or null. */
  repositoryOf(file: string): string | null {
    const dir = path.dirname(path.resolve(file));
    const walked: string[] = [];
    let found: string | null = null;
    for (let d = dir; ; d = path.dirname(d)) {
      const known = this.roots.get(d);
      if (known !== undefined) {
        found = known;
        break;
      }
      walked.push(d);
      if (fs.existsSync(path.join(d, '.git'))) {
        found = d;
        break;
      }
      if (path.dirname(d) === d) break;
    }
    for (const d of walked) this.roots.set(d, found);
    return found;
  }

  /** The history `file` is checked against, when it has been loaded. */
  historyFor(file: string): RepositoryHistory | undefined {
    const root = this.repositoryOf(file);
    return root ? this.loaded.get(root)?.history : undefined;
  }

  /**
   * Read (or re-read, when HEAD moved) the histories of the repositories holding these files.
   * Resolves to whether any history changed.
   */
  async load(files: Iterable<string>): Promise<boolean> {
    const roots = new Set<string>();
    for (const f of files) {
      const r = this.repositoryOf(f);
      if (r) roots.add(r);
    }
    const changed = await Promise.all([...roots].map((r) => this.loadRoot(r)));
    return changed.some(Boolean);
  }

  private async loadRoot(root: string): Promise<boolean> {
    const head = await this.run(root, ['rev-parse', '--is-shallow-repository', '--verify', 'HEAD']);
    const [shallow, sha] = (head ?? '').trim().split('\n');
    if (head === undefined || !FULL_SHA.test(sha ?? '')) return this.forget(root, 'not a git repository with commits, or git is missing');
    if (shallow === 'true') return this.forget(root, 'a shallow clone: its history is incomplete');
    if (this.loaded.get(root)?.head === sha) return false;
    const [mine, every] = await Promise.all([
      this.run(root, ['log', '--no-renames', '--name-only', `--format=${RECORD}%H${FIELD}%cI${FIELD}%s`, `--max-count=${this.maxChanges}`, 'HEAD', '--']),
      this.run(root, ['log', '--all', `--format=%H${FIELD}%cI`, `--max-count=${this.maxCommits}`, '--']),
    ]);
    if (mine === undefined || every === undefined) return this.forget(root, 'git log failed');
    const commits = parseLog(mine);
    const others = parseRefs(every);
    const history = historyOf(root, commits, { truncated: commits.length >= this.maxChanges, others, complete: others.length < this.maxCommits });
    this.loaded.set(root, { head: sha, history });
    this.silent.delete(root);
    return true;
  }

  /**
   * The revert commits (subject "Revert …" or a body saying "This reverts commit") committed
   * on HEAD between two moments, newest first: what `rehearse stop` records as the receipt.
   */
  async revertsBetween(file: string, from: Date, to: Date): Promise<{ sha: string; subject: string }[]> {
    const root = this.repositoryOf(file);
    if (!root) return [];
    const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
    const out = await this.run(root, ['log', `--since=@${seconds(from)}`, `--until=@${seconds(to) + 1}`, `--format=%H${FIELD}%s${FIELD}%b${RECORD}`, '--max-count=200', 'HEAD', '--']);
    if (out === undefined) return [];
    const found: { sha: string; subject: string }[] = [];
    for (const record of out.split(RECORD)) {
      const [sha, subject = '', body = ''] = record.trim().split(FIELD);
      if (sha && FULL_SHA.test(sha) && (/^Revert\b/i.test(subject) || /This reverts commit [0-9a-f]{7,}/.test(body))) found.push({ sha, subject });
    }
    return found;
  }

  private forget(root: string, why: string): boolean {
    const had = this.loaded.get(root)?.history !== undefined;
    this.loaded.set(root, { head: '' });
    if (!this.silent.has(root)) {
      this.silent.add(root);
      this.options.log?.(`runbook-lint: no git history for ${root} (${why}): RB024 and RR016 are not checked there.`);
    }
    return had;
  }

  private run(cwd: string, args: string[]): Promise<string | undefined> {
    return new Promise((resolve) => {
      try {
        execFile(
          this.git,
          [...SAFE, ...args],
          {
            cwd,
            timeout: this.timeoutMs,
            maxBuffer: 256 * 1024 * 1024,
            windowsHide: true,
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
          },
          (err, stdout) => resolve(err ? undefined : stdout),
        );
      } catch {
        resolve(undefined);
      }
    });
  }
}

function commitOf(sha: string, iso: string, subject: string, files: string[]): Commit | undefined {
  const times = commitTimes(iso);
  return FULL_SHA.test(sha) && times ? { sha, ...times, subject, files } : undefined;
}

function parseLog(out: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of out.split(RECORD)) {
    if (!record) continue;
    const [head, ...rest] = record.split('\n');
    const [sha, iso, subject = ''] = head.split(FIELD);
    const c = commitOf(sha, iso ?? '', subject, rest.filter((l) => l !== ''));
    if (c) commits.push(c);
  }
  return commits;
}

function parseRefs(out: string): Commit[] {
  const commits: Commit[] = [];
  for (const line of out.split('\n')) {
    const [sha, iso] = line.split(FIELD);
    const c = sha && iso ? commitOf(sha, iso, '', []) : undefined;
    if (c) commits.push(c);
  }
  return commits;
}
