import type { RunbookRule } from './rule';
import { MATCH } from '../model/vocabulary';
import { isDataCorrection } from '../model/duration';

export const RB009: RunbookRule = {
  id: 'RB009',
  name: 'data-trigger-rolls-back-code',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'A data-corruption trigger answered by a code rollback (level 4 is data correction).',
  check({ model, report }) {
    for (const t of model.triggers.triggers) {
      if (!MATCH.dataCorruption.test(t.name) || t.dataCorrection) continue;
      // Answered like a code rollback: it has a rollback budget, or its row says "rollback" ("Immediate rollback + incident response", AUTOMATED_ROLLBACK).
      const answer = t.fullText.replace(t.name, '');
      if (t.budgetMinutes === undefined && !t.budgetText && !MATCH.rollback.test(answer)) continue;
      // "Data corruption detected → restore from backup": its own answer corrects the data.
      if (isDataCorrection(t.fullText)) continue;
      report({
        // An inherited budget (heading, decision matrix) is shared: point at the trigger instead.
        span: t.budgetFromHeading ? t.nameSpan : t.budgetSpan ?? t.nameSpan,
        message: `Trigger "${t.name}" is about data, but it is answered like a code rollback: rolling back code does not undo persisted writes. Answer it with data correction (level 4), after the bleeding has stopped.`,
        data: { trigger: t.name },
      });
    }
  },
};
