#!/usr/bin/env node
// Run the property tests of test/unit/fuzz.test.ts with as many cases as asked:
//   npm run fuzz -- 100000            (about 100,000 cases across the six properties)
//   npm run fuzz -- 100000 --jobs 2   (split over two processes, different seeds)
//   FUZZ_SEED=123 npm run fuzz -- 5000   (replay a seed fast-check printed)
//   npm run fuzz -- 1000 --audit      (also the regex audit and adversarial documents at 100 KB, ~15 min)
// Exit code: 0 when every shard passes.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import * as os from 'node:os';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const total = Number(args.find((a) => /^\d+$/.test(a)) ?? 10000);
const jobsArg = args.indexOf('--jobs');
const jobs = Math.max(1, Number(jobsArg >= 0 ? args[jobsArg + 1] : Math.min(2, os.availableParallelism?.() ?? os.cpus().length)));
// Six properties take FUZZ_RUNS cases each, the corpus mutations FUZZ_RUNS / 10.
const PROPERTIES = 6.1;
const perShard = Math.ceil(total / PROPERTIES / jobs);
const baseSeed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;

console.log(`fuzz: ${Math.round(perShard * PROPERTIES * jobs)} cases (${perShard} per property, a tenth for corpus mutations, x ${jobs} jobs), seeds ${baseSeed}..${baseSeed + jobs - 1}`);
const t0 = Date.now();
const shards = Array.from({ length: jobs }, (_, i) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/unit/fuzz.test.ts'], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FUZZ_RUNS: String(perShard), FUZZ_SEED: String(baseSeed + i), NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=4096`.trim() },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ seed: baseSeed + i, code, out }));
  }),
);
const results = await Promise.all(shards);
if (args.includes('--audit')) {
  results.push(
    await new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/unit/regex-safety.test.ts'], {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, REGEX_SIZE: String(100 * 1024), DOC_SIZE: String(100 * 1024) },
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('close', (code) => resolve({ seed: 'regex audit at 100 KB', code, out }));
    }),
  );
}
let failed = 0;
for (const r of results) {
  if (r.code !== 0) failed++;
  console.log(`--- shard seed ${r.seed}: ${r.code === 0 ? 'pass' : `FAIL (exit ${r.code})`}`);
  if (r.code !== 0 || args.includes('--verbose')) console.log(r.out);
}
console.log(`fuzz: ${Math.round(perShard * PROPERTIES * jobs)} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s, ${failed} failing shard(s)`);
process.exit(failed ? 1 : 0);
