import type { RunbookRule } from './rule';
import { hasNumericThreshold, hasWindow, isRateOrLatency } from './helpers/measure';

export const RB008: RunbookRule = {
  id: 'RB008',
  name: 'threshold-without-window',
  severity: 'information',
  appliesTo: 'runbook',
  fixable: false,
  description: 'A rate or latency threshold with no duration window: it will flap.',
  check({ model, report }) {
    for (const t of model.triggers.triggers) {
      // "**Auto triggers (any sustained 30m):**" gives every item of its list a window.
      // A list item's label can be the name and its text the threshold ("**High Error Rate**: >10% requests failing").
      // The budget is taken out where it stands, at the end: "durante 5 minutos (budget 5 min)" keeps its window.
      const cut = t.budgetText && !t.budgetIsWindow ? t.fullText.lastIndexOf(t.budgetText) : -1;
      const what = t.style === 'list' ? (cut >= 0 ? t.fullText.slice(0, cut) + t.fullText.slice(cut + t.budgetText!.length) : t.fullText) : t.name;
      const text = `${what} ${t.observed ?? ''} ${t.context ?? ''}`;
      if (!isRateOrLatency(what) || !hasNumericThreshold(what) || hasWindow(text)) continue;
      report({
        span: t.nameSpan,
        message: `Trigger "${t.name}" has a threshold but no window: add how long it must hold ("for 2 minutes"), or one spike will trigger a rollback.`,
        data: { trigger: t.name },
      });
    }
  },
};
