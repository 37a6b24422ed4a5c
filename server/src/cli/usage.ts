// What the CLI's faces share: the usage error (exit 2) and the io they write through.
export class UsageError extends Error {}

export interface CliIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The clock (`rehearse`): RUNBOOK_LINT_NOW (a local time, 2026-05-03T14:02:10) when set, else the system's. */
  now?: () => Date;
}
