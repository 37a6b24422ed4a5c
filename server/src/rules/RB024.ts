import * as path from 'node:path';
import type { RunbookRule } from './rule';
import { triggerSectionSpan } from './helpers/anchors';

import { changesSince, rehearsalEnd } from '../model/history';
import { matcher } from '../model/globs';
import { pathInside } from '../model/paths';
import { newestRehearsal, receiptLabel } from '../model/rehearsals';

const LISTED = 4;

export const RB024: RunbookRule = {
  id: 'RB024',
  name: 'rollback-path-changed',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'Files on the rollback path changed after the newest rehearsal (from git).',
  check({ model, workspace, config, report }) {
    const history = workspace.history(model.path);
    if (!history) return;
    const newest = newestRehearsal(workspace.receiptsFor(model));
    const since = newest && rehearsalEnd(newest);
    if (!newest || !since) return;
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
    const changes = changesSince(history, since, accepts);
    if (!changes.length) return;
    // Each file once, with the newest commit that changed it.
    const files = new Map<string, string>();
    for (const { commit, files: changed } of changes) for (const f of changed) if (!files.has(f)) files.set(f, commit.sha.slice(0, 7));
    const listed = [...files].slice(0, LISTED).map(([f, sha]) => `${f} ${sha}`);
    const more = files.size > LISTED ? ` and ${files.size - LISTED} more file${files.size - LISTED === 1 ? '' : 's'}` : '';
    const n = changes.length;
    const at = newest.date ? ` on ${newest.date}` : '';
    report({
      span: triggerSectionSpan(model),
      message: `${n} commit${n === 1 ? '' : 's'} changed the rollback path since rehearsal ${receiptLabel(newest)}${at}: ${listed.join(', ')}${more} — rehearse again and write a new receipt.`,
      data: { receipt: newest.receipt.path, commits: changes.map((c) => c.commit.sha), files: [...files.keys()] },
    });
  },
};
