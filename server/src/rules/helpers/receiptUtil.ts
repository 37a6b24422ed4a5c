// Small readers shared by the receipt rules.
import type { ReceiptModel, FrontMatterField } from '../../model/receipt';

export function field(model: ReceiptModel, key: string): FrontMatterField | undefined {
  return model.frontMatter?.fields.get(key);
}

export function numberField(model: ReceiptModel, key: string): number | undefined {
  const v = field(model, key)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export { placeholderIn } from '../../model/text';
