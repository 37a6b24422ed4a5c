// The repository history the rules read (RB024, RR016): what a face found in git, handed in
// as data. The engine never runs git itself; engine/git.ts reads it for the CLI and the server,
// and the tests hand in a fake.
import { parseTimestamp } from './receipt';
import { dayOf, type Rehearsal } from './rehearsals';

export interface Commit {
  /** Full 40-hex SHA, lower case. */
  sha: string;
  /** Committer time in minutes since the epoch. */
  at: number;
  /** Committer wall-clock time read as if UTC, in minutes: what a receipt time without a zone is compared with. */
  wall: number;
  subject: string;
  /** Paths the commit changed, relative to the repository root, `/`-separated (commits reachable from HEAD only). */
  files: readonly string[];
}

export interface RepositoryHistory {
  /** The repository's top folder, absolute. */
  root: string;
  /** Commits reachable from HEAD, newest first. */
  commits: readonly Commit[];
  /** The log stopped at its bound: older commits exist but are not in `commits`. */
  truncated: boolean;
  /**
   * The commit of any branch or tag a hex SHA (7-40 digits) names: null when the repository
   * has none, undefined when that cannot be told (the history was read only in part).
   */
  find(sha: string): Commit | null | undefined;
}

export const HEX_SHA = /^[0-9a-f]{7,40}$/i;

/** A receipt id that can only be a commit SHA: hex with at least one letter (all digits is a run number). */
export function commitShaOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().replace(/^(["'])(.*)\1$/, '$2');
  return HEX_SHA.test(v) && /[a-f]/i.test(v) ? v.toLowerCase() : undefined;
}

const ZONED = /(?:Z|[+-]\d{2}:?\d{2})\s*$/;

/** A receipt time in minutes, and whether it named its zone (else it is a wall-clock time). */
export interface Moment {
  minutes: number;
  zoned: boolean;
}

/** A receipt timestamp as a Moment. */
export function momentOf(value: unknown): Moment | undefined {
  if (value instanceof Date) return { minutes: value.getTime() / 60000, zoned: true };
  const minutes = parseTimestamp(value);
  return minutes === undefined ? undefined : { minutes, zoned: typeof value === 'string' && ZONED.test(value) };
}

/** Minutes between a receipt moment and a commit, positive when the commit came later. */
export function minutesAfter(moment: Moment, commit: Commit): number {
  return (moment.zoned ? commit.at : commit.wall) - moment.minutes;
}

/**
 * When a rehearsal ended, for "changed since": its `recovered_at`, else `observed_at`, else the
 * end of its day (a commit on the same day may have come before it).
 */
export function rehearsalEnd(rehearsal: Rehearsal): Moment | undefined {
  const f = rehearsal.receipt.frontMatter?.fields;
  const at = momentOf(f?.get('recovered_at')?.value) ?? momentOf(f?.get('observed_at')?.value);
  if (at) return at;
  const day = rehearsal.date ?? dayOf(f?.get('date')?.value);
  const start = day === undefined ? undefined : parseTimestamp(`${day}T00:00`);
  return start === undefined ? undefined : { minutes: start + 24 * 60 - 1, zoned: false };
}

/** Commits of `history` after `since` that changed a file `onPath` accepts, newest first, with those files. */
export function changesSince(history: RepositoryHistory, since: Moment, onPath: (repoPath: string) => boolean): { commit: Commit; files: string[] }[] {
  const out: { commit: Commit; files: string[] }[] = [];
  for (const commit of history.commits) {
    if (minutesAfter(since, commit) <= 0) continue;
    const files = commit.files.filter(onPath);
    if (files.length) out.push({ commit, files });
  }
  return out;
}

/** Parse the committer time `git log --format=%cI` prints (2026-05-03T14:05:09+02:00). */
export function commitTimes(iso: string): { at: number; wall: number } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:?\d{2})$/.exec(iso.trim());
  if (!m) return undefined;
  const at = parseTimestamp(iso.trim());
  const wall = parseTimestamp(m[1]);
  return at === undefined || wall === undefined ? undefined : { at, wall };
}

/** A history over a fixed list of commits: what the git reader builds, and what tests hand in. */
export function historyOf(root: string, commits: Commit[], options: { truncated?: boolean; others?: Commit[]; complete?: boolean } = {}): RepositoryHistory {
  // By the first 7 digits, the shortest SHA a receipt may give: a lookup, not a scan per receipt.
  const byPrefix = new Map<string, Commit[]>();
  for (const c of [...commits, ...(options.others ?? [])]) {
    const key = c.sha.slice(0, 7);
    const list = byPrefix.get(key);
    if (!list) byPrefix.set(key, [c]);
    else if (!list.some((o) => o.sha === c.sha)) list.push(c);
  }
  const complete = options.complete ?? !options.truncated;
  return {
    root,
    commits,
    truncated: options.truncated ?? false,
    find(sha: string) {
      const s = sha.toLowerCase();
      if (!HEX_SHA.test(s)) return null;
      const hit = byPrefix.get(s.slice(0, 7))?.find((c) => c.sha.startsWith(s));
      if (hit) return hit;
      return complete ? null : undefined;
    },
  };
}
