// Budget rules report on the budget text; several triggers can share one (a heading's
// "(< 5 minutes decision)", a decision-matrix row): report such a span once.
import type { Trigger } from '../../model/triggers';

export function byBudgetSpan(triggers: Trigger[], keep: (t: Trigger) => boolean): Trigger[][] {
  const groups = new Map<string, Trigger[]>();
  for (const t of triggers) {
    if (!t.budgetSpan || !keep(t)) continue;
    const key = `${t.budgetSpan.start}:${t.budgetSpan.end}`;
    const g = groups.get(key);
    if (g) g.push(t);
    else groups.set(key, [t]);
  }
  return [...groups.values()];
}

/** `Trigger "X"` or `3 triggers ("X", "Y", …)`, for a message about a shared budget. */
export function whose(group: Trigger[]): string {
  if (group.length === 1) return `trigger "${group[0].name}"`;
  const names = group.slice(0, 2).map((t) => `"${t.name}"`).join(', ');
  return `${group.length} triggers (${names}${group.length > 2 ? ', …' : ''})`;
}
