import type { RunbookRule } from './rule';

export const RB018: RunbookRule = {
  id: 'RB018',
  name: 'no-confirmed-time',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'No confirmed rollback time.',
  check({ model, report }) {
    const confirmed = model.confirmedTime;
    if (confirmed && confirmed.minutes !== undefined) return;
    if (confirmed) {
      report({
        span: confirmed.span,
        message: 'This names a confirmed rollback time but gives no number: write the minutes a rehearsal measured from decision to recovered ("Confirmed time: 4 minutes"); if you have not rehearsed yet, do that first.',
      });
      return;
    }
    if (model.rollbackPossible) {
      report({
        span: model.rollbackPossible,
        message: '"Rollback possible" is not a plan: rehearse the rollback, then write the confirmed time from decision to recovered ("Confirmed time: 4 minutes, rehearsed 2026-05-03").',
      });
      return;
    }
    report({
      span: model.releaseBrief?.span ?? model.anchor,
      message: 'No confirmed rollback time: "rollback possible" is not a plan. Rehearse the rollback and write the time it took from decision to recovered ("Confirmed time: 4 minutes").',
    });
  },
};
