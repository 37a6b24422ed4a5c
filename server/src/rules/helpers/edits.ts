// Where fixes insert text: small edits at line boundaries, never a re-serialization.
import type { RunbookModel } from '../../model/runbook';
import type { Section } from '../../model/sections';
import { spanOf } from '../../model/markdown';

export interface Insertion {
  offset: number;
  /** Text to put before the inserted block (a blank line when needed). */
  prefix: string;
  suffix?: string;
}

/** Just after the last node of a section's own content (or its heading), on a fresh line. */
export function insertionAfterSection(model: RunbookModel, section: Section | undefined): Insertion {
  const eol = model.lines.eol();
  const text = model.text;
  if (!section) {
    const end = text.length;
    const needsBreak = end > 0 && !/[\r\n]$/.test(text);
    return { offset: end, prefix: (needsBreak ? eol : '') + (end > 0 ? eol : '') };
  }
  const last = section.own.length ? section.own[section.own.length - 1] : section.heading;
  const lastEnd = spanOf(last).end;
  const line = model.lines.position(lastEnd).line;
  if (line + 1 >= model.lines.lineCount) {
    return { offset: text.length, prefix: (/[\r\n]$/.test(text) ? '' : eol) + eol };
  }
  const offset = model.lines.lineStart(line + 1);
  return { offset, prefix: eol, suffix: '' };
}

