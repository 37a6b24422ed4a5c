// Issue 12: Emacs 28 with eglot 1.9 (Debian's, installed by .ci/run) as the client, in batch
// mode (test/clients/emacs.el): a receipt (eglot makes its folder the project: no git) and
// the runbook get the CLI's findings through flymake. Skipped, saying so, without emacs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/cli';
import { CLIENT_TODAY, clientWorkspace, missingBinary, seenBy } from '../helpers/clients';
import { SERVER } from './lspClient';

const eglot = fs.existsSync('/usr/share/emacs/site-lisp/elpa/eglot-1.9') ? undefined : 'elpa-eglot is not installed';

test('Emacs + eglot as the client: the CLI\'s findings on a receipt and a runbook', { skip: missingBinary('emacs', "scripts/install-clients.sh installs Debian's emacs-nox and elpa-eglot") ?? eglot }, () => {
  const { dir, out, expected } = clientWorkspace();
  try {
    const r = spawnSync('emacs', ['--batch', '-Q', '-l', path.join(REPO, 'test', 'clients', 'emacs.el')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, EMACS_OUT: out, WS: dir, NODE: process.execPath, SERVER, TODAY: CLIENT_TODAY, EXPECT_RECEIPT: expected.receipt.join('\n'), EXPECT_RUNBOOK: expected.runbook.join('\n') },
    });
    const seen = seenBy(out);
    assert.ok(/^ok runbook$/m.test(seen.text) && /^ok receipt$/m.test(seen.text), `emacs exited ${r.status}:\n${seen.text}\n${r.stderr.slice(-3000)}`);
    assert.deepEqual(seen.lines('receipt'), expected.receipt);
    assert.deepEqual(seen.lines('runbook'), expected.runbook);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
