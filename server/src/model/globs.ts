// Glob matching for the configured lists (runbooks, receipts, rollbackPath), compiled once per list.
import picomatch from 'picomatch';

const matchers = new Map<string, (p: string) => boolean>();

/** A matcher for `/`-separated relative paths; dot files count (`.github/workflows/**`). */
export function matcher(globs: readonly string[]): (p: string) => boolean {
  const key = globs.join('\0');
  let m = matchers.get(key);
  if (!m) {
    m = globs.length ? picomatch([...globs], { dot: true, nocase: process.platform === 'win32' }) : () => false;
    matchers.set(key, m);
  }
  return m;
}
