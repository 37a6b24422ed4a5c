import * as path from 'node:path';
import type { RunbookRule } from './rule';
import { defaultTrigger, planReceipt, receiptFileName } from '../model/scaffold';
import { isDraft } from '../model/rehearsals';

export const RB021: RunbookRule = {
  id: 'RB021',
  name: 'never-rehearsed',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: true,
  description: 'Triggers but no rehearsal receipt in the workspace.',
  check({ model, workspace, today, report }) {
    const triggers = model.triggers.triggers;
    // A draft (new-receipt's scaffold, not filled in) is not a rehearsal.
    if (!triggers.length || workspace.receiptsFor(model).some((r) => !isDraft(r))) return;
    const first = defaultTrigger(model)!;
    const plan = planReceipt(model, workspace, first, today);
    const created = { path: plan.path, content: plan.content };
    const rel = path.relative(path.dirname(model.path), created.path).split(path.sep).join('/') || receiptFileName(plan.number);
    report({
      span: model.triggers.announcements[0]?.span ?? first.nameSpan,
      message: `${triggers.length === 1 ? 'This trigger has' : `These ${triggers.length} triggers have`} never been rehearsed: no receipt in the workspace. Deploy a known-bad build to staging, time the rollback, and write ${rel} (trigger, path, commands run, timestamps, total minutes, commit SHA or run ID).`,
      fix: { title: `Create rehearsal receipt ${rel} for "${first.name}"`, createFile: created },
      data: { trigger: first.name, receipt: created.path },
    });
  },
};
