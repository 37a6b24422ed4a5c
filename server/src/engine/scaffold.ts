// Where the next receipt goes and what number it gets. Creation itself is the
// caller's job, always exclusive (never overwrites).
import * as path from 'node:path';
import type { RunbookModel } from './runbook';
import type { WorkspaceView } from './rule';
import type { Trigger } from './triggers';
import { receiptText } from './templates';

export const RECEIPT_FOLDER = path.join('library', 'raw', 'rollback-rehearsals');

export function receiptFolderFor(runbook: RunbookModel, workspace: WorkspaceView): string {
  const existing = workspace.receiptsFor(runbook);
  if (existing.length) return path.dirname(existing[existing.length - 1].path);
  return path.join(path.dirname(runbook.path), RECEIPT_FOLDER);
}

/** The next free number given the file names already in the folder. */
export function nextReceiptNumber(names: string[]): number {
  let max = 0;
  for (const n of names) {
    const m = /^(\d+)\.md$/i.exec(n);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

export function receiptFileName(n: number): string {
  return `${String(n).padStart(3, '0')}.md`;
}

export function levelOf(runbook: RunbookModel): number | undefined {
  return runbook.level?.level;
}

export function scaffoldReceipt(runbook: RunbookModel, trigger: Trigger | undefined, folder: string, number: number, date: string): { path: string; content: string } {
  const file = path.join(folder, receiptFileName(number));
  const rel = path.relative(folder, runbook.path).split(path.sep).join('/');
  const content = receiptText(
    {
      number,
      date,
      trigger: trigger?.name ?? runbook.triggers.triggers[0]?.name ?? 'TODO: trigger from the runbook',
      budgetMinutes: trigger?.budgetMinutes,
      level: levelOf(runbook),
      runbook: rel,
    },
    runbook.lines.eol(),
  );
  return { path: file, content };
}
