// Inline control, as markdownlint does it:
//   <!-- runbook-lint-disable RB020 -->  <!-- runbook-lint-enable -->
//   <!-- runbook-lint-disable-next-line RB005 -->
// Ids or names; no list means every rule.
import type { LineIndex } from '../model/text';

const DIRECTIVE = /<!--\s*runbook-lint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

export interface Suppressions {
  isSuppressed(ruleId: string, ruleName: string, line: number): boolean;
}

interface Range {
  rules: Set<string> | 'all';
  from: number;
  to: number;
}

export function readSuppressions(text: string, lines: LineIndex): Suppressions {
  const ranges: Range[] = [];
  const open = new Map<string, number>();
  let openAll: number | undefined;
  DIRECTIVE.lastIndex = 0;
  if (!text.includes('runbook-lint-')) return { isSuppressed: () => false };
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const line = lines.position(m.index).line;
    const ids = m[2].split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
    const rules: Set<string> | 'all' = ids.length ? new Set(ids) : 'all';
    switch (m[1]) {
      case 'disable-next-line':
        ranges.push({ rules, from: line + 1, to: line + 1 });
        break;
      case 'disable-line':
        ranges.push({ rules, from: line, to: line });
        break;
      case 'disable':
        if (rules === 'all') openAll ??= line;
        else for (const id of rules) if (!open.has(id)) open.set(id, line);
        break;
      case 'enable':
        if (rules === 'all') {
          if (openAll !== undefined) ranges.push({ rules: 'all', from: openAll, to: line });
          openAll = undefined;
          for (const [id, from] of open) ranges.push({ rules: new Set([id]), from, to: line });
          open.clear();
        } else {
          for (const id of rules) {
            const from = open.get(id);
            if (from !== undefined) ranges.push({ rules: new Set([id]), from, to: line });
            open.delete(id);
          }
        }
        break;
    }
  }
  if (openAll !== undefined) ranges.push({ rules: 'all', from: openAll, to: Infinity });
  for (const [id, from] of open) ranges.push({ rules: new Set([id]), from, to: Infinity });
  return {
    isSuppressed(ruleId, ruleName, line) {
      const id = ruleId.toLowerCase();
      const name = ruleName.toLowerCase();
      return ranges.some((r) => line >= r.from && line <= r.to && (r.rules === 'all' || r.rules.has(id) || r.rules.has(name)));
    },
  };
}
