import type { RunbookRule } from './rule';

const WHAT = ['', 'flag off', 'deploy rollback', 'migration rollback', 'data correction'];

export const RB017: RunbookRule = {
  id: 'RB017',
  name: 'high-level-without-review',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'Rollback level 3 or 4 without a reversibility or review note.',
  check({ model, report }) {
    const level = model.level;
    if (!level || level.level < 3 || model.reviewNote) return;
    const advice =
      level.level === 3
        ? 'say whether the migration was authored to be reversible (and the down migration tested)'
        : 'say how the data will be corrected, after the bleeding has stopped, never during';
    report({
      span: level.span,
      message: `Rollback level ${level.level} (${WHAT[level.level]}) carries elevated risk: add a note that ${advice}, and who reviewed it at the release gate ("Reviewed by …").`,
      data: { level: level.level },
    });
  },
};
