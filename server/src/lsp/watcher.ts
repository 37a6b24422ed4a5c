// The server's own file watcher, for clients that cannot watch files for it (no dynamic
// workspace/didChangeWatchedFiles registration: Neovim 0.7). Bounded to the workspace
// folders, blind to the folders the walk skips, and reporting only Markdown and config
// files: a receipt written by `git pull`, `--fix` or `new-receipt` re-lints its runbook as
// in VS Code (issue 12). Changes arrive in batches, as the client's would.
import * as path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { FileChangeType } from 'vscode-languageserver/node';
import { SKIP } from '../engine/files';
import { CONFIG_NAMES } from '../engine/config';

export interface WatchedChange {
  file: string;
  type: FileChangeType;
}

const BATCH_MS = 50;

const wanted = (file: string) => /\.md$/i.test(file) || CONFIG_NAMES.includes(path.basename(file));

export interface FolderWatch {
  /** Watch one more folder (the project of a file opened outside every workspace folder). */
  add(folder: string): void;
  close(): Promise<void>;
}

export function watchFolders(folders: string[], onChanges: (changes: WatchedChange[]) => void, log: (m: string) => void): FolderWatch {
  let pending: WatchedChange[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length) onChanges(batch);
  };
  const add = (file: string, type: FileChangeType, folder = false) => {
    if (!folder && !wanted(file)) return;
    pending.push({ file: path.resolve(file), type });
    timer ??= setTimeout(flush, BATCH_MS);
  };
  let watcher: FSWatcher | undefined;
  const watched = new Set<string>();
  const start = (roots: string[]): FSWatcher => watch(roots, {
    ignoreInitial: true,
    // The server's lifetime is the connection's: the watcher never keeps the process alive.
    persistent: false,
    followSymlinks: false,
    // Directories by name, as the walk skips them; files we do not read are filtered on arrival.
    ignored: (p: string) => SKIP.has(path.basename(p)),
    atomic: true,
  });
  const watchMore = (folder: string) => {
    if (watched.has(folder)) return;
    watched.add(folder);
    if (watcher) {
      watcher.add(folder);
      return;
    }
    watcher = start([folder])
      .on('add', (f) => add(f, FileChangeType.Created))
      .on('change', (f) => add(f, FileChangeType.Changed))
      .on('unlink', (f) => add(f, FileChangeType.Deleted))
      .on('unlinkDir', (f) => add(f, FileChangeType.Deleted, true))
      .on('ready', () => log(`runbook-lint: the client does not watch files: watching ${watched.size} workspace folder(s) for changes to runbooks and receipts (${[...watched].join(', ')})`))
      .on('error', (e) => log(`runbook-lint: watching the workspace: ${(e as Error).message ?? e}`));
  };
  for (const f of folders) watchMore(f);
  return {
    add: watchMore,
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher?.close();
    },
  };
}
