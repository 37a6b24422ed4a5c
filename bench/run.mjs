#!/usr/bin/env node
// runbook-lint benchmark suite: `npm run bench` (node bench/run.mjs).
// Builds the bundles, generates deterministic workloads into bench/.work/, measures
// the engine, the CLI and the language server side by side with markdownlint,
// markdownlint-cli2 and the parse floor, and writes BENCHMARKS.md.
//
// Options: --quick (fewer runs), --only engine,cli,lsp,size,hostile (comma list),
//          --no-build (use dist/ as it is), --profile (CPU-profile the engine
//          workloads into bench/.work/prof/ and print the hottest functions),
//          --full (200 edits on the 20,000-line runbook too, however long it takes),
//          --no-write (do not rewrite BENCHMARKS.md).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runbook, writeWorkspace, receipt } from './gen.mjs';
import { summary, median, percentile, ms, ratio, bytes } from './stats.mjs';
import { coldStart, editLatency, indexRss, openWhileIndexing } from './lsp-bench.mjs';
import { summarizeProfiles } from './profile.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const WORK = path.join(BENCH, '.work');
// Generated workspaces live OUTSIDE the repository: the CLI and the server read every
// runbook and receipt under their root for cross-file context, so 6,000 generated
// files inside the repo would slow down (and could change) everyone else's lint runs.
const DATA = path.resolve(process.env.RUNBOOK_LINT_BENCH_DATA ?? path.join(os.tmpdir(), 'runbook-lint-bench'));
const TODAY = '2026-06-01';
const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const only = (() => {
  const i = args.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i < 0) return null;
  const v = args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
  return new Set(v.split(','));
})();
const want = (s) => !only || only.has(s);
const QUICK = flag('--quick');
const started = performance.now();
const log = (m) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s] ${m}\n`);

fs.mkdirSync(WORK, { recursive: true });
fs.mkdirSync(DATA, { recursive: true });
if (!path.relative(ROOT, DATA).startsWith('..')) throw new Error(`RUNBOOK_LINT_BENCH_DATA must be outside the repository: ${DATA}`);
const results = { date: new Date().toISOString(), machine: machine(), loadBefore: fs.readFileSync('/proc/loadavg', 'utf8').trim(), quick: QUICK };

// ------------------------------------------------------------------ build
if (!flag('--no-build')) {
  log('building dist/ (scripts/build.mjs)');
  run(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, check: true });
}
{
  log('bundling bench/engine-entry.ts -> bench/.work/engine.cjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(BENCH, 'engine-entry.ts')],
    outfile: path.join(WORK, 'engine.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    mainFields: ['module', 'main'],
    minify: false, // readable names in CPU profiles
    logLevel: 'warning',
    define: { RUNBOOK_LINT_VERSION: '"bench"' },
  });
}

// ------------------------------------------------------------------ workloads
log('generating workloads');
const SIZES = [200, 2000, 20000];
const rbFile = {};
const rbText = {};
for (const n of SIZES) {
  rbFile[n] = path.join(DATA, `runbook-${n}.md`);
  rbText[n] = runbook(n, 1);
  fs.writeFileSync(rbFile[n], rbText[n].text);
}
const ws = {};
for (const [id, receipts] of [['ws1000', 1000], ['ws5000', 5000], ['ws10000', 10000]]) {
  const dir = path.join(DATA, id);
  ws[id] = { dir, files: writeWorkspace(dir, { runbooks: 10, receipts, runbookLines: 300, seed: 7 }) };
}
const corpusDir = path.resolve(ROOT, '../shared/corpus/real');
const corpus = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort() : [];
const corpusText = (f) => fs.readFileSync(path.join(corpusDir, f), 'utf8');
/** Reference-style links: `defs` definitions at the end, the inline links turned into references to them. */
const withDefinitions = (text, defs) => {
  let i = 0;
  const body = text.replace(/\[runbook\]\(https:[^)]*\)/g, () => `[runbook][ref ${i++ % defs}]`);
  return body + '\n\n' + Array.from({ length: defs }, (_, k) => `[Ref ${k}]: https://example.invalid/ref/${k}`).join('\n') + '\n';
};
/** Real documents concatenated, in corpus order, to about `lines` lines: HTML, long tables, nested lists, definitions as strangers write them. */
const corpusMix = (lines) => {
  const out = [];
  let n = 0;
  for (let k = 0; n < lines; k++) {
    const t = corpusText(corpus[k % corpus.length]).replace(/^\ufeff/, '').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
    out.push(t);
    n += t.split('\n').length;
  }
  return out.join('\n\n');
};
// Edit targets: each a runbook with 500 receipts beside it (what a team's folder holds after a year or two of drills).
const EDIT_TARGETS = [
  { id: 'gen2000', label: 'generated, 2,000 lines', text: () => rbText[2000].text, big: false },
  { id: 'gen2000defs', label: 'generated, 2,000 lines + 5 reference definitions', text: () => withDefinitions(rbText[2000].text, 5), big: false },
  ...(corpus.length
    ? [
        { id: 'corpus053', label: 'real: 053 (3,337 lines, 4 definitions) as it is', text: () => corpusText(corpus.find((f) => f.startsWith('053-'))), big: false },
        { id: 'mix2000', label: 'real documents concatenated, ~2,000 lines (HTML, long tables, nested lists)', text: () => corpusMix(2000), big: false },
        { id: 'mix20000', label: 'real documents concatenated, ~20,000 lines', text: () => corpusMix(20000), big: true },
        { id: 'corpus053x6', label: 'real: 053 repeated 6× (~20,000 lines, 24 definitions)', text: () => Array(6).fill(corpusText(corpus.find((f) => f.startsWith('053-')))).join('\n\n'), big: true },
      ]
    : []),
  { id: 'gen20000', label: 'generated, 20,000 lines', text: () => rbText[20000].text, big: true },
  { id: 'gen20000defs', label: 'generated, 20,000 lines + 50 reference definitions', text: () => withDefinitions(rbText[20000].text, 50), big: true },
];
function runbookWithReceipts(id, text, receipts) {
  const dir = path.join(DATA, `lsp-${id}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'library/raw/rollback-rehearsals'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'RUNBOOK.md'), text);
  const triggers = rbText[2000].triggers;
  for (let i = 1; i <= receipts; i++) fs.writeFileSync(path.join(dir, `library/raw/rollback-rehearsals/${String(i).padStart(3, '0')}.md`), receipt(i, triggers, 900 + i));
  return { dir, runbook: path.join(dir, 'RUNBOOK.md'), lines: text.split('\n').length };
}
for (const t of EDIT_TARGETS) ws[t.id] = runbookWithReceipts(t.id, t.text(), 500);
ws.budget5000 = runbookWithReceipts('budget5000', rbText[2000].text, 5000);
{
  // Cold start: the 2,000-line runbook with 5 receipts.
  const dir = path.join(DATA, 'lsp2000');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'library/raw/rollback-rehearsals'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'RUNBOOK.md'), rbText[2000].text);
  for (let i = 1; i <= 5; i++) fs.writeFileSync(path.join(dir, `library/raw/rollback-rehearsals/00${i}.md`), receipt(i, rbText[2000].triggers, 900 + i));
  ws.lsp2000 = { dir, runbook: path.join(dir, 'RUNBOOK.md') };
}
results.workloads = {
  runbooks: Object.fromEntries(SIZES.map((n) => [n, { lines: rbText[n].text.split('\n').length - 1, bytes: Buffer.byteLength(rbText[n].text), triggers: rbText[n].triggers.length }])),
  ws1000: { files: ws.ws1000.files.length, bytes: ws.ws1000.files.reduce((s, f) => s + fs.statSync(f).size, 0) },
  ws5000: { files: ws.ws5000.files.length, bytes: ws.ws5000.files.reduce((s, f) => s + fs.statSync(f).size, 0) },
  ws10000: { files: ws.ws10000.files.length, bytes: ws.ws10000.files.reduce((s, f) => s + fs.statSync(f).size, 0) },
  editTargets: Object.fromEntries(EDIT_TARGETS.map((t) => [t.id, { label: t.label, lines: ws[t.id].lines }])),
  corpus: { files: corpus.length, dir: '../shared/corpus/real' },
};

// ------------------------------------------------------------------ 1. engine vs markdownlint vs parse floor
if (want('engine')) {
  log('engine vs markdownlint vs parse floor (in-process, interleaved)');
  const k = QUICK ? 0.5 : 1;
  const plan = {
    engineBundle: path.join(WORK, 'engine.cjs'),
    today: TODAY,
    workloads: [
      { id: 'rb200', files: [{ name: 'RUNBOOK.md', path: rbFile[200] }], warmup: 5, runs: Math.ceil(21 * k), minRuns: 5, maxMs: 15000 },
      { id: 'rb2000', files: [{ name: 'RUNBOOK.md', path: rbFile[2000] }], warmup: 2, runs: Math.ceil(9 * k), minRuns: 3, maxMs: 30000 },
      { id: 'rb20000', files: [{ name: 'RUNBOOK.md', path: rbFile[20000] }], warmup: 0, runs: Math.ceil(5 * k), minRuns: 3, maxMs: 40000 },
      ...(corpus.length ? [{ id: 'corpus', files: corpus.map((f) => ({ name: f, path: path.join(corpusDir, f), kind: 'runbook' })), warmup: 1, runs: Math.ceil(5 * k), minRuns: 3, maxMs: 30000, contenders: ['engine', 'markdownlint', 'micromark', 'remark'] }] : []),
    ],
  };
  const planFile = path.join(WORK, 'engine-plan.json');
  fs.writeFileSync(planFile, JSON.stringify(plan));
  const profDir = path.join(WORK, 'prof');
  const nodeArgs = ['--expose-gc'];
  if (flag('--profile')) {
    fs.rmSync(profDir, { recursive: true, force: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profDir}`);
  }
  const r = run(process.execPath, [...nodeArgs, path.join(BENCH, 'engine-bench.mjs'), planFile], { cwd: ROOT, check: true, inheritStderr: true });
  results.engine = JSON.parse(r.stdout);
  if (flag('--profile')) results.profile = summarizeProfiles(profDir, 25);
}

