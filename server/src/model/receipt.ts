// The receipt model: YAML front matter with a range for every key and value, and
// the Markdown sections that record what was really done.
import * as nodePath from 'node:path';
import type { Root } from 'mdast';
import { parseDocument, isMap, isScalar, stringify, type Node as YamlNode } from 'yaml';
import { frontMatterSpan } from './chunks';
import { isTableDelimiterRow, LineIndex, placeholderIn } from './text';
import { readReceiptBody, type ReceiptBody } from './receiptBody';
import { MATCH } from './vocabulary';
import type { Span } from './types';
import { dayOf } from './rehearsals';

export interface FrontMatterField {
  readonly key: string;
  readonly keySpan: Span;
  /** Span of the value; zero-width after the colon when the value is empty. */
  readonly valueSpan: Span;
  readonly value: unknown;
  /** The value exactly as written in the file. */
  readonly source: string;
}

/**
 * A string as one YAML scalar that every reader reads back as that string: plain when the
 * yaml library writes it plain (and no YAML 1.1 reader would take it for a boolean),
 * double-quoted otherwise (a JSON string is a YAML double-quoted scalar).
 */
export function yamlScalar(s: string): string {
  const written = stringify(s, { lineWidth: 0 }).replace(/\n$/, '');
  return written.includes('\n') || /\t/.test(written) || /^(?:y|n|yes|no|on|off)$/i.test(written) || written !== s ? JSON.stringify(s) : written;
}

/** A field as four offsets into the receipt's text: spans and source are made when asked (thousands of receipts, issue 5). */
class Field implements FrontMatterField {
  private readonly ks: number;
  private readonly ke: number;
  private readonly vs: number;
  private readonly ve: number;

  constructor(
    readonly key: string,
    private readonly text: string,
    keySpan: Span,
    valueSpan: Span,
    readonly value: unknown,
  ) {
    this.ks = keySpan.start;
    this.ke = keySpan.end;
    this.vs = valueSpan.start;
    this.ve = valueSpan.end;
  }

  get keySpan(): Span {
    return { start: this.ks, end: this.ke };
  }

  get valueSpan(): Span {
    return { start: this.vs, end: this.ve };
  }

  get source(): string {
    return this.text.slice(this.vs, this.ve);
  }
}

export interface FrontMatter {
  /** The whole block, fences included. */
  span: Span;
  /** Where the YAML content starts and ends (inside the fences). */
  content: Span;
  /** The YAML has no content at all (only comments or nothing). The Document itself is not kept: it weighs more than the rest of the model (issue 5). */
  empty: boolean;
  data: Record<string, unknown> | undefined;
  fields: Map<string, FrontMatterField>;
  /** YAML syntax errors, with absolute spans. */
  errors: { message: string; span: Span }[];
}

/** What a receipt keeps of a heading: the outline needs no more (issue 5: thousands of receipts). */
export interface ReceiptHeading {
  title: string;
  depth: number;
  span: Span;
}

export interface ReceiptSection {
  section: ReceiptHeading;
  /** Code under the section (blocks and inline, inside lists too), at most 500 pieces: kept for "Commands run" (RR009). */
  code?: { block: string[]; inline: string[] };
  /** Plain text of the body, trimmed: kept for "Compensating actions" (RR014). */
  body?: string;
}

export interface TimelineEntry {
  /** Minutes since midnight. */
  minutes: number;
  span: Span;
}

export interface ReceiptModel {
  kind: 'receipt';
  path: string;
  text: string;
  lines: LineIndex;
  anchor: Span;
  /** NNN from the file name, when it is NNN.md. */
  fileNumber?: number;
  frontMatter?: FrontMatter;
  sections: ReceiptHeading[];
  commands?: ReceiptSection;
  timeline?: ReceiptSection;
  gaps?: ReceiptSection;
  compensating?: ReceiptSection;
  timelineEntries: TimelineEntry[];
  /** The code anywhere in the body, when no section is titled for commands (a drill report written as prose). */
  bodyCode?: NonNullable<ReceiptSection['code']>;
  /** The body names a witness, participants or a recording (read when there is no front matter). */
  witnessed: boolean;
}

const MAX_YAML = 64 * 1024;

/** `key: value`; one space after the colon (more, and the value goes to the parser). */
const YAML_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?: ([^]*))?$/;
/** Anything the core schema might read as a number (a superset: those are left to the parser). */
const NUMBERISH = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^0[oxb]/i;
// A Map, not an object: \`trigger: valueOf\` must not find Object.prototype's valueOf (found by the property test).
const YAML_WORDS = new Map<string, unknown>([
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false], ['null', null], ['Null', null], ['NULL', null], ['~', null],
]);
/** A plain scalar that YAML 1.2's core schema reads as a string: no comment, no mapping, not a number, nothing but printable text (dates and times stay strings in 1.2). */
const YAML_STRING = /^[A-Za-z0-9](?:[ -~\u00a0-\ud7ff\ue000-\ufffd]*[!-~\u00a0-\ud7ff\ue000-\ufffd])?$/;

