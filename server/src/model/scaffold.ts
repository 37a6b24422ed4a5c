// The one receipt planner: which trigger a new receipt is for, where it goes, what number
// it gets, and its text. The CLI's new-receipt, the editor's command and code actions and
// RB021's fix all plan here; creating the file is the caller's job, always exclusive
// (files.ts: createReceipt).
import * as path from 'node:path';
import type { RunbookModel } from './runbook';
import type { ReceiptModel } from './receipt';
import type { Trigger } from './triggers';
import { yamlScalar } from './receipt';
import { triggerNamed } from './rehearsals';

/** What the planner reads of the workspace (the rules' WorkspaceView has it). */
export interface ReceiptFolders {
  receiptsFor(runbook: RunbookModel): ReceiptModel[];
  filesIn(folder: string): string[];
}

export const RECEIPT_FOLDER = path.join('library', 'raw', 'rollback-rehearsals');

/** The folder a runbook's next receipt goes in: beside its newest receipt, else the conventional one. */
export function receiptFolder(runbook: RunbookModel, workspace: ReceiptFolders): string {
  const existing = workspace.receiptsFor(runbook);
  if (existing.length) return path.dirname(existing[existing.length - 1].path);
  return path.join(path.dirname(runbook.path), RECEIPT_FOLDER);
}

/** The next free number given the file names already in the folder. */
function nextReceiptNumber(names: string[]): number {
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

function levelOf(runbook: RunbookModel): number | undefined {
  return runbook.level?.level;
}

/** The trigger a receipt is for when none is named: the first one a code rollback can answer. */
export function defaultTrigger(runbook: RunbookModel): Trigger | undefined {
  const triggers = runbook.triggers.triggers;
  return triggers.find((t) => !t.dataCorrection) ?? triggers[0];
}

/** The trigger a name asks for: the one it names (the rehearsal rule), else the first whose name contains it; the default when no name is given. */
export function triggerAskedFor(runbook: RunbookModel, name: string | undefined): Trigger | undefined {
  if (name === undefined) return defaultTrigger(runbook);
  const triggers = runbook.triggers.triggers;
  const lower = name.trim().toLowerCase();
  return triggerNamed(triggers, name) ?? (lower ? triggers.find((t) => t.name.toLowerCase().includes(lower)) : undefined);
}

export interface ReceiptPlan {
  path: string;
  content: string;
  number: number;
  trigger?: Trigger;
}

/**
 * The next receipt of a runbook: in its receipt folder, numbered after every NNN.md there
 * (on disk and in the workspace) and after `after` (a number found taken meanwhile).
 */
export function planReceipt(runbook: RunbookModel, workspace: ReceiptFolders, trigger: Trigger | undefined, today: string, after = 0, write: ReceiptWriter = receiptText): ReceiptPlan {
  const folder = receiptFolder(runbook, workspace);
  const number = Math.max(nextReceiptNumber(workspace.filesIn(folder)), after + 1);
  return { ...scaffoldReceipt(runbook, trigger, folder, number, today, write), number, trigger };
}

/** Turns what is known of a receipt into its text: the draft (receiptText) or a recorded rehearsal (recording.ts). */
export type ReceiptWriter = (fields: ReceiptFields, eol: string) => string;

function scaffoldReceipt(runbook: RunbookModel, trigger: Trigger | undefined, folder: string, number: number, date: string, write: ReceiptWriter): { path: string; content: string } {
  const file = path.join(folder, receiptFileName(number));
  const rel = path.relative(folder, runbook.path).split(path.sep).join('/');
  const content = write(
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

export interface ReceiptFields {
  number: number;
  date: string;
  trigger: string;
  budgetMinutes?: number;
  level?: number;
  environment?: string;
  path?: string;
  runbook?: string;
}

/** What the clock saw, when a rehearsal was recorded (recording.ts); a draft has none of it. */
export interface Recorded {
  observedAt: string;
  recoveredAt: string;
  totalMinutes: number;
  receiptId?: string;
  /** The fenced block of "Commands run", line by line. */
  commands: string[];
  timeline: string[];
}

/** A heading or a front-matter line never breaks its Markdown: one line. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/**
 * The one receipt writer: a draft (real values where they are known, empty ones where only
 * the rehearsal can tell) or, with `recorded`, what the clock saw. Either way the witness, the
 * gaps and the compensating actions are left for a person.
 */
export function receiptText(f: ReceiptFields, eol = '\n', recorded?: Recorded): string {
  const lines = [
    '---',
    `rehearsal: ${f.number}`,
    `date: ${f.date}`,
    `environment: ${f.environment ?? 'staging'}`,
    `trigger: ${yamlScalar(f.trigger)}`,
    `path: ${f.path ?? 'pipeline'}`,
    // Only the rehearsal can tell these: a draft leaves them empty until someone writes them.
    `observed_at:${recorded ? ` ${recorded.observedAt}` : ''}`,
    `recovered_at:${recorded ? ` ${recorded.recoveredAt}` : ''}`,
    `total_minutes:${recorded ? ` ${recorded.totalMinutes}` : ''}`,
    ...(f.budgetMinutes !== undefined ? [`budget_minutes: ${f.budgetMinutes}`] : []),
    `receipt: ${recorded?.receiptId ? yamlScalar(recorded.receiptId) : '""'}`,
    'witness: ""',
    `rollback_level: ${f.level ?? 2}`,
    ...(f.runbook ? [`runbook: ${yamlScalar(f.runbook)}`] : []),
    ...(recorded ? ['recorded_by: runbook-lint'] : []),
    '---',
    `# Rehearsal ${String(f.number).padStart(3, '0')}: ${oneLine(f.trigger)}`,
    '',
    '## Commands run',
    '',
    '```sh',
    ...(recorded ? recorded.commands : ['# the commands actually typed, in order']),
    '```',
    '',
    '## Timeline',
    '',
    ...(recorded ? recorded.timeline : ['- HH:MM trigger observed, clock started', '- HH:MM recovered, clock stopped']),
    '',
    // No "none" on the user's behalf: a receipt nobody filled in must not claim a clean rehearsal.
    '## Gaps discovered',
    '',
    '## Compensating actions',
    '',
  ];
  return lines.join(eol);
}
