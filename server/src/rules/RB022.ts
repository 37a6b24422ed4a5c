import * as path from 'node:path';
import type { RunbookRule } from './rule';
import { triggerSectionSpan } from './helpers/anchors';
import { daysBetween, newestRehearsal } from '../model/rehearsals';

export const RB022: RunbookRule = {
  id: 'RB022',
  name: 'stale-rehearsal',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'The newest receipt is older than staleAfterDays (90); where git history is read, RB024 ages rehearsals by change instead.',
  check({ model, workspace, config, today, report }) {
    // The seeds age a rehearsal by what changed, not by the calendar: with history, RB024 says it.
    if (workspace.history(model.path)) return;
    const newest = newestRehearsal(workspace.receiptsFor(model));
    if (!newest?.date) return;
    const age = daysBetween(newest.date, today);
    if (age === undefined || age <= config.staleAfterDays) return;
    const file = path.relative(path.dirname(model.path), newest.receipt.path).split(path.sep).join('/');
    report({
      span: triggerSectionSpan(model),
      message: `The newest rehearsal (${file}) is from ${newest.date}, ${age} days ago, over the ${config.staleAfterDays}-day limit: rerun it and write a new receipt — the rollback path drifts with every new module, env var, migration type or cloud service.`,
      data: { newest: newest.date, days: age, receipt: newest.receipt.path },
    });
  },
};
