// @vscode/test-cli configuration (`npx vscode-test`, or the Extension Test Runner in
// VS Code): the e2e tests of test/e2e/suite, each compiled to JS, against a fresh copy of
// the fixture workspace. test-cli brings its own mocha, so test/e2e/suite/index.ts is not
// used here; `npm run test:vscode` (test/e2e/electron-runner.mjs) runs it the same way as
// `npm run test:e2e`. Needs a machine that can download VS Code.
import { defineConfig } from '@vscode/test-cli';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestFiles, copyFixture, repoRoot } from './scripts/e2e/suite-build.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'runbook-e2e-'));

export default defineConfig({
  label: 'e2e',
  files: await buildTestFiles(join(tmp, 'suite')), // absolute paths: test-cli globs relative ones only
  extensionDevelopmentPath: repoRoot,
  workspaceFolder: copyFixture(join(tmp, 'workspace')),
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'tdd', timeout: 60_000, color: false, failZero: true },
});
