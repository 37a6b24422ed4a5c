// Issue 12: a real third-party client. Neovim (Debian's 0.7, installed by .ci/run) drives the
// server binary headless (test/clients/neovim.lua): a receipt and the runbook opened get the
// CLI's findings, and a live edit re-lints. Skipped, saying so, where nvim is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/cli';
import { CLIENT_TODAY, clientWorkspace, missingBinary, seenBy } from '../helpers/clients';
import { SERVER } from './lspClient';

test('Neovim as the client: the CLI\'s findings on a receipt and a runbook, and a live edit', { skip: missingBinary('nvim', "scripts/install-clients.sh installs Debian's neovim") }, () => {
  const { dir, out, expected } = clientWorkspace();
  try {
    const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(REPO, 'test', 'clients', 'neovim.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NVIM_OUT: out, WS: dir, NODE: process.execPath, SERVER, TODAY: CLIENT_TODAY, EXPECT_RECEIPT: expected.receipt.join('\n'), EXPECT_RUNBOOK: expected.runbook.join('\n') },
    });
    const seen = seenBy(out);
    assert.ok(/^ok runbook$/m.test(seen.text) && /^ok receipt$/m.test(seen.text), `nvim exited ${r.status}:\n${seen.text}\n${r.stderr}`);
    assert.deepEqual(seen.lines('receipt'), expected.receipt);
    assert.deepEqual(seen.lines('runbook'), expected.runbook);
    assert.match(seen.text, /^ok edited$/m, seen.text);
    assert.ok(!seen.lines('edited').some((l) => l.endsWith('RB005')) && seen.lines('edited').length > 0, seen.text);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
