import type { ReceiptRule } from './rule';
import { field, placeholderIn } from './helpers/receiptUtil';

const SHA = /^[0-9a-f]{7,40}$/i;
/** A run number ("4711", "#4711"), a named run ("run-4711", "deploy#88", "build 1234/2"), or a UUID. */
const RUN_ID = /^(?:#?\d{1,20}|[A-Za-z][\w.-]{0,40}(?:[-_/]| ?#)\d{1,20}(?:[-_./]\d{1,20}){0,3})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINK = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0] ? t.slice(1, -1).trim() : t;
}

export const RR007: ReceiptRule = {
  id: 'RR007',
  name: 'receipt-id-invalid',
  severity: 'error',
  appliesTo: 'receipt',
  fixable: false,
  description: 'The receipt is not a 7-40 hex commit SHA, a pipeline run ID or a link.',
  check({ model, report }) {
    const f = field(model, 'receipt');
    if (!f) return; // a missing key is RR001's
    // A number as YAML read it may have lost its leading zeros ("0123abc" is text, "0123456" a number): use the text.
    const v = typeof f.value === 'number' ? unquote(f.source) : typeof f.value === 'string' ? f.value.trim() : '';
    if (typeof f.value !== 'string' && typeof f.value !== 'number') return; // empty, a list or a map: RR001 reports the type
    // A placeholder ("TBD") is RR001's, which says it of every key: one fault, one finding.
    if (v && placeholderIn(v)) return;
    if (SHA.test(v) || RUN_ID.test(v) || UUID.test(v) || LINK.test(v)) return;
    report({
      span: f.valueSpan,
      message: v
          ? `receipt "${v.length > 60 ? v.slice(0, 60) + '…' : v}" is not a commit SHA (7-40 hex), a pipeline run ID or a link to the run: record what proves the revert happened (e.g. 3f2a9c1, 4711, or the run's URL).`
          : 'receipt is empty: record the commit SHA (7-40 hex), the pipeline run ID or a link to the run of the successful revert.',
    });
  },
};
