// The commits that changed a runbook's rollback path since its newest rehearsal (RB024, and the
// rehearsal report's staleness), from the git history the workspace has read.
import * as path from 'node:path';
import type { RunbookModel } from '../../model/runbook';
import type { ResolvedConfig } from '../../model/types';
import type { WorkspaceView } from '../rule';
import { changesSince, rehearsalEnd } from '../../model/history';
import { matcher } from '../../model/globs';
import { pathInside } from '../../model/paths';
import { newestRehearsal, type Rehearsal } from '../../model/rehearsals';

/** Undefined without history or without a dated rehearsal. */
export function rollbackPathChanges(model: RunbookModel, workspace: WorkspaceView, config: ResolvedConfig): { newest: Rehearsal; changes: ReturnType<typeof changesSince> } | undefined {
  const history = workspace.history(model.path);
  if (!history) return undefined;
  const newest = newestRehearsal(workspace.receiptsFor(model));
  const since = newest && rehearsalEnd(newest);
  if (!newest || !since) return undefined;
  const onPath = matcher(config.rollbackPath);
  // Anchored globs (`.github/workflows/**`, `ops/**`) name files of the whole repository, from its
  // root or the configuration's folder; `**/Dockerfile` and the like only the runbook's own
  // folder: in a monorepo, another service's Dockerfile is not this service's rollback path.
  const anchored = matcher(config.rollbackPath.filter((g) => !g.startsWith('**/')));
  const service = path.dirname(model.path);
  const accepts = (repoPath: string) => {
    const abs = path.join(history.root, repoPath);
    const inService = pathInside(service, abs);
    if (inService !== undefined && onPath(inService)) return true;
    if (anchored(repoPath)) return true;
    const fromConfig = pathInside(config.root, abs);
    return fromConfig !== undefined && anchored(fromConfig);
  };
  return { newest, changes: changesSince(history, since, accepts) };
}
