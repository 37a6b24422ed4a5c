// A list drawn in a plain code block with box-drawing branches, as people sketch rollback criteria:
//
//   🔴 ROLLBACK IMMÉDIAT (< 5 min)        ← a group line
//   └── Error rate > 5%                   ← an item
//   ├─► Major Feature Broken (P1)         ← an item
//   │       └─► Pre-existing? → Investigate, don't rollback   ← a child of that item
//
// Pure: offsets into the document's text, nothing read but the code block's lines.
import type { Span } from './types';
import { MATCH } from './vocabulary';

export interface DrawnLine extends Span {
  /** The line without its border, tree lines and branch. */
  text: string;
}

export interface DrawnItem {
  line: DrawnLine;
  /** Deeper branches under the item: its answers or details. */
  children: DrawnLine[];
}

export interface DrawnGroup {
  /** The plain line the items hang under; none for items before any. */
  line?: DrawnLine;
  items: DrawnItem[];
}

// Box borders and the tree's vertical lines before the text, and after it.
const LEFT = /^[ \t│┃║|]*/u;
const BORDER = new Set([' ', '\t', '│', '┃', '║', '|']);
// "├──", "└─►", "┗━", "╰─>": a branch, always with a box-drawing corner, so a YAML or Markdown list in a code block is none.
const BRANCH = /^[├└┣┗╰╠╚][─━═-]*[►>▶→]?[ \t]*/u;
const WORDY = /[\p{L}\p{N}]/u;
/** "❌ CRITÉRIO 1: F2.3 error rate > 5%", "Trigger 2 —": a numbered criteria label opens an item; the lines indented under it are its details. */
const LABELLED = new RegExp(`^(?:[^\\p{L}\\p{N}\\s]{1,3}[ \\t]*)?(?:${MATCH.criteria.regex.source})[ \\t]*#?\\d{1,2}[ \\t]*[:：.)—–-][ \\t]*`, 'u');
/** More lines than any drawing holds: a longer block is a script or a log, not read. */
const MAX_LINES = 400;

/** The groups of a code block drawn as a tree, or undefined when it has fewer than two branches with words. */
export function drawnGroups(text: string, block: Span): DrawnGroup[] | undefined {
  const fenced = /^[ \t]*(?:`{3,}|~{3,})/.test(text.slice(block.start, block.start + 64));
  const body = fenced ? text.indexOf('\n', block.start) : block.start - 1;
  if (fenced && (body < 0 || body >= block.end)) return undefined;
  const groups: DrawnGroup[] = [{ items: [] }];
  let itemIndent = -1;
  let branches = 0;
  let labelledItems = false;
  let at = body + 1;
  for (let n = 0; at < block.end && n < MAX_LINES; n++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 || nl > block.end ? block.end : nl;
    const raw = text.slice(at, end).replace(/\r$/, '');
    const lineStart = at;
    at = end + 1;
    const left = LEFT.exec(raw)![0].length;
    const rest = raw.slice(left);
    const drawn = BRANCH.exec(rest);
    const labelled = drawn ? null : labelledItem(rest);
    const branch = drawn ?? labelled;
    const group0 = groups[groups.length - 1];
    // "   • Detecta: alerts" under "❌ CRITÉRIO 1: …": a detail of the labelled item above it.
    if (!branch && labelledItems && group0.items.length && left > itemIndent) {
      const inner = trimBorder(rest);
      if (WORDY.test(inner)) group0.items[group0.items.length - 1].children.push({ start: lineStart + left, end: lineStart + left + inner.length, text: inner });
      continue;
    }
    if (labelled) labelledItems = true;
    const from = left + (branch ? branch[0].length : 0);
    const inner = trimBorder(raw.slice(from));
    if (!WORDY.test(inner) || /^\s*(?:`{3,}|~{3,})/.test(raw)) continue;
    const line: DrawnLine = { start: lineStart + from, end: lineStart + from + inner.length, text: inner };
    const group = groups[groups.length - 1];
    if (!branch) {
      groups.push({ line, items: [] });
      itemIndent = -1;
      continue;
    }
    branches++;
    if (itemIndent < 0 || left <= itemIndent || !group.items.length) {
      if (itemIndent < 0) itemIndent = left;
      group.items.push({ line, children: [] });
    } else {
      group.items[group.items.length - 1].children.push(line);
    }
  }
  return branches >= 2 ? groups.filter((g) => g.items.length) : undefined;
}

/** The numbered criteria label a line opens with, matched on its lower case (offsets kept only when lowering keeps the length). */
function labelledItem(rest: string): RegExpExecArray | null {
  const lower = rest.toLowerCase();
  return lower.length === rest.length ? LABELLED.exec(lower) : null;
}

/** The text without the border after it; a loop, since `[ │]*$` tries again from every space of a long line. */
function trimBorder(s: string): string {
  let end = s.length;
  while (end > 0 && BORDER.has(s[end - 1])) end--;
  return s.slice(0, end);
}
