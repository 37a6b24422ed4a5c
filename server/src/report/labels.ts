// Words and labels the report formats share, so Markdown, HTML and the editor say the same.
import type { ReportedRehearsal, RunbookReport, TriggerReport } from '../engine/rehearsalReport';
import { GRADUATION } from '../model/rehearsals';

export const rehearsalLabel = (r: ReportedRehearsal) => (r.number !== null ? String(r.number).padStart(3, '0') : (r.file.split('/').pop() ?? r.file));

export const minutes = (n: number | null) => (n === null ? '—' : `${Number.isInteger(n) ? n : n.toFixed(2).replace(/0+$/, '')} min`);

export function budgetLabel(t: TriggerReport): string {
  if (t.budgetMinutes !== null) return minutes(t.budgetMinutes);
  return t.budgetText ? `“${t.budgetText}” (no minutes)` : 'none';
}

export function latestLabel(t: TriggerReport): string {
  const last = t.rehearsals.at(-1);
  if (!last) return t.drafts ? `never rehearsed (${t.drafts} draft${t.drafts === 1 ? '' : 's'})` : 'never rehearsed';
  const against = last.overBudget === null ? '' : last.overBudget ? ', over budget' : ', within budget';
  return `${minutes(last.minutes)}${last.date ? ` on ${last.date}` : ''}${against}`;
}

export function graduationLabel(t: TriggerReport): string {
  if (!t.rehearsals.length) return '—';
  if (t.graduation.ready) return `ready: ${t.graduation.streak} in a row under ${GRADUATION.underMinutes} min`;
  return `${t.graduation.streak} of ${GRADUATION.inARow} in a row under ${GRADUATION.underMinutes} min`;
}

export const TREND: Record<TriggerReport['trend'], string> = { faster: 'faster', slower: 'slower', steady: 'steady', unknown: '—' };

/** How long ago a day was, as the hover, the lenses and the report say it. */
export function ago(days: number | undefined): string {
  if (days === undefined) return 'on an unknown date';
  if (days <= 0) return days < 0 ? `in ${-days} days (date in the future)` : 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export function stalenessLabel(r: RunbookReport): string {
  const parts: string[] = [];
  if (r.newest) parts.push(`newest rehearsal ${r.newest.date}, ${ago(r.newest.ageDays)}${r.stale ? ` — stale (over ${r.staleAfterDays} days)` : ''}`);
  else parts.push('no dated rehearsal');
  if (r.rollbackPathCommitsSince !== null) parts.push(r.rollbackPathCommitsSince ? `${r.rollbackPathCommitsSince} commit${r.rollbackPathCommitsSince === 1 ? '' : 's'} on the rollback path since` : 'no change to the rollback path since');
  return parts.join(' · ');
}
