// The repositories' history as the server keeps it: read once the workspace is known, then
// again every few seconds (one `git rev-parse` per repository; the log only when HEAD
// moved). When a history changes, every file whose findings it may change is published again.
import type { LintWorkspace } from './workspace';
import type { Validation } from './validation';

const RECHECK_MS = 15_000;

export function createRepositoryWatch(ws: LintWorkspace, v: Validation, report: (what: string, e: unknown) => void) {
  let running: Promise<boolean> | undefined;
  let timer: NodeJS.Timeout | undefined;

  /** Re-read the histories; publish again (changed findings only) when one moved. */
  function refresh(): Promise<boolean> {
    running ??= ws
      .loadHistory()
      .then((changed) => {
        if (changed) v.publish(ws.project.files(), false, true);
        return changed;
      })
      .catch((e) => {
        report('reading git history', e);
        return false;
      })
      .finally(() => (running = undefined));
    return running;
  }

  /** The first read, waited for at most `ms` so the first diagnostics already know the history of a small repository. */
  async function first(ms: number): Promise<void> {
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([refresh(), new Promise<void>((r) => (waited = setTimeout(r, ms)))]);
    clearTimeout(waited);
    timer ??= setInterval(() => void refresh(), RECHECK_MS);
    timer.unref?.();
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = undefined;
  }

  return { refresh, first, stop };
}
