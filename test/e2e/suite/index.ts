// Mocha bootstrap for the extension host: VS Code calls run() for extensionTestsPath.
// scripts/e2e/suite-build.mjs bundles this file with every *.test.ts beside it into one
// CommonJS file (mocha included) and registers each test file through registerTestFile(), so adding a test
// is just adding a `*.test.ts` file here (TDD ui: suite/test/suiteSetup).
import Mocha from 'mocha';

const testFiles: Array<{ name: string; load: () => unknown }> = [];

export function registerTestFile(name: string, load: () => unknown): void {
  testFiles.push({ name, load });
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000,
    // From the runners' --grep (payload extensionEnvironment / extensionTestsEnv).
    grep: process.env.RUNBOOK_E2E_GREP || undefined,
  });
  // What Mocha#loadFiles does for files on disk, for modules that are already bundled.
  for (const { name, load } of testFiles) {
    mocha.suite.emit('pre-require', globalThis, name, mocha);
    mocha.suite.emit('require', load(), name, mocha);
    mocha.suite.emit('post-require', globalThis, name, mocha);
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      // A suite that registers no test (or a --grep that matches none) must not pass.
      else if (!runner.stats?.passes) reject(new Error('no test ran'));
      else resolve();
    });
  });
}
