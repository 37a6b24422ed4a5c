// Indexing a workspace parses every runbook and receipt at once. micromark allocates about
// a kilobyte per input character and a few percent of that outlives a young-generation
// collection. With V8's defaults the young generation grows to its 2 x 16 MB maximum and
// the old generation to several times the live set before a full collection, and the
// pages stay with the process: 282 MB of RSS after indexing 5,000 receipts whose models
// weigh 30 MB (issue 5).
// While indexing: the young generation does not grow, and the old one grows by 10% between
// full collections (126 MB, indexing ~10% slower). While the user types: the young
// generation still does not grow and the old one grows by 30%. V8's defaults (young growth,
// 100% old growth) left 196 MB of RSS after 300 budget edits beside 5,000 receipts; since an
// edit reads only the nodes it re-parsed (issue 13) it allocates little, and these settings
// hold 135 MB at about the same edit latency (budget edit p95 39 -> 45 ms, 2,000-line edit
// p95 26 -> 28 ms, one run each on a busy 2-core machine).
import * as v8 from 'node:v8';

interface Growth {
  /** --heap-growing-percent: old generation growth between full collections. */
  oldPercent: number;
  /** --semi-space-growth-factor: 1 keeps the young generation at its current size. */
  youngFactor: number;
}

export const INDEXING: Growth = { oldPercent: 10, youngFactor: 1 };
export const EDITING: Growth = { oldPercent: 30, youngFactor: 1 };

function setGrowth(g: Growth): void {
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${g.oldPercent}`);
    v8.setFlagsFromString(`--semi-space-growth-factor=${g.youngFactor}`);
  } catch {
    // Not a V8 that knows the flags: the default growth is only more memory, not an error.
  }
}

/** A bulk index of the workspace begins: small heap steps until `indexingEnded`. */
export function indexingBegan(): void {
  setGrowth(INDEXING);
}

export function indexingEnded(): void {
  setGrowth(EDITING);
}
