import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunbookRule } from '../engine/rule';
import { nextReceiptNumber, receiptFileName, receiptFolderFor, scaffoldReceipt } from '../engine/scaffold';

/** File names already in the receipt folder (on disk), so a new receipt never takes a used number. */
function namesIn(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

export const RB021: RunbookRule = {
  id: 'RB021',
  name: 'never-rehearsed',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: true,
  description: 'Triggers but no rehearsal receipt in the workspace.',
  check({ model, workspace, today, report }) {
    const triggers = model.triggers.triggers;
    if (!triggers.length || workspace.receiptsFor(model).length) return;
    const folder = receiptFolderFor(model, workspace);
    const n = nextReceiptNumber(namesIn(folder));
    const first = triggers.find((t) => !t.dataCorrection) ?? triggers[0];
    const created = scaffoldReceipt(model, first, folder, n, today);
    const rel = path.relative(path.dirname(model.path), created.path).split(path.sep).join('/') || receiptFileName(n);
    report({
      span: model.triggers.announcements[0]?.span ?? first.nameSpan,
      message: `${triggers.length === 1 ? 'This trigger has' : `These ${triggers.length} triggers have`} never been rehearsed: no receipt in the workspace. Deploy a known-bad build to staging, time the rollback, and write ${rel} (trigger, path, commands run, timestamps, total minutes, commit SHA or run ID).`,
      fix: { title: `Create rehearsal receipt ${rel} for "${first.name}"`, createFile: created },
      data: { trigger: first.name, receipt: created.path },
    });
  },
};
