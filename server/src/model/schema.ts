// JSON Schema validation with ajv (draft 2020-12); every error is mapped to the exact
// YAML key or value it is about.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import receiptSchema from '../../../schemas/receipt.schema.json';
import configSchema from '../../../schemas/config.schema.json';

let ajv: Ajv2020 | undefined;
let receiptValidator: ValidateFunction | undefined;
let configValidator: ValidateFunction | undefined;

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: false, useDefaults: false });
    addFormats(ajv, ['date']);
  }
  return ajv;
}

export function validateReceiptData(data: unknown): ErrorObject[] {
  receiptValidator ??= instance().compile(receiptSchema);
  return receiptValidator(data) ? [] : [...(receiptValidator.errors ?? [])];
}

export function validateConfigData(data: unknown): ErrorObject[] {
  configValidator ??= instance().compile(configSchema);
  return configValidator(data) ? [] : [...(configValidator.errors ?? [])];
}

export interface SchemaProperty {
  description?: string;
  enum?: unknown[];
  default?: unknown;
  type?: string | string[];
}

export const receiptProperties = receiptSchema.properties as Record<string, SchemaProperty>;
export const receiptRequired: string[] = receiptSchema.required;
export { receiptSchema, configSchema };
export type { ErrorObject };