// ------------------------------------------------------------------ 2. CLI vs markdownlint-cli2
if (want('cli')) {
  log('CLI vs markdownlint-cli2 on the 10,000-receipt workspace (whole process, wall time and peak RSS)');
  const cwd = ws.ws10000.dir;
  // Both are Node programs: a preload reports the process's peak RSS at exit.
  const maxrss = path.join(WORK, 'maxrss.cjs');
  fs.writeFileSync(maxrss, "process.on('exit', () => require('fs').writeSync(2, '\\nMAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n'));\n");
  const cli = ['-r', maxrss, path.join(ROOT, 'dist/cli.js'), '.', '--today', TODAY];
  const cli2 = ['-r', maxrss, path.join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), '**/*.md'];
  // Warm-up (file cache) and a check that both see the same files.
  const j = run(process.execPath, [...cli, '--format', 'json'], { cwd });
  let filesLinted = NaN;
  try {
    filesLinted = JSON.parse(j.stdout).filesLinted;
  } catch {
    /* reported below */
  }
  const m = run(process.execPath, cli2, { cwd });
  const cli2Files = Number(/Linting: (\d+) file/.exec(m.stdout + m.stderr)?.[1]);
  const runs = QUICK ? 2 : 4;
  const t = { cli: [], cli2: [] };
  const rss = { cli: [], cli2: [] };
  const cliDeadline = performance.now() + 120000;
  for (let i = 0; i < runs; i++) {
    if (i >= 2 && performance.now() > cliDeadline) break;
    for (const [name, a] of i % 2 ? [['cli2', cli2], ['cli', cli]] : [['cli', cli], ['cli2', cli2]]) {
      const r = run(process.execPath, a, { cwd });
      t[name].push(r.ms);
      rss[name].push(Number(/MAXRSS_KB (\d+)/.exec(r.stderr)?.[1]));
    }
  }
  results.cli = { files: ws.ws10000.files.length, filesLinted, cli2Files, exit: { cli: j.status, cli2: m.status }, cli: summary(t.cli), cli2: summary(t.cli2), rssKb: { cli: median(rss.cli), cli2: median(rss.cli2) } };
  log(`  cli ${ms(results.cli.cli.median)} (${filesLinted} files), markdownlint-cli2 ${ms(results.cli.cli2.median)} (${cli2Files} files)`);
}

