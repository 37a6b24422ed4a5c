// Whether a path is inside a folder, and where: compared by prefix where that is exact.
import * as path from 'node:path';

export function isInside(child: string, parent: string): boolean {
  return pathInside(parent, child) !== undefined;
}

/** An absolute POSIX path without `//`, `.` or `..` segments or a trailing slash: compared by prefix. */
const PLAIN_PATH = /^(?!.*\/\/)(?!.*\/\.\.?(?:\/|$))\/(?:.*[^/])?$/;

/**
 * `child` relative to `parent`, with `/` separators ('' for the folder itself), or undefined
 * when it is not inside. Plain absolute paths (what the walks and the editor hand in) are
 * compared by prefix: path.relative resolves both paths each time, and the workspace asks
 * this for every file against every folder (issue 13).
 */
export function pathInside(parent: string, child: string): string | undefined {
  if (path.sep === '/' && PLAIN_PATH.test(parent) && PLAIN_PATH.test(child)) {
    if (child === parent) return '';
    const prefix = parent === '/' ? '/' : parent + '/';
    return child.startsWith(prefix) ? child.slice(prefix.length) : undefined;
  }
  const rel = path.relative(parent, child);
  if (rel === '') return '';
  return rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
}
