// A rehearsal as it is recorded (issue 14, "the honest timer"): the clock's log while it
// runs, and the receipt it becomes when it stops. Pure: the CLI's `rehearse` and the
// editor's commands keep the log and read the clock; this module only turns what they
// recorded into text. Nothing recorded here is ever executed again.
import { receiptText, type ReceiptFields } from './scaffold';

/** One line of the log: the start, a command that ran, a mark on the timeline. */
export type RecordingEvent =
  | { kind: 'start'; at: string; trigger: string; runbook: string; budgetMinutes?: number }
  | { kind: 'command'; at: string; end: string; command: string; exitCode: number | null }
  | { kind: 'mark'; at: string; text: string };

export interface Recording {
  start: Extract<RecordingEvent, { kind: 'start' }>;
  events: Exclude<RecordingEvent, { kind: 'start' }>[];
}

/** The log file beside the receipts while a rehearsal runs: JSON lines, each appended whole. */
export const RECORDING_FILE = '.rehearsal-in-progress.jsonl';

export function eventLine(e: RecordingEvent): string {
  return JSON.stringify(e) + '\n';
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 100_000;
const isMoment = (v: unknown): v is string => isText(v) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(v);

/** Read a log back; a line that is not one of ours (a torn write, a hand edit) is skipped and counted. */
export function readRecording(text: string): { recording?: Recording; skipped: number } {
  let start: Recording['start'] | undefined;
  const events: Recording['events'] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let e: Record<string, unknown>;
    try {
      e = JSON.parse(line) as Record<string, unknown>;
    } catch {
      skipped++;
      continue;
    }
    if (e?.kind === 'start' && !start && isMoment(e.at) && isText(e.trigger) && isText(e.runbook)) {
      start = { kind: 'start', at: e.at, trigger: e.trigger, runbook: e.runbook, ...(typeof e.budgetMinutes === 'number' ? { budgetMinutes: e.budgetMinutes } : {}) };
    } else if (e?.kind === 'command' && isMoment(e.at) && isMoment(e.end) && isText(e.command) && (e.exitCode === null || typeof e.exitCode === 'number')) {
      events.push({ kind: 'command', at: e.at, end: e.end, command: e.command, exitCode: e.exitCode as number | null });
    } else if (e?.kind === 'mark' && isMoment(e.at) && isText(e.text)) {
      events.push({ kind: 'mark', at: e.at, text: e.text });
    } else skipped++;
  }
  return { recording: start && { start, events }, skipped };
}

/** A local wall-clock moment as receipts write it, to the second: 2026-05-03T14:02:10. */
export function localMoment(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function minutesBetween(a: string, b: string): number {
  return (Date.parse(`${b}Z`) - Date.parse(`${a}Z`)) / 60000;
}

/** Minutes on the clock, to a hundredth (a 2-second drill is 0.03, not 0): what total_minutes says (RR005 checks it against the timestamps). */
export function clockMinutes(from: string, to: string): number {
  return Math.max(0, Math.round(minutesBetween(from, to) * 100) / 100);
}

/** argv as one shell-readable line: words with spaces or shell characters in single quotes. */
export function commandLine(argv: readonly string[]): string {
  return argv.map((a) => (a !== '' && /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

const hhmm = (moment: string) => moment.slice(11, 16);
/** A line of the receipt never breaks its Markdown: one line, no fence. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').replace(/`{3,}/g, '``');

export interface RecordedFields extends ReceiptFields {
  observedAt: string;
  recoveredAt: string;
  receiptId?: string;
  recording: Recording;
}

/**
 * The receipt a recorded rehearsal becomes (scaffold.ts writes it): the times and minutes from
 * the clock, the commands that ran with their times and exit codes, the timeline, the receipt
 * id when one was found, `recorded_by: runbook-lint`.
 */
export function recordedReceiptText(f: RecordedFields, eol = '\n'): string {
  const { recording } = f;
  const commands = recording.events.filter((e) => e.kind === 'command');
  return receiptText(f, eol, {
    observedAt: f.observedAt,
    recoveredAt: f.recoveredAt,
    totalMinutes: clockMinutes(f.observedAt, f.recoveredAt),
    receiptId: f.receiptId,
    commands: commands.flatMap((c) => [`# ${c.at.slice(11)}-${c.end.slice(11)}, exit ${c.exitCode ?? 'signal'}`, oneLine(c.command)]),
    timeline: [
      `- ${hhmm(recording.start.at)} trigger observed, clock started: ${oneLine(f.trigger)}`,
      ...recording.events.map((e) =>
        e.kind === 'mark' ? `- ${hhmm(e.at)} ${oneLine(e.text)}` : `- ${hhmm(e.at)} ran \`${oneLine(e.command).replace(/`/g, "'")}\` (exit ${e.exitCode ?? 'signal'}, ${Math.round(minutesBetween(e.at, e.end) * 60)} s)`,
      ),
      `- ${hhmm(f.recoveredAt)} recovered, clock stopped`,
    ],
  });
}
