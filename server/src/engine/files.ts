// Finding runbooks and receipts on disk, for the CLI and for the server's index of
// closed files. Never follows a symlinked folder (no loops), skips vendored trees.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify } from './project';
import type { ConfigResolver } from './config';
import type { FileKind } from '../model/types';
import { tooLargeToLint } from '../model/limits';

/** Folders never walked nor watched: vendored trees, build output, VCS metadata. */
export const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.next', 'vendor']);
/**
 * Files larger than this are reported (an I/O error, exit 2), not read into a model: Markdown
 * parsing costs a few microseconds a character, so 10 MB would take minutes. The largest real
 * runbook in the corpus is 150 KB (issue 6).
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface FoundFile {
  path: string;
  kind: FileKind;
}

export interface WalkProblem {
  path: string;
  message: string;
}

/** Every file under dir that the configured globs make a runbook or a receipt. */
export function findWorkspaceFiles(dir: string, resolver: Pick<ConfigResolver, 'forFile'>, problems: WalkProblem[] = []): FoundFile[] {
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
      }
      out.push({ path: p, kind });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export type ReadResult = { text: string } | { error: string };

/** Read a file as text: UTF-8, invalid sequences replaced; refuses huge files and folders. */
export function readText(file: string): ReadResult {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { error: 'not a file' };
    if (st.size > MAX_FILE_BYTES) return { error: `file is ${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB (split it, or exclude it from the runbooks/receipts globs)` };
    const bytes = fs.readFileSync(file);
    // Read as UTF-8, a UTF-16 file is garbage with nonsense findings; say what it is instead.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { error: `the file is UTF-16 (${bytes[0] === 0xff ? 'little' : 'big'}-endian); save it as UTF-8 to lint it` };
    const text = bytes.toString('utf8');
    const refused = tooLargeToLint(text);
    return refused ? { error: refused } : { text };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}

/** Write atomically: a temp file beside the target, then rename over it. */
export function writeAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const mode = fs.statSync(file).mode;
  fs.writeFileSync(tmp, text, { mode });
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
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

/** Create a new file; fails with EEXIST rather than overwrite. */
function createExclusive(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { flag: 'wx' });
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
