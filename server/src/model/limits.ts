// What the linter refuses to parse, and says so (issue 12): the Markdown parser's memory grows
// by tens of kilobytes per table row (mdast-util-from-markdown with GFM tables: 708 MB for a
// 20,000-row table), so a file of many rows gets a clear message instead of gigabytes.
export const MAX_TABLE_ROWS = 5_000;

/** Why a text is too large to lint, or undefined. One pass over the line starts. */
export function tooLargeToLint(text: string): string | undefined {
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
