import type { RunbookRule } from './rule';

export const RB016: RunbookRule = {
  id: 'RB016',
  name: 'no-rollback-level',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'No rollback level 1-4 named.',
  check({ model, report }) {
    // A ladder of levels ("### Niveau 1 : Rollback Application" … "### Niveau 3 : Rollback Base de Données") names them too.
    if (model.level || model.levelLadder) return;
    report({
      span: model.releaseBrief?.span ?? model.anchor,
      message: 'No rollback level named: before the change ships, write "Rollback level: N" — 1 flag off, 2 deploy rollback, 3 migration rollback, 4 data correction — so the team knows what it is committing to.',
    });
  },
};
