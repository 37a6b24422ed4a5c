import type { RunbookRule } from './rule';
import { hasNumericThreshold, hasWindow, isRateOrLatency, withoutBudget } from './helpers/measure';

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
      // A table row can hold its threshold in a cell of its own ("| Error rate (5xx) | > 3% |"), and its window in any ("| 監控 30 分鐘 |").
      const what = t.style === 'list' ? withoutBudget(t) : t.threshold ? `${t.name} ${t.threshold}` : t.name;
      const text = `${t.threshold ? t.fullText : what} ${t.observed ?? ''} ${t.context ?? ''}`;
      if (!isRateOrLatency(what) || !hasNumericThreshold(what) || hasWindow(text)) continue;
      report({
        span: t.nameSpan,
        message: `Trigger "${t.name}" has a threshold but no window: add how long it must hold ("for 2 minutes"), or one spike will trigger a rollback.`,
        data: { trigger: t.name },
      });
    }
  },
};
