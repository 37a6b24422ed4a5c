// Shared by the third-party client tests (Neovim, Emacs): a copy of the example workspace
// and what the CLI says of the two files each editor opens, as sorted "LINE RULE" lines.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyFixture, runCli, REPO } from './cli';

export const CLIENT_TODAY = '2026-06-15';
export const RECEIPT = 'library/raw/rollback-rehearsals/002.md';

export function clientWorkspace(): { dir: string; out: string; expected: { receipt: string[]; runbook: string[] } } {
  const dir = copyFixture(path.join(REPO, 'examples', 'checkout-api'));
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-client-')), 'out.txt');
  const cli = (JSON.parse(runCli(['--format', 'json', '--today', CLIENT_TODAY, '--no-git', '.'], dir).stdout) as { findings: { file: string; ruleId: string; line: number }[] }).findings;
  const of = (file: string) => cli.filter((f) => f.file === file).map((f) => `${f.line} ${f.ruleId}`).sort();
  return { dir, out, expected: { receipt: of(RECEIPT), runbook: of('RUNBOOK.md') } };
}

/** What the editor wrote: its "ok NAME" / "timeout NAME" verdicts and "NAME LINE RULE" lines. */
export function seenBy(out: string): { text: string; lines: (name: string) => string[] } {
  const text = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  return { text, lines: (name) => text.split('\n').filter((l) => l.startsWith(name + ' ')).map((l) => l.slice(name.length + 1)).sort() };
}

/** Why a client test cannot run here, or undefined. */
export function missingBinary(bin: string, installedBy: string): string | undefined {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? `${bin} is not installed (${installedBy})` : undefined;
}