// ------------------------------------------------------------------ 3. language server
if (want('lsp')) {
  const serverJs = path.join(ROOT, 'dist/server.js');
  results.lsp = {};
  try {
    log('language server: cold start');
    const small = [];
    for (let i = 0; i < (QUICK ? 2 : 3); i++) small.push(await coldStart({ serverJs, root: ws.lsp2000.dir, runbook: ws.lsp2000.runbook, today: TODAY }));
    const big = [];
    for (let i = 0; i < (QUICK ? 1 : 2); i++) big.push(await coldStart({ serverJs, root: ws.ws1000.dir, runbook: path.join(ws.ws1000.dir, 'services/checkout-api/RUNBOOK.md'), today: TODAY }));
    results.lsp.cold = { small: summary(small.map((x) => x.firstDiagnosticsMs)), smallInit: summary(small.map((x) => x.initializeMs)), ws1000: summary(big.map((x) => x.firstDiagnosticsMs)) };
    log(`  cold start ${ms(results.lsp.cold.small.median)} (2,000-line runbook + 5 receipts), ${ms(results.lsp.cold.ws1000.median)} (1,000 receipts)`);

    results.lsp.edits = {};
    for (const t of EDIT_TARGETS) {
      const edits = QUICK ? 40 : t.big ? 100 : 200;
      log(`language server: ${edits} edits, ${t.label}, 500 receipts (stops after ${t.big ? 40 : 60} s)`);
      const r = await editLatency({ serverJs, root: ws[t.id].dir, runbook: ws[t.id].runbook, today: TODAY, edits, maxMs: flag('--full') ? Infinity : t.big ? 40000 : 60000, minEdits: 20 });
      results.lsp.edits[t.id] = { lines: ws[t.id].lines, ...summary(r.latencies), p50: median(r.latencies), p95: percentile(r.latencies, 95), runs: undefined };
      log(`  p50 ${ms(median(r.latencies))}, p95 ${ms(percentile(r.latencies, 95))} over ${r.latencies.length} edits`);
    }
    {
      const edits = QUICK ? 60 : 300;
      log(`language server: ${edits} budget edits, 2,000-line runbook with 5,000 receipts`);
      const r = await editLatency({ serverJs, root: ws.budget5000.dir, runbook: ws.budget5000.runbook, today: TODAY, edits, minEdits: edits, mode: 'budget' });
      results.lsp.budget5000 = { ...summary(r.latencies), p50: median(r.latencies), p95: percentile(r.latencies, 95), runs: undefined, rssKb: r.rssKb, hwmKb: r.hwmKb };
      log(`  p50 ${ms(median(r.latencies))}, p95 ${ms(percentile(r.latencies, 95))}; VmRSS after ${bytes(r.rssKb * 1024)}`);
    }
    log('language server: a runbook opened while the 5,000-receipt workspace is indexed');
    results.lsp.openWhileIndexing = await openWhileIndexing({ serverJs, root: ws.ws5000.dir, runbook: path.join(ws.ws5000.dir, 'services/checkout-api/RUNBOOK.md'), today: TODAY });
    log(`  first diagnostics ${ms(results.lsp.openWhileIndexing.firstDiagnosticsMs)} after didOpen; indexed in ${ms(results.lsp.openWhileIndexing.indexedMs)}`);

  } catch (e) {
    results.lsp.error = String(e.message ?? e).slice(0, 500);
    log(`  language server: ${results.lsp.error}`);
  }
}

