// In-process comparison on the same bytes: the engine (a fresh Project per run, so
// nothing is cached) vs the markdownlint library (default rules) vs the parse floor
// (micromark events; remark parse, plain and with the engine's gfm+frontmatter).
// Run by bench/run.mjs as `node --expose-gc bench/engine-bench.mjs plan.json`;
// prints one JSON object on stdout. Contenders are interleaved run by run so that
// noise from other processes falls on all of them alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { summary } from './stats.mjs';

const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const require = createRequire(import.meta.url);
const engine = require(plan.engineBundle);
const { lint: markdownlint } = await import('markdownlint/sync');
const { parse, postprocess, preprocess } = await import('micromark');
const { gfm } = await import('micromark-extension-gfm');
const { frontmatter } = await import('micromark-extension-frontmatter');
const { unified } = await import('unified');
const { default: remarkParse } = await import('remark-parse');
const { default: remarkGfm } = await import('remark-gfm');
const { default: remarkFrontmatter } = await import('remark-frontmatter');

const remarkPlain = unified().use(remarkParse);
const remarkEngine = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const mmExtensions = [gfm(), frontmatter(['yaml'])];
const config = engine.defaultConfig('/bench');
const TODAY = plan.today;

const contenders = {
  engine(files) {
    let n = 0;
    for (const f of files) {
      const project = new engine.Project({ today: () => TODAY, configFor: () => config });
      const p = path.join('/bench', f.name);
      project.set(p, f.text, f.kind ?? 'runbook');
      n += project.lint(p).length;
    }
    return n;
  },
  markdownlint(files) {
    let n = 0;
    for (const f of files) n += markdownlint({ strings: { [f.name]: f.text } })[f.name].length;
    return n;
  },
  micromark(files) {
    let n = 0;
    for (const f of files) n += postprocess(parse({ extensions: mmExtensions }).document().write(preprocess()(f.text, undefined, true))).length;
    return n;
  },
  remarkPlain(files) {
    let n = 0;
    for (const f of files) n += remarkPlain.parse(f.text).children.length;
    return n;
  },
  remark(files) {
    let n = 0;
    for (const f of files) n += remarkEngine.parse(f.text).children.length;
    return n;
  },
};

function time(fn, files) {
  globalThis.gc?.();
  const t0 = performance.now();
  const out = fn(files);
  return { ms: performance.now() - t0, out };
}

const results = {};
for (const w of plan.workloads) {
  const files = w.files.map((f) => ({ name: f.name, kind: f.kind, text: fs.readFileSync(f.path, 'utf8') }));
  const names = w.contenders ?? Object.keys(contenders);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const outputs = {};
  for (let i = 0; i < w.warmup; i++) for (const n of names) contenders[n](files);
  const deadline = performance.now() + (w.maxMs ?? Infinity);
  for (let i = 0; i < w.runs; i++) {
    // Rotate the order each run: no contender always runs first after a GC.
    for (let k = 0; k < names.length; k++) {
      const n = names[(i + k) % names.length];
      const r = time(contenders[n], files);
      times[n].push(r.ms);
      outputs[n] = r.out;
    }
    if (i + 1 >= (w.minRuns ?? 1) && performance.now() > deadline) break;
  }
  results[w.id] = {
    bytes: files.reduce((s, f) => s + Buffer.byteLength(f.text), 0),
    lines: files.reduce((s, f) => s + f.text.split('\n').length, 0),
    files: files.length,
    outputs,
    ...Object.fromEntries(names.map((n) => [n, summary(times[n])])),
  };
  process.stderr.write(`  ${w.id}: ${names.map((n) => `${n} ${results[w.id][n].median.toFixed(1)} ms`).join(', ')}\n`);
}
process.stdout.write(JSON.stringify(results));
