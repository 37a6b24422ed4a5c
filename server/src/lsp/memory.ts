// Indexing a workspace parses every runbook and receipt at once. micromark allocates about
// a kilobyte per input character and a few percent of that outlives a young-generation
// collection, so the old generation fills with garbage; V8's default growth then lets it
// reach several times the live set before a full collection (282 MB of RSS for 5,000
// receipts whose models weigh 30 MB, issue 5). A server lives all day: let the old
// generation grow by at most 100% between full collections (208 MB). Tighter growth was
// measured too: 10% gave 181 MB but full collections during typing took edit -> diagnostics
// p95 from 18 ms to 27 ms at 2,000 lines, so 100% it is.
import * as v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 100;

export function tuneHeap(): void {
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } catch {
    // Not a V8 that knows the flag: the default growth is only more memory, not an error.
  }
}