// ------------------------------------------------------------------ 4. sizes
if (want('size')) {
  log('bundle sizes and VSIX');
  const dist = path.join(ROOT, 'dist');
  results.sizes = {};
  for (const f of fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith('.js')).sort() : []) {
    const buf = fs.readFileSync(path.join(dist, f));
    results.sizes[f] = { bytes: buf.length, gzip: zlib.gzipSync(buf).length };
  }
  const vsix = path.join(WORK, 'x.vsix');
  fs.rmSync(vsix, { force: true });
  const v = run('npx', ['--no-install', '@vscode/vsce', 'package', '--no-dependencies', '-o', vsix], { cwd: ROOT, timeoutMs: 180000 });
  if (v.status === 0 && fs.existsSync(vsix)) {
    const list = run('npx', ['--no-install', '@vscode/vsce', 'ls', '--no-dependencies'], { cwd: ROOT, timeoutMs: 120000 });
    results.vsix = { bytes: fs.statSync(vsix).size, files: list.status === 0 ? list.stdout.trim().split('\n').length : undefined };
  } else {
    const why = (v.stdout + v.stderr).split('\n').find((l) => /ERROR|error/.test(l)) ?? `exit ${v.status}`;
    results.vsix = { pending: why.trim().slice(0, 300) };
  }
  log(`  vsix: ${results.vsix.bytes ? bytes(results.vsix.bytes) : 'pending: ' + results.vsix.pending}`);
}

// ------------------------------------------------------------------ 5. hostile workspaces (issue 16)
if (want('hostile')) {
  log('Hostile workspaces: the worst bounded glob; 20,000 receipts indexed, then deleted in one notification');
  const { globWorstCase, indexThenDeleteAll } = await import('./hostile.mjs');
  results.hostile = { glob: globWorstCase(), deletion: await indexThenDeleteAll({ serverJs: path.join(ROOT, 'dist', 'server.js'), dir: path.join(DATA, 'hostile20000'), receipts: 20000, today: TODAY }) };
}

