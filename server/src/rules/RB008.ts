import type { RunbookRule } from './rule';
import type { Trigger } from '../model/triggers';
import type { Span } from '../model/types';
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
        span: thresholdLine(model.text, t) ?? t.nameSpan,
        message: `Trigger "${t.name}" has a threshold but no window: add how long it must hold ("for 2 minutes"), or one spike will trigger a rollback.`,
        data: { trigger: t.name },
      });
    }
  },
};

/** A trigger's threshold on a line below its name ("Performance Degraded (P2)" over "├─► >50% degradation?", a detail sub-item): that line. */
function thresholdLine(text: string, t: Trigger): Span | undefined {
  if (t.style !== 'list' || hasNumericThreshold(t.name) || !text.startsWith(t.name, t.nameSpan.start)) return undefined;
  for (let nl = text.indexOf('\n', t.nameSpan.end); nl >= 0 && nl < t.span.end; ) {
    const next = text.indexOf('\n', nl + 1);
    const end = Math.min(t.span.end, next < 0 ? text.length : next);
    const line = text.slice(nl + 1, end);
    if (hasNumericThreshold(line)) {
      // After the tree's drawing ("│       ├─► "), at the branch's own words.
      const lead = /^[\s\u2500-\u257f\u25b6\u25ba→|+*-]*/u.exec(line)![0].length;
      return { start: nl + 1 + lead, end };
    }
    nl = next;
  }
  return undefined;
}
