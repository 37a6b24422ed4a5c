// The rehearsal history of a trigger: the receipts that name it, oldest first.
import * as path from 'node:path';
import type { Project } from '../engine/project';
import type { RunbookModel } from '../engine/runbook';
import type { ReceiptModel } from '../engine/receipt';
import type { Trigger } from '../engine/triggers';
import { sameTrigger } from '../rules/triggerMatch';

export interface Rehearsal {
  receipt: ReceiptModel;
  number?: number;
  date?: string;
  totalMinutes?: number;
}

export function rehearsalsOf(project: Project, runbook: RunbookModel, trigger: Trigger): Rehearsal[] {
  return project
    .receiptsFor(runbook)
    .filter((r) => sameTrigger(r.frontMatter?.fields.get('trigger')?.value, trigger.name))
    .map((r) => {
      const f = r.frontMatter!.fields;
      const n = f.get('rehearsal')?.value;
      const d = f.get('date')?.value;
      const t = f.get('total_minutes')?.value;
      return {
        receipt: r,
        number: typeof n === 'number' ? n : r.fileNumber,
        date: typeof d === 'string' ? d : d instanceof Date ? d.toISOString().slice(0, 10) : undefined,
        totalMinutes: typeof t === 'number' ? t : undefined,
      };
    });
}

export function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.round((b - a) / 86_400_000);
}

export function ago(days: number | undefined): string {
  if (days === undefined) return 'on an unknown date';
  if (days <= 0) return days < 0 ? `in ${-days} days (date in the future)` : 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export function receiptLabel(r: Rehearsal): string {
  return r.number !== undefined ? String(r.number).padStart(3, '0') : path.basename(r.receipt.path);
}
