// What the server and the VS Code extension say to each other beyond LSP itself: the
// command ids and the shapes they carry. One copy, which the extension bundles too (so
// this module imports nothing).

/** Server commands (workspace/executeCommand), which every LSP client can run. */
export const CREATE_RECEIPT_COMMAND = 'runbookLint.server.createReceipt';
export const SHOW_RECEIPT_COMMAND = 'runbookLint.server.showReceipt';
export const LIST_TRIGGERS_COMMAND = 'runbookLint.server.listTriggers';
/** The rehearsal report of one runbook (or all): `{ format: 'json' }` the numbers, else an HTML page (the webview's, with its nonce and CSP source). */
export const REHEARSAL_REPORT_COMMAND = 'runbookLint.server.rehearsalReport';

/**
 * The "history" lens over a trigger: `{ runbookUri, trigger }`. A plain client gets the history
 * as a message; the VS Code extension opens its webview instead (client/src/history.ts).
 */
export const SHOW_HISTORY_COMMAND = 'runbookLint.server.showHistory';

export interface RehearsalReportArgs {
  runbookUri?: string;
  format?: 'html' | 'json';
  nonce?: string;
  styleSource?: string;
}
/**
 * The VS Code extension's command palette entry: the pickers, then CREATE_RECEIPT_COMMAND.
 * The server never hands it out: its actions and lenses name CREATE_RECEIPT_COMMAND, which
 * the extension routes through the same pickers when no trigger is given.
 */
export const NEW_RECEIPT_COMMAND = 'runbookLint.newReceipt';

/**
 * The kind of a quick fix that states a fact only a person can decide (a compensating action,
 * the trigger a receipt rehearsed): never preferred (so never auto-applied), its value behind
 * CONFIRM_MARK, which the VS Code client turns into a snippet tab stop.
 */
export const CONFIRM_KIND = 'quickfix.runbook-lint.confirm';

/** The arguments of CREATE_RECEIPT_COMMAND and NEW_RECEIPT_COMMAND. */
export interface ReceiptArgs {
  runbookUri?: string;
  trigger?: string;
}

/** What LIST_TRIGGERS_COMMAND answers, one per runbook. */
export interface TriggerInfo {
  name: string;
  budgetMinutes?: number;
  budgetText?: string;
  dataCorrection: boolean;
  rehearsals: number;
}

export interface RunbookInfo {
  uri: string;
  path: string;
  name: string;
  triggers: TriggerInfo[];
}

/** The honest timer (issue 14): start, record, mark, stop or abort a rehearsal; the log is shared with `runbook-lint rehearse`. */
export const REHEARSE_COMMAND = 'runbookLint.server.rehearse';

export type RehearseAction = 'start' | 'status' | 'command' | 'mark' | 'stop' | 'abort';

export interface RehearseArgs {
  action: RehearseAction;
  runbookUri?: string;
  trigger?: string;
  /** mark: what happened. */
  text?: string;
  /** command: the command line as the terminal saw it, its exit code, and when it started and ended (ISO). */
  command?: string;
  exitCode?: number | null;
  startedAt?: string;
  endedAt?: string;
}

/** What REHEARSE_COMMAND answers: the rehearsal running (if any), and after stop the receipt written. */
export interface RehearsalStatus {
  running: boolean;
  runbookUri?: string;
  trigger?: string;
  /** When the clock started, local wall-clock time (2026-05-03T14:02:10), and as epoch milliseconds. */
  startedAt?: string;
  startedMs?: number;
  budgetMinutes?: number;
  commands?: number;
  receiptUri?: string;
  receiptId?: string;
}
