// Glob matching for the configured lists (runbooks, receipts, rollbackPath), compiled once per list.
import picomatch from 'picomatch';

/**
 * picomatch compiles a glob to a backtracking regular expression: each wildcard multiplies the
 * ways a failing path is tried, so `**∕*a*a*a*a*ab.md` against a long name takes seconds per
 * file (issue 16). Within these bounds the worst path measured (255-character names, 1,500
 * folders deep) costs under 10 ms: a row of BENCHMARKS.md (bench/hostile.mjs) keeps that true.
 */
export const MAX_GLOB_LENGTH = 1_000;
/** Each `*` or `?` outside a `**` segment counts one, each `**` counts one. */
export const MAX_GLOB_WILDCARDS = 3;
export const MAX_GLOBSTARS = 2;

/** Why a glob from a configuration file or a setting is refused, or undefined. */
export function unsafeGlob(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `is ${glob.length.toLocaleString('en-US')} characters long; globs may have up to ${MAX_GLOB_LENGTH.toLocaleString('en-US')}`;
  const globstars = (glob.match(/\*\*/g) ?? []).length;
  const wildcards = globstars + (glob.replace(/\*\*/g, '').match(/[*?]/g) ?? []).length;
  if (globstars > MAX_GLOBSTARS) return `has ${globstars} "**"; globs may have up to ${MAX_GLOBSTARS} (each one multiplies the work per path)`;
  if (wildcards > MAX_GLOB_WILDCARDS) return `has ${wildcards} wildcards; globs may have up to ${MAX_GLOB_WILDCARDS} ("*", "?" and "**" each count: each one multiplies the work per path)`;
  return undefined;
}

/**
 * A glob that could name something outside the folder it is relative to: absolute, a drive,
 * a home folder, or a `..` segment, also as one alternative of a brace (`{..,x}/*.md`).
 */
export function escapes(glob: string): boolean {
  const g = glob.replace(/\\/g, '/');
  if (/^\{*\s*(\/|~|[a-zA-Z]:)/.test(g)) return true;
  if (g.startsWith('{') && /[{,]\s*(\/|~|[a-zA-Z]:)/.test(g)) return true;
  return g.split(/[/{},]/).some((part) => part.trim() === '..');
}

const matchers = new Map<string, (p: string) => boolean>();

/**
 * A matcher for `/`-separated relative paths; dot files count (`.github/workflows/**`). A glob
 * unsafeGlob refuses matches nothing (the configuration reports it), and neither does one
 * picomatch cannot compile.
 */
export function matcher(globs: readonly string[]): (p: string) => boolean {
  const key = globs.join('\0');
  let m = matchers.get(key);
  if (!m) {
    const safe = globs.filter((g) => !unsafeGlob(g));
    try {
      m = safe.length ? picomatch([...safe], { dot: true, nocase: process.platform === 'win32' }) : () => false;
    } catch {
      m = () => false;
    }
    matchers.set(key, m);
  }
  return m;
}
