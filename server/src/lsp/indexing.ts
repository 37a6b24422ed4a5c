// The background index: the open documents and what they are linted with first, the
// rest of the workspace read and published in slices that never hold the event loop
// long, with LSP work-done progress (issue 13).
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintWorkspace } from './workspace';
import type { Validation } from './validation';
import { indexingBegan, indexingEnded } from './memory';
import { uriToPath } from './uri';

export interface IndexingContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  ws: LintWorkspace;
  v: Validation;
  log: (m: string) => void;
  report: (what: string, e: unknown) => void;
  /** The client can be asked to redraw code lenses (known after initialize). */
  canRefreshLenses: () => boolean;
}

export function createIndexing({ connection, documents, ws, v, log, report, canRefreshLenses }: IndexingContext) {
  function openDocs() {
    return documents
      .all()
      .map((d) => ({ file: uriToPath(d.uri)!, uri: d.uri, version: d.version, text: d.getText() }))
      .filter((d) => d.file);
  }

  /** A slice of background work holds the event loop for at most this long. */
  const SLICE_MS = 15;
  let indexRun = 0;
  const nextTurn = () => new Promise<void>((r) => setImmediate(r));
  const indexWaiters: (() => void)[] = [];
  /** For what needs the whole workspace (the triggers of every runbook, the next receipt number): the index complete. */
  function indexed(): Promise<void> {
    return v.deferred ? new Promise((r) => indexWaiters.push(r)) : Promise.resolve();
  }

  /**
   * Forget the index and build it again. The open documents and the files they are linted
   * with come first and are published at once; the rest of the workspace is read and
   * published in slices of SLICE_MS, so a request or an edit arriving meanwhile is served
   * between two slices. Resolves when the open documents are published.
   */
  async function reindexAll(): Promise<void> {
    const run = ++indexRun;
    v.cancel();
    v.forget();
    indexingBegan();
    // The open runbooks' own folders are listed and read first; the rest of the workspace is walked in the background.
    const { before } = ws.beginReindex(openDocs(), { deferWalk: true });
    for (const f of ws.open.keys()) ws.readInputsOf(f);
    v.publish(ws.open.keys(), true);
    v.publishConfigProblems();
    v.deferred = new Set(before);
    void indexInBackground(run).catch((e) => report('indexing', e));
  }

  /**
   * `step(item)` for each of `items` in slices of SLICE_MS, a turn of the event loop between
   * two; `afterSlice` runs after each (it may add items), `progress(done, total)` at most
   * every 200 ms. False when a newer index run took over.
   */
  async function inSlices<T>(run: number, items: T[], step: (item: T) => void, progress: (done: number, total: number) => void, afterSlice = () => {}): Promise<boolean> {
    let done = 0;
    let reported = performance.now();
    while (done < items.length) {
      if (run !== indexRun) return false;
      const sliceEnd = performance.now() + SLICE_MS;
      while (done < items.length && performance.now() < sliceEnd) step(items[done++]);
      afterSlice();
      if (performance.now() - reported > 200) {
        reported = performance.now();
        progress(done, items.length);
      }
      await nextTurn();
    }
    return run === indexRun;
  }

  async function indexInBackground(run: number): Promise<void> {
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    if (run !== indexRun) return;
    const toRead = ws.walkRest();
    // Counted over every file listed: those beside an open runbook may have been read already.
    const total = ws.listed;
    const readBefore = total - toRead.length;
    const count = (n: number) => n.toLocaleString('en-US');
    progress?.begin('Runbook Lint', 0, `Indexing rehearsal receipts ${count(readBefore)}/${count(total)}`, false);
    try {
      const read = await inSlices(run, toRead, (f) => ws.readListed(f), (done) => progress?.report(Math.round((50 * (readBefore + done)) / total), `Indexing rehearsal receipts ${count(readBefore + done)}/${count(total)}`));
      if (!read) return;
      // The walk found the configuration files deeper in the workspace.
      v.publishConfigProblems();
      // Everything read: publish every file once (the open ones again: their inputs are complete now).
      const deferred = v.deferred!;
      const queue = [...new Set([...ws.project.files().sort(), ...deferred])];
      deferred.clear();
      const linted = await inSlices(
        run,
        queue,
        (f) => v.publish([f], true, true),
        (done, total) => progress?.report(50 + Math.round((50 * done) / total), `Linting ${count(done)}/${count(total)} files`),
        () => {
          // Files an edit touched meanwhile go to the end of the queue.
          for (const f of deferred) queue.push(f);
          deferred.clear();
        },
      );
      if (!linted) return;
      v.deferred = undefined;
      indexingEnded();
      for (const w of indexWaiters.splice(0)) w();
      // Lenses drawn during the index counted only the receipts read by then.
      if (canRefreshLenses()) connection.sendRequest('workspace/codeLens/refresh').catch((e) => log(`runbook-lint: code lens refresh failed: ${(e as Error).message}`));
    } finally {
      progress?.done();
    }
  }

  return { reindexAll, indexed };
}
