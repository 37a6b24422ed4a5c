// Small readers shared by the receipt rules.
import type { ReceiptModel, FrontMatterField } from '../../model/receipt';

export function field(model: ReceiptModel, key: string): FrontMatterField | undefined {
  return model.frontMatter?.fields.get(key);
}

export function numberField(model: ReceiptModel, key: string): number | undefined {
  const v = field(model, key)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

const PLACEHOLDER = /<[A-Z_a-z-]+>|\$\{?[A-Z][A-Z_]+\}?|\bTBD\b|\bTODO\b|\bFIXME\b|\bYYYY-?MM-?DD\b|\bYOUR_[A-Z0-9_]+\b|\bHH:MM\b|\bXXX+\b/;

export function placeholderIn(s: string): string | undefined {
  return PLACEHOLDER.exec(s)?.[0];
}
