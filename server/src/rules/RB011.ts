import type { RunbookRule } from './rule';
import { PRIMARY } from '../model/rollback';
import { MATCH } from '../model/vocabulary';

export const RB011: RunbookRule = {
  id: 'RB011',
  name: 'no-primary-path',
  severity: 'information',
  appliesTo: 'runbook',
  fixable: false,
  description: 'Several rollback paths, none marked primary.',
  check({ model, report }) {
    const paths = model.rollback.paths;
    if (paths.length < 2) return;
    const text = model.text;
    const lineOf = (start: number) => {
      const from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
      const nl = text.indexOf('\n', start);
      return text.slice(start === 0 ? 0 : from, nl < 0 ? text.length : nl);
    };
    // The label's whole line counts: "**Option A: Using GitHub UI (Recommended)**".
    const marked = (p: (typeof paths)[number]) => p.primary || PRIMARY.test(lineOf(p.labelSpan.start));
    // Each group of sibling paths is its own choice: the database's "Option A (Recommandé)" does not rank the code's Options A / B / C.
    const groups = new Map<unknown, typeof paths>();
    for (const p of paths) {
      const g = groups.get(p.group);
      if (g) g.push(p);
      else groups.set(p.group, [p]);
    }
    // "**옵션 A:**" under "방법 2"'s step "2-4": a choice inside one path, not among the rollback paths.
    const heads = new Set(paths.map((p) => p.section).filter((s) => s !== undefined));
    const insidePath = (g: (typeof paths)[number]['group']) => {
      for (let s = g; s; s = s.parent) if (heads.has(s)) return true;
      return false;
    };
    const unranked = [...groups.values()].filter((g) => g.length >= 2 && !insidePath(g[0].group));
    const choices = unranked.length ? unranked : [paths];
    for (const group of choices) {
      if (group.some(marked)) continue;
      // "### If Rollback Fails" over "Option A: fix data first", "Option B: restore from backup": recovery on its own condition.
      const at = group[0].group;
      if (at && unranked.length && isConditionTitle(at.title)) continue;
      // "Option A (staging)", "Option B (production)": each is for its own place.
      const environments = new Set(group.map((p) => p.environment));
      if (!environments.has(undefined) && environments.size >= 2) continue;
      // Each path after the first says when to take it ("if Method 1 fails", "Dùng khi: …"): an order, not a choice.
      if (group.slice(1).every((p) => p.conditional)) continue;
      report({
        span: group[0].labelSpan,
        message: `${group.length} rollback paths and none is marked primary: under stress nobody should choose. Mark one "Primary:" (prefer redeploying the previous tag through the pipeline) and the others "Fallback:".`,
      });
      return;
    }
  },
};

/** "If Rollback Fails", "Si el rollback falla", "回滚失败时": a heading that is a condition, its if-word first or (ja, ko, zh) last. */
function isConditionTitle(title: string): boolean {
  const at = MATCH.conditional.find(title);
  return !!at && (at.index === 0 || at.index + at.length === title.length);
}
