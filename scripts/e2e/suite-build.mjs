// Shared by scripts/e2e/run.mjs (code-server), test/e2e/electron-runner.mjs and
// .vscode-test.mjs (desktop VS Code): compiles the e2e suite and copies the fixture.
import { build } from 'esbuild';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const suiteDir = join(repoRoot, 'test/e2e/suite');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
  // mocha's parallel mode (unused here) resolves worker files at run time.
  logOverride: { 'require-resolve-not-external': 'silent' },
};

export function testFiles() {
  return readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts')).sort();
}

/** index.ts + every *.test.ts (and mocha) in one CJS file whose run() is the extensionTestsPath entry. */
export async function buildSuiteBundle(outfile) {
  // esbuild turns require() of an ES module into a lazy initializer, so each test file is
  // evaluated only when index.ts loads it, after mocha has set up suite()/test().
  const contents = [
    `const index = require('./index.ts');`,
    ...testFiles().map((f) => `index.registerTestFile(${JSON.stringify(f)}, () => require(${JSON.stringify('./' + f)}));`),
    `module.exports.run = index.run;`,
  ].join('\n');
  await build({ ...common, stdin: { contents, resolveDir: suiteDir, sourcefile: 'e2e-entry.js', loader: 'js' }, outfile });
  return outfile;
}

/** One JS file per *.test.ts (their paths are returned), for runners with their own mocha (@vscode/test-cli). */
export async function buildTestFiles(outdir) {
  const files = testFiles();
  await build({ ...common, entryPoints: files.map((f) => join(suiteDir, f)), outdir, external: ['vscode', 'mocha'] });
  return files.map((f) => join(outdir, f.replace(/\.ts$/, '.js')));
}

/** Tests write into the folder they open: every run gets a fresh copy of the fixture. */
export function copyFixture(dest = join(mkdtempSync(join(tmpdir(), 'runbook-e2e-')), 'workspace')) {
  cpSync(join(repoRoot, 'test/e2e/fixture-workspace'), dest, { recursive: true });
  return dest;
}
