// Offset <-> line/column conversion over the original text (CRLF, CR and LF all end a line).
import type { Finding, TextEdit } from './types';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];
  /**
   * A leading BOM takes no column: editors strip it from the text they show and send, so
   * line 1 column 1 is the first character after it, in the CLI's output as in the editor.
   */
  private readonly bom: number;

  constructor(private readonly text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (text.indexOf('\r') < 0) {
      // The usual case, found by the engine's native search instead of a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: lo === 0 ? Math.max(0, o - this.bom) : o - this.starts[lo] };
  }

  offset(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = pos.line === 0 ? this.bom : this.starts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of the line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The line break style the file mostly uses, for inserted text. */
  eol(): string {
    return /\r\n/.test(this.text) ? '\r\n' : '\n';
  }
}

/**
 * The edits of the fixes that state no fact, the ones --fix and Fix all apply: what only a
 * person can say (a trigger name, a compensating action) stays a quick fix on its finding (issue 14).
 */
export function factFreeEdits(findings: readonly Finding[]): TextEdit[] {
  return findings.flatMap((f) => (f.fix && !f.fix.statesFact ? f.fix.edits ?? [] : []));
}

export function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) continue; // overlapping edit: skip, a second pass will pick it up
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

const PLACEHOLDER = /<[A-Z_a-z-]+>|\$\{?[A-Z][A-Z_]+\}?|\bTBD\b|\bTODO\b|\bFIXME\b|\bYYYY-?MM-?DD\b|\bYOUR_[A-Z0-9_]+\b|\bHH:MM\b|\bXXX+\b/;

/** A template placeholder in `s` ("<commit-sha>", "TBD", "YYYY-MM-DD", "${IMAGE_TAG}"), if any. */
export function placeholderIn(s: string): string | undefined {
  return PLACEHOLDER.exec(s)?.[0];
}

/**
 * What a fact-stating quick fix writes for a value only a person can decide (a compensating
 * action, the trigger a receipt rehearsed): the suggestion behind a mark, so the file stays
 * flagged until someone confirms it by deleting the mark (issue 14). The VS Code client turns
 * a marked value into a snippet tab stop instead (client/src/extension.ts).
 */
export const CONFIRM_MARK = 'TODO(confirm): ';
export const toConfirm = (value: string): string => CONFIRM_MARK + value;

/** A Markdown table's delimiter row ("|---|:---:|", "--- | ---"), read from a plain line. */
export function isTableDelimiterRow(line: string): boolean {
  return /^\|?\s*:?-{3,}/.test(line.trim());
}

/** A line of a script that is only a comment (shell, SQL, JS, INI, batch), after any indentation. */
export function isCommentLine(line: string): boolean {
  return /^\s*(?:#|\/\/|--|;|REM\b)/i.test(line);
}

/**
 * Answers kept by string, at most `max` of them. A full cache is dropped whole: evicting in
 * order would miss every time on a document with more distinct texts than it holds. The key is
 * a copy, since a slice of a document would keep the whole document alive.
 */
export class StringCache<R> {
  private readonly seen = new Map<string, R>();
  constructor(private readonly max: number) {}

  /** The kept answer, or undefined when there is none (`has` tells a kept undefined apart). No closure per call: matchers ask this on every edit. */
  peek(key: string): R | undefined {
    return this.seen.get(key);
  }

  put(key: string, r: R): R {
    if (this.seen.size >= this.max) this.seen.clear();
    this.seen.set((' ' + key).slice(1), r);
    return r;
  }

  has(key: string): boolean {
    return this.seen.has(key);
  }
}

/** `fn` remembered by `key(...args)`, at most `max` results (a {@link StringCache}). */
export function memoized<A extends unknown[], R>(fn: (...args: A) => R, max: number, key: (...args: A) => string = (...args) => String(args[0])): (...args: A) => R {
  const cache = new StringCache<R>(max);
  return (...args: A) => {
    const k = key(...args);
    const known = cache.peek(k);
    return known !== undefined || cache.has(k) ? (known as R) : cache.put(k, fn(...args));
  };
}

/**
 * `fn` of an object remembered for as long as the object lives. For what a rule derives
 * from a list the workspace hands out (a folder's receipts, a runbook's): the list is new
 * whenever its members change, and deriving it once instead of once per receipt keeps a
 * folder of 5,000 receipts linear (issue 13).
 */
export function derivedFrom<K extends object, R>(fn: (k: K) => R): (k: K) => R {
  const seen = new WeakMap<K, R>();
  return (k: K) => {
    let r = seen.get(k);
    if (r === undefined && !seen.has(k)) {
      r = fn(k);
      seen.set(k, r);
    }
    return r as R;
  };
}
