import type { RunbookRule } from './rule';

export const RB012: RunbookRule = {
  id: 'RB012',
  name: 'weakest-path-only',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'The only rollback path is a console click or git revert.',
  check({ model, report }) {
    const paths = model.rollback.paths;
    // Every path is a weak one: a console click, or git revert (two dashboards are no stronger than one).
    if (!paths.length || !paths.every((x) => x.kind === 'console' || x.kind === 'git-revert')) return;
    const p = paths[0];
    // "(git revert / restore backup / manual)" in a template names no path: nothing to run is RB010's finding.
    if (paths.every((x) => x.kind === 'git-revert') && !paths.some((x) => x.commands.length) && !model.rollback.commands.length) return;
    const mixed = new Set(paths.map((x) => x.kind)).size > 1;
    report({
      span: p.labelSpan,
      message: mixed
        ? 'The only rollback paths are a console click and git revert: one is not reflected in git, the other is slow and reviewed under stress. Add a primary path that redeploys the previous image tag through the pipeline.'
        : p.kind === 'console'
          ? 'The only rollback path is a console click: it is fast but not reflected in git. Add a primary path that redeploys the previous image tag through the pipeline, and keep the console as the fallback.'
          : 'The only rollback path is git revert: slow, and you review a PR under stress. Add a primary path that redeploys the previous image tag through the pipeline.',
    });
  },
};
