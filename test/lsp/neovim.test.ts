// Issue 12: a real third-party client. Neovim (Debian's 0.7, installed by .ci/run) drives the
// server binary headless: a receipt and the runbook opened get the CLI's findings, and a
// live edit re-lints. Skipped, saying so, where nvim is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyFixture, runCli, REPO } from '../helpers/cli';
import { SERVER } from './lspClient';

const TODAY = '2026-06-15';
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const missing = nvim.error || nvim.status !== 0 ? 'nvim is not installed (.ci/run installs Debian\'s neovim)' : undefined;

test('Neovim as the client: the CLI\'s findings on a receipt and a runbook, and a live edit', { skip: missing }, () => {
  const dir = copyFixture(path.join(REPO, 'examples', 'checkout-api'));
  const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-nvim-')), 'out.txt');
  try {
    const cli = (JSON.parse(runCli(['--format', 'json', '--today', TODAY, '--no-git', '.'], dir).stdout) as { findings: { file: string; ruleId: string; line: number }[] }).findings;
    const of = (file: string) => cli.filter((f) => f.file === file).map((f) => `${f.line} ${f.ruleId}`).sort();
    const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(REPO, 'test', 'clients', 'neovim.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NVIM_OUT: outFile, WS: dir, NODE: process.execPath, SERVER, TODAY, EXPECT_RECEIPT: of('library/raw/rollback-rehearsals/002.md').join('\n'), EXPECT_RUNBOOK: of('RUNBOOK.md').join('\n') },
    });
    const seen = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
    assert.ok(/^ok runbook$/m.test(seen) && /^ok receipt$/m.test(seen), `nvim exited ${r.status}:\n${seen}\n${r.stderr}`);
    const lines = (name: string) => seen.split('\n').filter((l) => l.startsWith(name + ' ')).map((l) => l.slice(name.length + 1)).sort();

    assert.deepEqual(lines('receipt'), of('library/raw/rollback-rehearsals/002.md'));
    assert.deepEqual(lines('runbook'), of('RUNBOOK.md'));
    assert.match(seen, /^ok edited$/m, seen);
    assert.ok(!lines('edited').some((l) => l.endsWith('RB005')) && lines('edited').length > 0, seen);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
