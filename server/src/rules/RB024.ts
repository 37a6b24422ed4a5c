import type { RunbookRule } from './rule';
import { triggerSectionSpan } from './helpers/anchors';
import { rollbackPathChanges } from './helpers/rollbackPath';
import { receiptLabel } from '../model/rehearsals';

const LISTED = 4;

export const RB024: RunbookRule = {
  id: 'RB024',
  name: 'rollback-path-changed',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'Files on the rollback path changed after the newest rehearsal (from git).',
  check({ model, workspace, config, report }) {
    const found = rollbackPathChanges(model, workspace, config);
    if (!found?.changes.length) return;
    const { newest, changes } = found;
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
