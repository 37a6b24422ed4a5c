import type { RunbookRule } from './rule';
import { hasFailingCheck, hasObservation, hasThreshold, isVague } from './helpers/measure';

export const RB007: RunbookRule = {
  id: 'RB007',
  name: 'trigger-not-measurable',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'A vague trigger with no threshold, no failing check and no way it is observed.',
  check({ model, report }) {
    for (const t of model.triggers.triggers) {
      const all = `${t.fullText} ${t.observed ?? ''}`;
      if (hasThreshold(all) || hasFailingCheck(all) || hasObservation(all)) continue;
      // Conservative: a concrete event ("Security vulnerability introduced") is someone's call to
      // make, not a vague one; only words that describe a mood, not a signal, are flagged.
      if (!isVague(t.name)) continue;
      report({
        span: t.nameSpan,
        message: `Trigger "${t.name}" cannot be measured: name a threshold ("5xx > 5% for 2 min"), a failing check ("smoke test fails") or how it is observed ("manual check"), so nobody has to discuss it at 3 AM.`,
        data: { trigger: t.name },
      });
    }
  },
};
