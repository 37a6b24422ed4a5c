// Indexing a workspace parses every runbook and receipt at once. micromark allocates about
// a kilobyte per input character and a few percent of that outlives a young-generation
// collection, so the old generation fills with garbage; V8's default growth then lets it
// reach several times the live set before a full collection (282 MB of RSS for 5,000
// receipts whose models weigh 30 MB, issue 5), and the pages stay with the process.
// While indexing, the old generation grows by 10% between full collections; while the
// user types, by 100%: 10% there made full collections frequent enough to take edit ->
// diagnostics p95 from 18 ms to 27 ms at 2,000 lines.
import * as v8 from 'node:v8';

export const INDEXING_HEAP_GROWING_PERCENT = 10;
export const EDITING_HEAP_GROWING_PERCENT = 100;

function setGrowth(percent: number): void {
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  } catch {
    // Not a V8 that knows the flag: the default growth is only more memory, not an error.
  }
}

/** Around a bulk index of the workspace: small heap steps inside, the editing growth after. */
export function whileIndexing<T>(index: () => T): T {
  setGrowth(INDEXING_HEAP_GROWING_PERCENT);
  try {
    return index();
  } finally {
    setGrowth(EDITING_HEAP_GROWING_PERCENT);
  }
}

export function tuneHeap(): void {
  setGrowth(EDITING_HEAP_GROWING_PERCENT);
}
