// Finding runbooks and receipts on disk, for the CLI and for the server's index of
// closed files. Never follows a symlinked folder (no loops), skips vendored trees.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify } from './project';
import type { ConfigResolver } from './config';
import type { FileKind } from '../model/types';
import { LEAVES_WORKSPACE, leavesWorkspace } from './read';

/** Folders never walked nor watched: vendored trees, build output, VCS metadata. */
export const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.next', 'vendor']);

export interface FoundFile {
  path: string;
  kind: FileKind;
}

export interface WalkProblem {
  path: string;
  message: string;
}

/**
 * Every file under dir that the configured globs make a runbook or a receipt. A symlinked file
 * whose target lies outside the resolver's workspace is skipped and reported, never read: a pull
 * request must not make CI quote a file of the runner (issue 16).
 */
export function findWorkspaceFiles(dir: string, resolver: Pick<ConfigResolver, 'forFile' | 'workspaceRoot'>, problems: WalkProblem[] = []): FoundFile[] {
  const out: FoundFile[] = [];
  const stack = [path.resolve(dir)];
  const seen = new Set<string>();
  while (stack.length) {
    const d = stack.pop()!;
    let real: string;
    try {
      real = fs.realpathSync(d);
    } catch (e) {
      problems.push({ path: d, message: (e as Error).message });
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: d, message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const ent of entries) {
      const p = path.join(d, ent.name);
      if (ent.isDirectory()) {
        if (!SKIP.has(ent.name)) stack.push(p);
        continue;
      }
      if (!ent.isFile() && !ent.isSymbolicLink()) continue;
      if (!/\.md$/i.test(ent.name)) continue;
      const kind = classify(p, resolver.forFile(p));
      if (!kind) continue;
      if (ent.isSymbolicLink()) {
        try {
          if (!fs.statSync(p).isFile()) continue;
        } catch (e) {
          problems.push({ path: p, message: `broken or looping symlink: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
          continue;
        }
        if (leavesWorkspace(p, resolver.workspaceRoot)) {
          problems.push({ path: p, message: `skipped: ${LEAVES_WORKSPACE}` });
          continue;
        }
      }
      out.push({ path: p, kind });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Write atomically: a temp file beside the target, then rename over it. Through a symlink, the
 * target is written (a shared runbook never forks into a copy); the mode and, where the process
 * may, the owner are kept; the temp file is removed on every failure (a full disk).
 */
export function writeAtomic(file: string, text: string): void {
  const target = fs.realpathSync(file);
  const st = fs.statSync(target);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx', mode: 0o600 });
    // The umask applies to a create's mode: set it afterwards.
    fs.chmodSync(tmp, st.mode & 0o7777);
    if (st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) {
      try {
        fs.chownSync(tmp, st.uid, st.gid);
      } catch {
        /* only root may give a file away: it stays the writer's, as an editor's save would */
      }
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Why fixes must not be written to `file`, or undefined. */
export function unwritable(file: string): string | undefined {
  const st = fs.statSync(file);
  // By the mode bits, not access(): root may write anything, and a 0444 file says "leave me".
  if ((st.mode & 0o222) === 0) return 'the file is read-only: fixes not written';
  return undefined;
}

/**
 * Replace `file` with `text` only while it still holds `expected` (what was read and fixed):
 * false, and nothing written, when someone changed it meanwhile. Bytes appended to the old file
 * between the check and the rename (a log line, another tool) are carried over to the new one,
 * never dropped.
 */
export function writeIfUnchanged(file: string, expected: string, text: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const before = fs.fstatSync(fd);
    if (fs.readFileSync(fd).toString('utf8') !== expected) return false;
    writeAtomic(file, text);
    // The old inode, which our fd still holds: did anything land in it after the check?
    let seen = before.size;
    for (let settled = 0; settled < 2; ) {
      const size = fs.fstatSync(fd).size;
      if (size === seen) {
        settled++;
        continue;
      }
      settled = 0;
      const tail = Buffer.alloc(size - seen);
      fs.readSync(fd, tail, 0, tail.length, seen);
      fs.appendFileSync(file, tail);
      seen = size;
    }
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

/** Create a new file; fails with EEXIST rather than overwrite, and leaves nothing behind when the write fails (a full disk). */
function createExclusive(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'wx');
  try {
    fs.writeFileSync(fd, text);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw e;
  }
  fs.closeSync(fd);
}

/** The names in a folder on disk; none when it cannot be read (it may not exist yet). */
export function listFolder(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * Write the receipt `planAt(after)` plans, exclusively: when its number was taken meanwhile
 * (another process, another editor), plan again after it. Throws on any other error.
 */
export function createReceipt<P extends { path: string; content: string; number: number }>(planAt: (after: number) => P, attempts = 1000): P {
  let after = 0;
  for (let i = 0; i < attempts; i++) {
    const plan = planAt(after);
    try {
      createExclusive(plan.path, plan.content);
      return plan;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      after = plan.number;
    }
  }
  throw new Error('could not find a free receipt number');
}