/**
 * Front matter that is a flat list of `key: value` lines with plain, quoted (no escapes),
 * decimal, boolean or null values, read by lines; undefined for anything else (the YAML
 * parser reads it). Thousands of receipts are written like this, and the parser costs
 * 0.2 ms for each (issue 13); test/unit/receiptBody.test.ts holds the two readers equal.
 */
function readPlainYaml(text: string, start: number, end: number): { data: Record<string, unknown>; fields: Map<string, FrontMatterField> } | undefined {
  const source = text.slice(start, end);
  if (/[\r\t\0\ufeff\u0085\u2028\u2029]/.test(source)) return undefined;
  const data: Record<string, unknown> = {};
  const fields = new Map<string, FrontMatterField>();
  let at = start;
  for (const line of source.split('\n')) {
    const lineStart = at;
    at += line.length + 1;
    if (line === '' || /^#(?: |$)/.test(line)) continue;
    const m = YAML_LINE.exec(line);
    if (!m || YAML_WORDS.has(m[1]) || fields.has(m[1]) || line.endsWith(' ')) return undefined;
    const raw = m[2] ?? '';
    let value: unknown;
    if (raw === '') value = null;
    else if (/^(?:0|[1-9][0-9]{0,14})$/.test(raw)) value = Number(raw);
    else if (YAML_WORDS.has(raw)) value = YAML_WORDS.get(raw);
    else if (/^(?:"[^"\\\x00-\x1f\x7f]*"|'[^'\x00-\x1f\x7f]*')$/.test(raw)) value = raw.slice(1, -1);
    else if (YAML_STRING.test(raw) && !/ #|: |:$/.test(raw) && !NUMBERISH.test(raw)) value = raw;
    else return undefined;
    const keySpan = { start: lineStart, end: lineStart + m[1].length };
    const valueStart = lineStart + line.length - raw.length;
    const valueSpan = raw === '' ? { start: keySpan.end + 1, end: keySpan.end + 1 } : { start: valueStart, end: valueStart + raw.length };
    data[m[1]] = value;
    fields.set(m[1], new Field(m[1], text, keySpan, valueSpan, value));
  }
  return fields.size ? { data, fields } : undefined;
}

/** `byLines: false` always goes through the YAML parser (the tests compare both readers). */
export function readFrontMatter(text: string, byLines = true): FrontMatter | undefined {
  const span = frontMatterSpan(text);
  if (!span) return undefined;
  const firstBreak = text.slice(span.start, span.end).search(/\r?\n|\r/);
  const contentStart = firstBreak < 0 ? span.end : span.start + firstBreak + (text.slice(span.start + firstBreak, span.start + firstBreak + 2) === '\r\n' ? 2 : 1);
  const lastLine = Math.max(text.lastIndexOf('\n', span.end - 1), text.lastIndexOf('\r', span.end - 1));
  const contentEnd = Math.max(contentStart, lastLine >= contentStart ? lastLine + 1 : contentStart);
  const source = text.slice(contentStart, contentEnd);
  const fields = new Map<string, FrontMatterField>();
  const errors: FrontMatter['errors'] = [];
  const shift = (r: readonly number[] | null | undefined): Span => ({
    start: contentStart + (r?.[0] ?? 0),
    end: contentStart + (r?.[1] ?? r?.[0] ?? 0),
  });
  if (source.length > MAX_YAML) {
    errors.push({ message: `Front matter is ${source.length} characters; the limit is ${MAX_YAML}.`, span: { start: span.start, end: contentStart } });
    return { span, content: { start: contentStart, end: contentEnd }, empty: true, data: undefined, fields, errors };
  }
  const plain = byLines ? readPlainYaml(text, contentStart, contentEnd) : undefined;
  if (plain) return { span, content: { start: contentStart, end: contentEnd }, empty: false, data: plain.data, fields: plain.fields, errors };
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  for (const e of [...doc.errors]) errors.push({ message: e.message.split('\n')[0], span: shift(e.pos) });
  let data: Record<string, unknown> | undefined;
  try {
    const js = doc.toJS({ maxAliasCount: 50 });
    data = js && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : undefined;
  } catch (e) {
    errors.push({ message: `Front matter cannot be read: ${(e as Error).message}`, span: { start: span.start, end: contentStart } });
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = pair.key as YamlNode | null;
      if (!key || !isScalar(key)) continue;
      const name = String(key.value);
      const keySpan = shift(key.range);
      const value = pair.value as YamlNode | null;
      let valueSpan: Span;
      if (value && value.range) {
        valueSpan = shift([value.range[0], value.range[1]]);
        // Flow scalars: the range ends at the value; trailing comments are not included.
      } else {
        valueSpan = { start: keySpan.end + 1, end: keySpan.end + 1 };
      }
      if (fields.has(name)) continue;
      fields.set(name, new Field(name, text, keySpan, valueSpan, data ? data[name] : isScalar(value) ? value.value : undefined));
    }
  }
  return { span, content: { start: contentStart, end: contentEnd }, empty: doc.contents === null, data, fields, errors };
}

/**
 * The front matter is read at once; the Markdown body only when a rule or a feature asks
 * for it. What a runbook reads of its receipts (trigger, date, minutes) is all front matter,
 * so a runbook opened beside 500 unread receipts is linted without parsing 500 bodies
 * (issue 13). `previous`: the tree of this file's last version, so only the changed pieces
 * are parsed again.
 */
export function buildReceipt(filePath: string, text: string, previous?: Root): ReceiptModel {
  return new Receipt(filePath, text, previous);
}

/**
 * A receipt's model: the front matter read at once, the body on first use. A class, not an
 * object literal with getters: the literal made ten closures and a context per receipt, 5 MB
 * of a 5,000-receipt workspace (issue 13, the server's RSS).
 */
class Receipt implements ReceiptModel {
  readonly kind = 'receipt' as const;
  readonly lines: LineIndex;
  readonly frontMatter: ReceiptModel['frontMatter'];
  readonly fileNumber: number | undefined;
  private body: ReceiptBody | undefined;
  private seenWitness: boolean | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    /** The previous version's tree, taken over by the first read of the body. */
    private previous: Root | undefined,
  ) {
    this.lines = new LineIndex(text);
    this.frontMatter = readFrontMatter(text);
    const m = /^(\d+)\.md$/i.exec(nodePath.basename(path));
    this.fileNumber = m ? Number(m[1]) : undefined;
  }

  private read(): ReceiptBody {
    if (!this.body) {
      const p = this.previous;
      this.previous = undefined;
      this.body = readReceiptBody(this.text, this.frontMatter?.span.end ?? 0, p);
    }
    return this.body;
  }

  get anchor(): Span {
    if (this.frontMatter) return { start: this.frontMatter.span.start, end: this.frontMatter.content.start };
    return this.read().title ?? { start: 0, end: this.lines.lineEnd(0) };
  }
  get sections() {
    return this.read().sections;
  }
  get commands() {
    return this.read().commands;
  }
  get timeline() {
    return this.read().timeline;
  }
  get gaps() {
    return this.read().gaps;
  }
  get compensating() {
    return this.read().compensating;
  }
  get timelineEntries() {
    return this.read().timelineEntries;
  }
  get bodyCode() {
    return this.read().bodyCode;
  }
  get witnessed(): boolean {
    // "Witness: Sam", "参加者", "Recording gedeeld": someone watched, or it was recorded. Read once, like the body.
    const body = this.text.slice(this.frontMatter?.span.end ?? 0);
    this.seenWitness ??= MATCH.receipt.witness.test(body) || signedOff(body);
    return this.seenWitness;
  }
}

/**
 * "### Sign-offs" over "| DR Coordinator | John Smith | JS | 2025-01-15 |": a row of the table under a sign-off
 * heading or label that names someone. An empty template ("| DBA | [Name] | |", "TBD") names nobody.
 */
function signedOff(body: string): boolean {
  const lines = body.split(/\r?\n/, 5000);
  for (let i = 0; i < lines.length; i++) {
    const label = lines[i].replace(/^\s*(?:#{1,6}\s+|[-*]\s+)?/, '').replace(/[*_:：]/g, '').trim();
    if (!label || label.length > 60 || !MATCH.receipt.signOff.test(label)) continue;
    let j = i + 1;
    while (j < lines.length && !lines[j].trim()) j++;
    // Header and delimiter, then the rows.
    if (!/^\s*\|/.test(lines[j] ?? '') || !isTableDelimiterRow(lines[j + 1] ?? '')) continue;
    for (let k = j + 2; k < lines.length && /^\s*\|/.test(lines[k]); k++) {
      const cells = lines[k].split('|').slice(1, -1).map((c) => c.trim());
      const named = cells.filter((c) => /\p{L}{2}/u.test(c) && !/^\[.*\]$|^<.*>$|^_+$|^-+$/.test(c) && !placeholderIn(c));
      if (named.length >= 2) return true;
    }
  }
  return false;
}

/** Minutes since the epoch of a "YYYY-MM-DDTHH:MM" (or with seconds, or a space) timestamp; undefined if unreadable or not a real date and time. */
export function parseTimestamp(v: unknown): number | undefined {
  if (v instanceof Date) return v.getTime() / 60000;
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(v.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, tz] = m;
  // Date.UTC rolls 2026-02-30 over to March 2 and 25:61 to the next day: only real times count.
  if (+h > 23 || +mi > 59 || (s !== undefined && +s > 59) || dayOf(`${y}-${mo}-${d}`) === undefined) return undefined;
  let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0);
  if (tz && tz !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
  }
  return Number.isNaN(ms) ? undefined : ms / 60000;
}
