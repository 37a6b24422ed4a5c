// What a rule is: id, name, default severity, docs, and a check over one model
// with a view of the workspace for cross-file rules.
import type { Finding, Fix, ResolvedConfig, Severity, Span } from '../model/types';
import type { RunbookModel } from '../model/runbook';
import type { ReceiptModel } from '../model/receipt';
import type { RepositoryHistory } from '../model/history';

export interface Report {
  span: Span;
  message: string;
  fix?: Fix;
  data?: Record<string, unknown>;
  /** Overrides the rule's default severity for this finding (RR004 has two). */
  severity?: Severity;
}

export interface WorkspaceView {
  /** Receipts that belong to this runbook, oldest rehearsal first. */
  receiptsFor(runbook: RunbookModel): ReceiptModel[];
  /** Runbooks a receipt is checked against (its `runbook:` key, or the nearest ones). */
  runbooksFor(receipt: ReceiptModel): RunbookModel[];
  /** Receipts in the same folder as this one, itself included, by file number. */
  siblings(receipt: ReceiptModel): ReceiptModel[];
  /** The names of the files in a folder: on disk (when the face reads the disk) and in the workspace. */
  filesIn(folder: string): string[];
  /** The history of the repository holding a file, when the face read one (RB024, RR016); undefined otherwise. */
  history(file: string): RepositoryHistory | undefined;
}

export interface RuleContext<M> {
  model: M;
  config: ResolvedConfig;
  /** Today's date, YYYY-MM-DD: an input, so date rules are testable and no test ages. */
  today: string;
  workspace: WorkspaceView;
  report(report: Report): void;
}

interface RuleBase {
  id: string;
  name: string;
  severity: Severity;
  fixable: boolean;
  /** One line: what the rule catches. */
  description: string;
}

export interface RunbookRule extends RuleBase {
  appliesTo: 'runbook';
  check(ctx: RuleContext<RunbookModel>): void;
}

export interface ReceiptRule extends RuleBase {
  appliesTo: 'receipt';
  check(ctx: RuleContext<ReceiptModel>): void;
}

export type Rule = RunbookRule | ReceiptRule;

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

export type { Finding };
