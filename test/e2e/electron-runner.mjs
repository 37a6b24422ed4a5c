// `npm run test:vscode`: the same suite (test/e2e/suite) and fixture copy as
// scripts/e2e/run.mjs, in a desktop VS Code that @vscode/test-electron downloads. Needs a
// machine that can download VS Code (and a display, e.g. xvfb-run on Linux); it cannot
// run on the offline dev machines, where `npm run test:e2e` (code-server) is the way.
//
//   node test/e2e/electron-runner.mjs [--ext DIR] [--grep PATTERN]   (env VSCODE_VERSION)
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSuiteBundle, copyFixture, repoRoot } from '../../scripts/e2e/suite-build.mjs';

const { values: opts } = parseArgs({ options: { ext: { type: 'string' }, grep: { type: 'string' } } });
const tmp = mkdtempSync(join(tmpdir(), 'runbook-e2e-'));
let code = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: resolve(opts.ext ?? repoRoot),
    extensionTestsPath: await buildSuiteBundle(join(tmp, 'suite/index.js')),
    extensionTestsEnv: { RUNBOOK_E2E_GREP: opts.grep ?? '' },
    launchArgs: [
      copyFixture(join(tmp, 'workspace')),
      '--disable-extensions', // other installed extensions; the one under test still loads
      '--disable-workspace-trust',
      '--user-data-dir', join(tmp, 'user-data'),
      '--extensions-dir', join(tmp, 'extensions'),
    ],
  });
} catch (e) {
  // index.ts rejects on a failing test and on a run without any test.
  console.error(`e2e (desktop VS Code) failed: ${e?.message ?? e}`);
  code = 1;
}
rmSync(tmp, { recursive: true, force: true });
process.exit(code);
