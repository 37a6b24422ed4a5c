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
    if (paths.length !== 1) return;
    const p = paths[0];
    if (p.kind !== 'console' && p.kind !== 'git-revert') return;
    // "(git revert / restore backup / manual)" in a template names no path: nothing to run is RB010's finding.
    if (p.kind === 'git-revert' && !p.commands.length && !model.rollback.commands.length) return;
    report({
      span: p.labelSpan,
      message:
        p.kind === 'console'
          ? 'The only rollback path is a console click: it is fast but not reflected in git. Add a primary path that redeploys the previous image tag through the pipeline, and keep the console as the fallback.'
          : 'The only rollback path is git revert: slow, and you review a PR under stress. Add a primary path that redeploys the previous image tag through the pipeline.',
    });
  },
};
