import type { ReceiptRule } from './rule';
import { field } from './helpers/receiptUtil';
import { commitShaOf, minutesAfter, momentOf } from '../model/history';

/** How far outside the rehearsal's window the revert commit may be: it is often made just before the clock starts or stops. */
export const COMMIT_TOLERANCE_MINUTES = 15;

export const RR016: ReceiptRule = {
  id: 'RR016',
  name: 'receipt-commit-unknown',
  severity: 'error',
  appliesTo: 'receipt',
  fixable: false,
  description: 'The receipt SHA is not a commit of this repository, or was made outside the rehearsal (from git).',
  check({ model, workspace, report }) {
    const history = workspace.history(model.path);
    const f = field(model, 'receipt');
    // YAML reads 12345e7 as a number: the text as written is the id.
    const sha = commitShaOf(typeof f?.value === 'number' ? f.source : f?.value);
    if (!history || !f || !sha) return;
    const commit = history.find(sha);
    if (commit === undefined) return;
    if (commit === null) {
      report({
        span: f.valueSpan,
        message: `receipt ${sha} is not a commit of this repository: a receipt is evidence — record the SHA of the revert that actually ran (git log), or the pipeline run's ID or link.`,
        data: { sha },
      });
      return;
    }
    const observed = momentOf(field(model, 'observed_at')?.value);
    const recovered = momentOf(field(model, 'recovered_at')?.value);
    if (!observed || !recovered) return;
    const early = -minutesAfter(observed, commit);
    const late = minutesAfter(recovered, commit);
    const off = early > COMMIT_TOLERANCE_MINUTES ? early : late > COMMIT_TOLERANCE_MINUTES ? late : 0;
    if (!off) return;
    report({
      span: f.valueSpan,
      severity: 'warning',
      message: `receipt ${sha.slice(0, 7)} ("${commit.subject.slice(0, 60)}") was committed ${describe(off)} ${early > 0 ? 'before observed_at' : 'after recovered_at'}, outside the rehearsal's window: is it the revert this rehearsal ran?`,
      data: { sha: commit.sha, minutesOutside: Math.round(off) },
    });
  },
};

function describe(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 120) return `${m} min`;
  if (m < 48 * 60) return `${Math.round(m / 60)} h`;
  return `${Math.round(m / 1440)} days`;
}
