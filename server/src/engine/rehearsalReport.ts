// The rehearsal history of a workspace as numbers (issue 15): per runbook and trigger, every
// rehearsal against its budget, the trend, graduation, staleness and what was never rehearsed;
// across the workspace, the median and p90 recovery time. `runbook-lint report` prints it as
// Markdown, HTML or JSON (schemas/rehearsal-report.schema.json); the editor draws the same.
// Drafts are not rehearsals: a receipt counts only once it is filled in (model/rehearsals.ts).
import * as path from 'node:path';
import type { Project } from './project';
import type { RunbookModel } from '../model/runbook';
import type { ResolvedConfig } from '../model/types';
import { daysBetween, draftsOf, GRADUATION, graduationStreak, newestRehearsal, rehearsalsOf, type Rehearsal } from '../model/rehearsals';
import { rollbackPathChanges } from '../rules/helpers/rollbackPath';

export const REPORT_VERSION = 1;

export interface ReportedRehearsal {
  number: number | null;
  date: string | null;
  minutes: number | null;
  path: string | null;
  receipt: string | null;
  /** The receipt file, relative to the report's folder, `/`-separated. */
  file: string;
  /** Over the trigger's budget; null without a budget or minutes. */
  overBudget: boolean | null;
}

export type Trend = 'faster' | 'slower' | 'steady' | 'unknown';

export interface TriggerReport {
  name: string;
  budgetMinutes: number | null;
  budgetText: string | null;
  rehearsals: ReportedRehearsal[];
  drafts: number;
  /** The latest rehearsal against the mean of the (up to three) before it. */
  trend: Trend;
  graduation: { streak: number; ready: boolean };
}

export interface RunbookReport {
  file: string;
  triggers: TriggerReport[];
  neverRehearsed: string[];
  /** The newest rehearsal of any trigger and how old it is; stale over staleAfterDays. */
  newest: { date: string; ageDays: number } | null;
  staleAfterDays: number;
  stale: boolean;
  /** Commits that changed the rollback path since the newest rehearsal (null: no git history read). */
  rollbackPathCommitsSince: number | null;
}

export interface RehearsalReport {
  version: typeof REPORT_VERSION;
  today: string;
  runbooks: RunbookReport[];
  workspace: { runbooks: number; triggers: number; rehearsals: number; neverRehearsed: number; medianMinutes: number | null; p90Minutes: number | null };
}

const relative = (from: string, file: string) => path.relative(from, file).split(path.sep).join('/') || path.basename(file);

function field(r: Rehearsal, key: string): string | null {
  const v = r.receipt.frontMatter?.fields.get(key)?.value;
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;
}

function trendOf(minutes: number[]): Trend {
  if (minutes.length < 2) return 'unknown';
  const last = minutes[minutes.length - 1];
  const before = minutes.slice(-4, -1);
  const mean = before.reduce((a, b) => a + b, 0) / before.length;
  if (last < mean * 0.9) return 'faster';
  if (last > mean * 1.1) return 'slower';
  return 'steady';
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function rehearsalReport(project: Project, runbooks: readonly RunbookModel[], options: { today: string; from: string; configFor: (file: string) => ResolvedConfig }): RehearsalReport {
  const { today, from } = options;
  const all: number[] = [];
  const out: RunbookReport[] = [];
  for (const runbook of [...runbooks].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const config = options.configFor(runbook.path);
    const receipts = project.receiptsFor(runbook);
    const triggers: TriggerReport[] = runbook.triggers.triggers.map((trigger) => {
      const rehearsals = rehearsalsOf(runbook, receipts, trigger);
      const budget = trigger.budgetMinutes ?? null;
      const minutes = rehearsals.map((r) => r.minutes).filter((m): m is number => m !== undefined);
      all.push(...minutes);
      const streak = graduationStreak(rehearsals.map((r) => r.minutes));
      return {
        name: trigger.name,
        budgetMinutes: budget,
        budgetText: trigger.budgetText ?? null,
        rehearsals: rehearsals.map((r) => ({
          number: r.number ?? null,
          date: r.date ?? null,
          minutes: r.minutes ?? null,
          path: field(r, 'path'),
          receipt: field(r, 'receipt'),
          file: relative(from, r.receipt.path),
          overBudget: budget === null || r.minutes === undefined ? null : r.minutes > budget,
        })),
        drafts: draftsOf(runbook, receipts, trigger).length,
        trend: trendOf(minutes),
        graduation: { streak, ready: streak >= GRADUATION.inARow },
      };
    });
    // As RB022 ages it: the newest dated rehearsal among the runbook's receipts.
    const newestDate = newestRehearsal(receipts)?.date;
    const ageDays = newestDate ? daysBetween(newestDate, today) : undefined;
    const changes = rollbackPathChanges(runbook, project, config);
    out.push({
      file: relative(from, runbook.path),
      triggers,
      neverRehearsed: triggers.filter((t) => !t.rehearsals.length).map((t) => t.name),
      newest: newestDate && ageDays !== undefined ? { date: newestDate, ageDays } : null,
      staleAfterDays: config.staleAfterDays,
      stale: ageDays !== undefined && ageDays > config.staleAfterDays,
      rollbackPathCommitsSince: project.history(runbook.path) ? (changes?.changes.length ?? 0) : null,
    });
  }
  const sorted = [...all].sort((a, b) => a - b);
  return {
    version: REPORT_VERSION,
    today,
    runbooks: out,
    workspace: {
      runbooks: out.length,
      triggers: out.reduce((n, r) => n + r.triggers.length, 0),
      rehearsals: out.reduce((n, r) => n + r.triggers.reduce((m, t) => m + t.rehearsals.length, 0), 0),
      neverRehearsed: out.reduce((n, r) => n + r.neverRehearsed.length, 0),
      medianMinutes: percentile(sorted, 50),
      p90Minutes: percentile(sorted, 90),
    },
  };
}
