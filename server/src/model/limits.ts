// What the linter refuses to parse, and says so (issue 12): the Markdown parser's memory grows
// by tens of kilobytes per table row (mdast-util-from-markdown with GFM tables: 708 MB for a
// 20,000-row table), so a file of many rows gets a clear message instead of gigabytes.
export const MAX_TABLE_ROWS = 5_000;
/**
 * Files larger than this are refused, not parsed, in the CLI and the server alike: Markdown
 * parsing costs a few microseconds a character, so 10 MB would take minutes (58 s to first
 * diagnostics in the editor, issue 16). The largest real runbook in the corpus is 150 KB.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Why a text is too large to lint, or undefined. One pass over the line starts. */
export function tooLargeToLint(text: string): string | undefined {
  // UTF-8 takes at least one byte a UTF-16 unit: only a text this long can be over the limit.
  if (text.length > MAX_FILE_BYTES / 3) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_FILE_BYTES) return sizeRefusal(bytes);
  }
  let rows = 0;
  for (let at = 0; at < text.length; ) {
    let i = at;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    if (text.charCodeAt(i) === 124) rows++;
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    at = nl + 1;
  }
  if (rows <= MAX_TABLE_ROWS) return undefined;
  return `the file has ${rows.toLocaleString('en-US')} table rows; runbook-lint lints files of up to ${MAX_TABLE_ROWS.toLocaleString('en-US')} (the Markdown parser needs tens of kilobytes per row): split the table, or exclude the file from the runbooks/receipts globs`;
}

const inUnits = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(n / 1024)} KB`);

/** The one message for a file over a size limit, in both faces. */
export function sizeRefusal(bytes: number, limit = MAX_FILE_BYTES): string {
  return `the file is ${inUnits(bytes)}; runbook-lint reads files of up to ${inUnits(limit)}: split it, or exclude it from the runbooks/receipts globs`;
}