results.loadAfter = fs.readFileSync('/proc/loadavg', 'utf8').trim();
results.totalSeconds = (performance.now() - started) / 1000;
fs.writeFileSync(path.join(WORK, 'results.json'), JSON.stringify(results, null, 2));
const md = report(results);
if (!flag('--no-write') && !only && !QUICK) fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), md);
else fs.writeFileSync(path.join(WORK, 'BENCHMARKS.partial.md'), md);
process.stdout.write(md.split('## Details')[0]);
if (results.profile) process.stdout.write('\nHottest functions (self time):\n' + results.profile.map((p) => `  ${p.selfMs.toFixed(0).padStart(7)} ms  ${p.pct.toFixed(1).padStart(5)}%  ${p.name}  ${p.where}`).join('\n') + '\n');
log(`done in ${results.totalSeconds.toFixed(0)} s; results in bench/.work/results.json`);

// ------------------------------------------------------------------ helpers

function run(cmd, argv, { cwd, check = false, timeoutMs = 600000, inheritStderr = false } = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: timeoutMs, stdio: ['ignore', 'pipe', inheritStderr ? 'inherit' : 'pipe'] });
  const out = { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: performance.now() - t0 };
  if (check && r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status ?? r.signal}): ${out.stderr.slice(-2000)}`);
  return out;
}

function machine() {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/m.exec(cpu)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return { cpu: model, cores: os.cpus().length, memGb: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

function report(r) {
  const rows = [];
  const row = (what, value, target, ok) => rows.push(`| ${what} | ${value} | ${target} | ${ok === undefined ? 'pending' : ok ? 'met' : '**missed**'} |`);
  const e = r.engine;
  if (e) {
    for (const id of ['rb200', 'rb2000', 'rb20000']) {
      const w = e[id];
      if (!w) continue;
      const n = id.slice(2);
      const x = w.engine.median / w.markdownlint.median;
      row(`Engine vs markdownlint, ${Number(n).toLocaleString('en')}-line runbook`, `${ms(w.engine.median)} vs ${ms(w.markdownlint.median)} = ${ratio(x)}`, '≤ 1.0×', x <= 1.0);
    }
    for (const id of ['rb200', 'rb2000', 'rb20000']) {
      const w = e[id];
      if (!w) continue;
      const n = id.slice(2);
      const x = w.engine.median / w.remark.median;
      row(`Engine vs parse floor (remark + gfm + frontmatter), ${Number(n).toLocaleString('en')} lines`, `${ms(w.engine.median)} vs ${ms(w.remark.median)} = ${ratio(x)}`, '≤ 2.0×', x <= 2.0);
    }
    if (e.corpus) {
      const x = e.corpus.engine.median / e.corpus.markdownlint.median;
      row(`Engine vs markdownlint, real corpus (${e.corpus.files} files)`, `${ms(e.corpus.engine.median)} vs ${ms(e.corpus.markdownlint.median)} = ${ratio(x)}`, '≤ 1.0×', x <= 1.0);
      const y = e.corpus.engine.median / e.corpus.remark.median;
      row(`Engine vs parse floor, real corpus`, `${ratio(y)}`, '≤ 2.0×', y <= 2.0);
    }
  }
  if (r.cli) {
    const x = r.cli.cli.median / r.cli.cli2.median;
    row(`CLI vs markdownlint-cli2, ${r.cli.files.toLocaleString('en')} files (10 runbooks + 10,000 receipts), time`, `${ms(r.cli.cli.median)} vs ${ms(r.cli.cli2.median)} = ${ratio(x)}`, '≤ 0.5×', x <= 0.5);
    const y = r.cli.rssKb.cli / r.cli.rssKb.cli2;
    row('CLI vs markdownlint-cli2, the same run, peak RSS', `${bytes(r.cli.rssKb.cli * 1024)} vs ${bytes(r.cli.rssKb.cli2 * 1024)} = ${ratio(y)}`, '≤ 1.0×', y <= 1.0);
  }
  const l = r.lsp ?? {};
  if (r.lsp && (l.error || !l.edits)) {
    row('Language server', `pending: ${l.error ?? 'not run'}`, '', undefined);
  } else if (r.lsp) {
    for (const [id, x] of Object.entries(l.edits)) {
      const big = x.lines > 10000;
      row(`Edit → diagnostics p95, ${r.workloads.editTargets[id].label}, 500 receipts`, `p50 ${ms(x.p50)}, p95 ${ms(x.p95)} (${x.n} edits)`, big ? '≤ 60 ms' : '≤ 30 ms', x.p95 <= (big ? 60 : 30));
    }
    if (l.edits.gen2000 && l.edits.gen20000) {
      const slope = (l.edits.gen20000.p50 - l.edits.gen2000.p50) / ((l.edits.gen20000.lines - l.edits.gen2000.lines) / 1000);
      row('Edit → diagnostics slope, generated 2,000 → 20,000 lines (p50)', `${slope.toFixed(2)} ms per 1,000 lines (${ratio(l.edits.gen20000.p50 / l.edits.gen2000.p50)} for 10× the text)`, 'sub-linear: ≤ 1.67 ms per 1,000 lines (60 ms at 20,000 from 30 at 2,000)', slope <= 30 / 18);
    }
    if (l.budget5000) row('Budget edit, 2,000-line runbook with 5,000 receipts, p95', `p50 ${ms(l.budget5000.p50)}, p95 ${ms(l.budget5000.p95)} (${l.budget5000.n} edits)`, '≤ 50 ms', l.budget5000.p95 <= 50);
    const o = l.openWhileIndexing;
    if (o) {
      row('First diagnostics of a runbook opened while 5,000 receipts are indexed (from didOpen)', ms(o.firstDiagnosticsMs), '≤ 300 ms', o.firstDiagnosticsMs <= 300);
      row('Indexing 5,000 receipts (initialize → index ended, every file published)', ms(o.indexedMs), '≤ 3 s', o.indexedMs <= 3000);
      row('Server RSS after indexing 5,000 receipts', `${bytes(o.rssKb * 1024)} (peak ${bytes(o.hwmKb * 1024)})`, '≤ 150 MB', o.rssKb * 1024 <= 150 * 1024 * 1024);
    }
    if (l.budget5000) row(`Server RSS after ${l.budget5000.n} edits beside 5,000 receipts (steady state)`, `${bytes(l.budget5000.rssKb * 1024)} (peak ${bytes(l.budget5000.hwmKb * 1024)})`, '≤ 150 MB', l.budget5000.rssKb * 1024 <= 150 * 1024 * 1024);
  }
  if (r.hostile) {
    const g = r.hostile.glob;
    row('Worst glob within the bounds (3 wildcards, 2 "**") against an adversarial path', `${ms(g.ms)} (${g.glob}, ${g.shape})`, '≤ 10 ms per path', g.ms <= 10);
    const d = r.hostile.deletion;
    row(`Indexing ${d.receipts.toLocaleString('en')} receipts in one folder (initialize → index ended)`, ms(d.indexedMs), '≤ 12 s (linear: 4× the 3 s for 5,000)', d.indexedMs <= 12000);
    row(`Deleting ${d.receipts.toLocaleString('en')} receipts in one didChangeWatchedFiles: a request answered meanwhile`, ms(d.answeredMs), '≤ 1 s', d.answeredMs <= 1000);
    row(`Deleting ${d.receipts.toLocaleString('en')} receipts: every diagnostic cleared`, ms(d.settledMs), '≤ 12 s (linear: as indexing them)', d.settledMs <= 12000);
  }
  if (r.vsix) row('VSIX size (vsce package --no-dependencies)', r.vsix.bytes ? `${bytes(r.vsix.bytes)}${r.vsix.files ? ` (${r.vsix.files} files)` : ''}` : `pending: ${r.vsix.pending}`, '≤ 1.5 MB', r.vsix.bytes ? r.vsix.bytes <= 1.5 * 1024 * 1024 : undefined);

  const m = r.machine;
  const out = [];
  out.push('# Benchmarks', '', '<!-- Generated by `npm run bench` (bench/run.mjs). Do not edit by hand: rerun it. -->', '');
  out.push(`- Date: ${r.date.slice(0, 16).replace('T', ' ')} UTC`);
  out.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.memGb} GB RAM, ${m.platform}; Node ${m.node}`);
  out.push(`- Load average (1/5/15 min) before: ${r.loadBefore.split(' ').slice(0, 3).join(' ')}; after: ${r.loadAfter.split(' ').slice(0, 3).join(' ')}${Number(r.loadBefore.split(' ')[0]) > m.cores * 0.5 ? ' — **the machine was busy: absolute times are inflated; ratios of interleaved runs hold better**' : ''}`);
  out.push(`- Harness run time: ${r.totalSeconds.toFixed(0)} s`, '');
  out.push('## Targets', '', 'Medians of several runs; ratios are median / median.', '', '| Measure | Result | Target | Status |', '|---|---|---|---|', ...rows, '');
  out.push('## Details', '');
  const wl = r.workloads;
  out.push('### Workloads', '', 'Generated by bench/gen.mjs from a fixed-seed PRNG (mulberry32), so every run lints the same bytes:', '');
  for (const n of SIZES) out.push(`- runbook-${n}.md: ${wl.runbooks[n].lines.toLocaleString('en')} lines, ${bytes(wl.runbooks[n].bytes)}, ${wl.runbooks[n].triggers} triggers (table, bullet, checkbox and bold-label lists), census rows, procedure steps with prose, lists, fenced commands and tables`);
  out.push(`- ws1000: 10 services, each a 300-line RUNBOOK.md and library/raw/rollback-rehearsals/NNN.md receipts with front matter; ${wl.ws1000.files} files, ${bytes(wl.ws1000.bytes)}`);
  out.push(`- ws5000: the same shape with 5,000 receipts; ${wl.ws5000.files} files, ${bytes(wl.ws5000.bytes)}`);
  out.push(`- ws10000: the same shape with 10,000 receipts; ${wl.ws10000.files} files, ${bytes(wl.ws10000.bytes)}`);
  out.push('- edit targets, each a RUNBOOK.md with 500 receipts beside it: ' + Object.values(wl.editTargets).map((t) => `${t.label} (${t.lines.toLocaleString('en')} lines)`).join('; ') + '; and the 2,000-line runbook with 5,000 receipts for the budget edit');
  out.push(`- corpus: the ${wl.corpus.files} real runbooks in ${wl.corpus.dir}, each linted as a runbook`);
  out.push('- hostile (bench/hostile.mjs, issue 16): one runbook with 20,000 receipts in one folder, indexed, then all deleted in one didChangeWatchedFiles (a documentSymbol sent right after; "cleared" is the last publishDiagnostics); and the globs at the bounds of server/src/model/globs.ts shaped to backtrack, against four 255-character names, 1,500 folders deep and 700 folders "ab" deep', '');
  if (e) {
    out.push('### 1. Engine vs markdownlint vs parse floor (one process, runs interleaved)', '');
    out.push('Engine: `new Project()`, `set`, `lint` (a fresh Project per run). markdownlint 0.38, default rules, `markdownlint/sync`. micromark: events only (preprocess/parse/postprocess) with the gfm and frontmatter extensions. remark: `unified().use(remarkParse)` plain, and with remark-gfm + remark-frontmatter as the engine configures it (the floor used for the target).', '');
    out.push('| Workload | Runs | Engine | markdownlint | micromark | remark (plain) | remark + gfm + fm | Engine / markdownlint | Engine / remark+gfm | Findings (engine / markdownlint) |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const [id, w] of Object.entries(e)) {
      const c = (k) => (w[k] ? ms(w[k].median) : '—');
      out.push(`| ${id} (${w.files} file${w.files > 1 ? 's' : ''}, ${w.lines.toLocaleString('en')} lines, ${bytes(w.bytes)}) | ${w.engine.n} | ${c('engine')} | ${c('markdownlint')} | ${c('micromark')} | ${c('remarkPlain')} | ${c('remark')} | ${ratio(w.engine.median / w.markdownlint.median)} | ${ratio(w.engine.median / w.remark.median)} | ${w.outputs.engine} / ${w.outputs.markdownlint} |`);
    }
    if (e.rb2000 && e.rb20000) out.push('', `Scaling 2,000 → 20,000 lines (10× the text): engine ${ratio(e.rb20000.engine.median / e.rb2000.engine.median)}, markdownlint ${ratio(e.rb20000.markdownlint.median / e.rb2000.markdownlint.median)}, remark + gfm ${ratio(e.rb20000.remark.median / e.rb2000.remark.median)}.`);
    out.push('');
  }
  if (r.cli) {
    out.push('### 2. CLI vs markdownlint-cli2 (whole process, wall time)', '');
    out.push(`\`node dist/cli.js . --today ${TODAY}\` vs \`markdownlint-cli2 "**/*.md"\` on ws10000, both from the workspace folder, output captured and discarded; ${r.cli.cli.n} runs each, alternating which goes first, after one warm-up run of each; peak RSS from \`process.resourceUsage().maxRSS\` at exit (a preload in both). Files seen: runbook-lint ${r.cli.filesLinted}, markdownlint-cli2 ${r.cli.cli2Files} (of ${r.cli.files}).`, '');
    out.push('| Tool | Median | Min | Max |', '|---|---|---|---|');
    out.push(`| runbook-lint | ${ms(r.cli.cli.median)} | ${ms(r.cli.cli.min)} | ${ms(r.cli.cli.max)} |`);
    out.push(`| markdownlint-cli2 0.18.1 | ${ms(r.cli.cli2.median)} | ${ms(r.cli.cli2.min)} | ${ms(r.cli.cli2.max)} |`, '');
  }
  if (r.lsp) {
    out.push('### 3. Language server (`node dist/server.js --stdio`, debounce 0)', '');
    if (l.error) out.push(`Pending: ${l.error}`, '');
    if (l.cold) out.push(`- Cold start (spawn → initialize → didOpen → first publishDiagnostics of the runbook): ${ms(l.cold.small.median)} with the 2,000-line runbook and 5 receipts (initialize answered at ${ms(l.cold.smallInit.median)}); ${ms(l.cold.ws1000.median)} in the 1,000-receipt workspace (includes indexing it).`);
    for (const [id, x] of Object.entries(l.edits ?? {})) out.push(`- Edit → publishDiagnostics, ${r.workloads.editTargets[id].label} (${x.lines.toLocaleString('en')} lines), 500 receipts, after the index ended: ${x.n} edits one at a time (typing in prose, deleting, changing a budget cell and back; incremental sync), p50 ${ms(x.p50)}, p95 ${ms(x.p95)}, min ${ms(x.min)}, max ${ms(x.max)}.`);
    if (l.budget5000) out.push(`- Budget edit (a budget cell changed and back) in the 2,000-line runbook with 5,000 receipts: ${l.budget5000.n} edits, p50 ${ms(l.budget5000.p50)}, p95 ${ms(l.budget5000.p95)}, max ${ms(l.budget5000.max)}; VmRSS after them ${bytes(l.budget5000.rssKb * 1024)}.`);
    if (l.openWhileIndexing) out.push(`- 5,000-receipt workspace, a runbook opened right after \`initialized\`: its first diagnostics ${ms(l.openWhileIndexing.firstDiagnosticsMs)} after didOpen; the index (read in slices of 15 ms, then every file published) ended ${ms(l.openWhileIndexing.indexedMs)} after spawn (\`$/progress\` end); VmRSS then ${bytes(l.openWhileIndexing.rssKb * 1024)}, VmHWM ${bytes(l.openWhileIndexing.hwmKb * 1024)}; ${l.openWhileIndexing.published} publishDiagnostics.`);
    out.push('');
  }
  if (r.sizes) {
    out.push('### 4. Sizes', '', '| File | Size | gzip |', '|---|---|---|');
    for (const [f, s] of Object.entries(r.sizes)) out.push(`| dist/${f} | ${bytes(s.bytes)} | ${bytes(s.gzip)} |`);
    out.push(`| VSIX | ${r.vsix.bytes ? bytes(r.vsix.bytes) : 'pending: ' + r.vsix.pending} | |`, '');
  }
  out.push('## How to reproduce', '');
  out.push('```sh', 'npm run bench              # node bench/run.mjs: build, generate, measure, rewrite BENCHMARKS.md (< 5 min on 2 cores)', 'node bench/run.mjs --quick  # fewer runs; writes bench/.work/BENCHMARKS.partial.md instead', 'node bench/run.mjs --only engine --profile   # CPU profiles in bench/.work/prof/, hottest functions printed', 'node bench/run.mjs --full   # no time caps: 200 edits on both runbooks however long they take', '```', '');
  out.push('The engine bundle (bench/engine-entry.ts, esbuild, unminified), results.json with every run and the CPU profiles go to bench/.work/ (gitignored). The generated workloads go to $TMPDIR/runbook-lint-bench/ (or $RUNBOOK_LINT_BENCH_DATA), outside the repository: the CLI and the server read every runbook and receipt under their root for cross-file context, so thousands of generated receipts inside the repo would slow down everyone\'s lint runs.', '');
  out.push('Timings on a shared machine are noisy; the harness warms up, interleaves contenders run by run and reports medians. Compare ratios across machines, not absolute times.', '');
  return out.join('\n');
}
