// Reading a file of the workspace as data, safely: a regular file only, of a bounded size, never
// through a symlink that leads out of the workspace (issue 16). Both faces read through here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES, sizeRefusal, tooLargeToLint } from '../model/limits';
import { isInside } from '../model/paths';

export type ReadResult = { text: string } | { error: string };

export interface ReadLimits {
  maxBytes?: number;
  /** The workspace: a file reached through a symlink that leads out of it is not read (issue 16). */
  within?: string;
}

const realWithin = new Map<string, string>();

/** Whether `file` is a link (or lies under a linked folder) whose target is outside `within`. */
export function leavesWorkspace(file: string, within: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return false;
  }
  if (real === path.resolve(file)) return false;
  let root = realWithin.get(within);
  if (!root) {
    try {
      root = fs.realpathSync(within);
    } catch {
      root = path.resolve(within);
    }
    realWithin.set(within, root);
  }
  return !isInside(real, root);
}

export const LEAVES_WORKSPACE = 'a symlink that leads out of the workspace: not followed';

/**
 * Read a regular file, never anything else: the file is opened without blocking and measured
 * on its descriptor, so a FIFO, a socket or a device (`/dev/zero` behind a committed link) is
 * refused at once instead of hanging or filling memory, and a file swapped between a check and
 * the read is the one measured.
 */
export function readRegularFile(file: string, { maxBytes = MAX_FILE_BYTES, within }: ReadLimits = {}): { bytes: Buffer; text: string } | { error: string } {
  if (within && leavesWorkspace(file, within)) return { error: LEAVES_WORKSPACE };
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return { error: 'a folder, not a file' };
    if (!st.isFile()) return { error: 'not a regular file (a FIFO, a socket or a device): not read' };
    if (st.size > maxBytes) return { error: sizeRefusal(st.size, maxBytes) };
    const bytes = fs.readFileSync(fd);
    if (bytes.length > maxBytes) return { error: sizeRefusal(bytes.length, maxBytes) };
    return { bytes, text: bytes.toString('utf8') };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  } finally {
    fs.closeSync(fd);
  }
}

/** Read a file as text: UTF-8, invalid sequences replaced; refuses huge files, folders, FIFOs, devices and links out of `within`. */
export function readText(file: string, within?: string): ReadResult {
  const read = readRegularFile(file, { within });
  if ('error' in read) return read;
  const { bytes, text } = read;
  // Read as UTF-8, a UTF-16 file is garbage with nonsense findings; say what it is instead.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { error: `the file is UTF-16 (${bytes[0] === 0xff ? 'little' : 'big'}-endian); save it as UTF-8 to lint it` };
  const refused = tooLargeToLint(text);
  return refused ? { error: refused } : { text };
}
