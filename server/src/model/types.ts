// Core types shared by the engine, the rules and the three faces (CLI, server, tests).
// Positions inside the engine are UTF-16 offsets into the original text (the same
// units as JavaScript strings and LSP); faces convert them with LineIndex.

export type Severity = 'error' | 'warning' | 'information';
export type SeveritySetting = Severity | 'off';

/** Half-open [start, end) offsets into the file's original text. */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  /** Small text edits on the file the finding belongs to. Never a re-serialization. */
  edits?: TextEdit[];
  /** A new file to create (exclusive create: never overwrites). Path is absolute. */
  createFile?: { path: string; content: string };
  /**
   * The fix writes what only a person can say (which trigger was rehearsed, a compensating
   * action, a trigger list): offered as a quick fix on its finding, never applied by --fix or
   * Fix all (issue 14).
   */
  statesFact?: boolean;
}

export interface Finding {
  /** Absolute path of the file the finding is in. */
  file: string;
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: Fix;
  /** Free-form data for editor features (e.g. the trigger name a finding is about). */
  data?: Record<string, unknown>;
}

export type FileKind = 'runbook' | 'receipt';

export interface SourceFile {
  /** Absolute, normalized path. */
  path: string;
  text: string;
}

export interface BudgetConfig {
  minMinutes: number;
  maxMinutes: number;
}

export interface ResolvedConfig {
  rules: Record<string, SeveritySetting>;
  budget: BudgetConfig;
  staleAfterDays: number;
  runbooks: string[];
  receipts: string[];
  /** Globs of the files a rollback depends on (RB024): a change to one after the newest rehearsal makes it stale. */
  rollbackPath: string[];
  /** Folder the globs are relative to (the config file's folder, or the workspace root). */
  root: string;
  /** Config files that contributed, nearest last. */
  sources: string[];
}

export interface ConfigProblem {
  file: string;
  message: string;
  span?: Span;
}
