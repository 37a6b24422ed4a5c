// Small readers shared by the receipt rules.
import type { ReceiptModel, FrontMatterField } from '../engine/receipt';
import type { RunbookModel } from '../engine/runbook';
import type { Trigger } from '../engine/triggers';
import { sameTrigger } from './triggerMatch';

export function field(model: ReceiptModel, key: string): FrontMatterField | undefined {
  return model.frontMatter?.fields.get(key);
}

export function numberField(model: ReceiptModel, key: string): number | undefined {
  const v = field(model, key)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The runbook trigger this receipt rehearsed, with the runbook it is in. */
export function triggerOf(model: ReceiptModel, runbooks: RunbookModel[]): { trigger: Trigger; runbook: RunbookModel } | undefined {
  const value = field(model, 'trigger')?.value;
  for (const runbook of runbooks) {
    const trigger = runbook.triggers.triggers.find((t) => sameTrigger(value, t.name));
    if (trigger) return { trigger, runbook };
  }
  return undefined;
}

/** Where to report about the receipt as a whole: its opening front matter fence or title. */
export function receiptAnchor(model: ReceiptModel) {
  return model.anchor;
}

const PLACEHOLDER = /<[A-Z_a-z-]+>|\$\{?[A-Z][A-Z_]+\}?|\bTBD\b|\bTODO\b|\bFIXME\b|\bYYYY-MM-DD\b|\bHH:MM\b|\bXXX+\b/;

export function placeholderIn(s: string): string | undefined {
  return PLACEHOLDER.exec(s)?.[0];
}
