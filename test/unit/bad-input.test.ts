// Issue 6, part 3 and 4: bad input has a clear outcome (a finding or a clear error, fast,
// never a crash or a hang), and the CLI never loses or half-writes a file.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { Project } from '../../server/src/engine/project';
import { defaultConfig } from '../../server/src/engine/config';
import { LineIndex } from '../../server/src/model/text';
import { tooLargeToLint } from '../../server/src/model/limits';
import type { Finding } from '../../server/src/model/types';
import { CLI, REPO, copyFixture, runCli } from '../helpers/cli';

const TODAY = '2026-06-01';
const RUNBOOK = '/w/RUNBOOK.md';
const RECEIPT = '/w/library/raw/rollback-rehearsals/001.md';
const TRIGGERS = '# R\n\n## Rollback triggers\n\n| Trigger | How observed | Timer budget |\n|---|---|---|\n| Smoke test fails | pipeline | 5 min |\n';
/** Hang guard for one small document; a generous multiple of the real cost (a few ms). */
const FAST_MS = 1000;

function lintAs(text: string, kind: 'runbook' | 'receipt'): { findings: Finding[]; ms: number } {
  const config = defaultConfig('/w');
  const p = new Project({ today: () => TODAY, configFor: () => config, log: () => undefined });
  if (kind === 'receipt') p.set(RUNBOOK, TRIGGERS, 'runbook');
  p.set(kind === 'runbook' ? RUNBOOK : RECEIPT, text, kind);
  const t0 = performance.now();
  const findings = p.lint(kind === 'runbook' ? RUNBOOK : RECEIPT);
  const ms = performance.now() - t0;
  for (const f of findings) {
    assert.doesNotMatch(f.message, /could not check this file/, `${f.ruleId} threw`);
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId} span inside`);
  }
  return { findings, ms };
}
const ids = (fs: Finding[]) => fs.map((f) => f.ruleId);

test('an empty file: the runbook rules say what is missing, the receipt asks for front matter', () => {
  assert.ok(ids(lintAs('', 'runbook').findings).includes('RB001'));
  assert.ok(ids(lintAs('', 'receipt').findings).includes('RR002'));
});

test('a file that is only front matter', () => {
  const rc = lintAs('---\nrehearsal: 1\n---\n', 'receipt').findings;
  assert.ok(rc.some((f) => f.ruleId === 'RR001' && /missing "date"/.test(f.message)), ids(rc).join());
  assert.ok(ids(rc).includes('RR009'));
  assert.ok(ids(lintAs('---\nservice: x\n---', 'runbook').findings).includes('RB001'));
});

test('NUL bytes and binary content are read as text, not a crash', () => {
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('utf8');
  for (const t of ['\0\0\0# R\0\n\0', binary, '\0'.repeat(10000)]) {
    for (const kind of ['runbook', 'receipt'] as const) assert.ok(lintAs(t, kind).ms < FAST_MS);
  }
});

test('a BOM, CRLF and mixed line endings keep every range exact', () => {
  const base = TRIGGERS.replace('5 min', '40 min');
  for (const [label, t] of [['BOM', '\uFEFF' + base], ['CRLF', base.replace(/\n/g, '\r\n')], ['mixed', base.replace(/\n/g, (_, i: number) => (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r'))], ['BOM+CRLF', '\uFEFF' + base.replace(/\n/g, '\r\n')]] as const) {
    const rb005 = lintAs(t, 'runbook').findings.find((f) => f.ruleId === 'RB005');
    assert.ok(rb005, label);
    assert.equal(t.slice(rb005.span.start, rb005.span.end), '40 min', label);
  }
});

test('malformed YAML front matter is a finding on the bad line, not a crash', () => {
  const cases: [string, string, RegExp][] = [
    ['unclosed quote', '---\nrehearsal: 1\ntrigger: "Smoke test fails\ndate: 2026-05-03\n---\n## Commands run\n', /not valid YAML.*(quote|closing)/i],
    ['tab indentation', '---\nrehearsal: 1\n\ttrigger: Smoke test fails\n---\n', /not valid YAML.*tab/i],
    ['duplicate keys', '---\nrehearsal: 1\nrehearsal: 2\n---\n', /not valid YAML.*unique/i],
    ['unclosed flow', '---\nrehearsal: [1, 2\n---\n', /not valid YAML/i],
  ];
  for (const [label, text, message] of cases) {
    const { findings, ms } = lintAs(text, 'receipt');
    const f = findings.find((x) => x.ruleId === 'RR001' && message.test(x.message));
    assert.ok(f, `${label}: ${findings.map((x) => x.message).join(' / ')}`);
    assert.ok(new LineIndex(text).position(f.span.start).line >= 1, `${label}: points into the front matter, not at line 1`);
    assert.ok(ms < FAST_MS, label);
  }
});

test('a YAML alias bomb ("billion laughs") is refused fast, as a finding', () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + prev).join(',')}]`);
  }
  const { findings, ms } = lintAs(`---\n${levels.join('\n')}\n---\n## Commands run\n`, 'receipt');
  assert.ok(findings.some((f) => f.ruleId === 'RR001' && /alias|resource/i.test(f.message)), findings.map((f) => f.message).join(' / '));
  assert.ok(ms < FAST_MS, `${ms} ms`);
});

test('10,000 nested list and blockquote levels: no stack overflow, no hang', () => {
  for (const [label, t] of [
    ['blockquote', '>'.repeat(10000) + ' x\n'],
    ['list on one line', '- '.repeat(10000) + 'x\n'],
    ['ordered list on one line', '1. '.repeat(10000) + 'x\n'],
    ['blockquote lines', Array.from({ length: 200 }, (_, i) => '>'.repeat(i * 50) + ' x').join('\n')],
    ['indented list', Array.from({ length: 200 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n')],
  ] as const) {
    for (const kind of ['runbook', 'receipt'] as const) {
      const { findings, ms } = lintAs(t, kind);
      assert.ok(findings.length > 0, `${label} as ${kind}: still linted`);
      assert.ok(ms < 5 * FAST_MS, `${label} as ${kind}: ${ms.toFixed(0)} ms`);
    }
  }
});

test('a table with more cells than its header, and rows with fewer', () => {
  const t = '# R\n\n## Rollback triggers\n\n| Trigger | How observed | Timer budget |\n|---|---|---|\n| Smoke test fails | pipeline | 40 min | extra | more |\n| Login broken |\n';
  const { findings } = lintAs(t, 'runbook');
  const rb005 = findings.find((f) => f.ruleId === 'RB005');
  assert.equal(rb005 && t.slice(rb005.span.start, rb005.span.end), '40 min');
  assert.ok(findings.some((f) => f.ruleId === 'RB003'), 'the short row has no budget');
});

test('an unclosed fence at the end of the file still counts as the rollback command', () => {
  const t = `${TRIGGERS}\n## Rollback\n\nPrimary: redeploy the previous tag through the pipeline.\n\n\`\`\`sh\ngh workflow run deploy.yml -f image_tag=v1.2.2\n`;
  assert.ok(!ids(lintAs(t, 'runbook').findings).includes('RB010'));
  assert.ok(lintAs('## Commands run\n```sh\nkubectl rollout undo', 'receipt').ms < FAST_MS);
});

test('raw HTML tables and HTML comments do not crash or become triggers by accident', () => {
  const t = '# R\n\n## Rollback triggers\n\n<table><tr><th>Trigger</th><th>Budget</th></tr><tr><td>5xx > 5%</td><td>5 min</td></tr></table>\n\n<!-- | a | b |\n|---|---| -->\n<details><summary>x</summary>\n\n- not closed\n';
  for (const kind of ['runbook', 'receipt'] as const) assert.ok(lintAs(t, kind).ms < FAST_MS);
});

test('non-Latin trigger text (Japanese, Arabic, emoji) keeps exact ranges', () => {
  const t = '# ランブック 🚨\n\n## Rollback triggers\n\n| Trigger | How observed | Timer budget |\n|---|---|---|\n| エラー率が5%を超える 😀 | ダッシュボード | 40 min |\n| معدل الخطأ > 5% لمدة 2 دقيقة | لوحة المراقبة | 5 min |\n| 🔥🔥🔥 | 👀 | 5 min |\n';
  const { findings } = lintAs(t, 'runbook');
  const rb005 = findings.find((f) => f.ruleId === 'RB005');
  assert.equal(rb005 && t.slice(rb005.span.start, rb005.span.end), '40 min');
  const receipt = '---\nrehearsal: 1\ntrigger: エラー率が5%を超える 😀\n---\n## Commands run\n';
  assert.ok(lintAs(receipt, 'receipt').ms < FAST_MS);
});

// ---------------------------------------------------------------------------------------
// Through the CLI: bytes on disk, huge files, broken workspace entries.

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bad-'));
  fs.writeFileSync(path.join(dir, 'RUNBOOK.md'), TRIGGERS);
  return dir;
}

test('CLI: invalid UTF-8 bytes on disk are read (U+FFFD), linted, and ranges stay on the right line', () => {
  const dir = workspace();
  const bytes = Buffer.concat([Buffer.from('# R \xff\xfe\n\n## Rollback triggers\n\n| Trigger | How observed | Timer budget |\n|---|---|---|\n| Smoke \xc3\x28 fails | pipeline | 40 min |\n', 'latin1')]);
  fs.writeFileSync(path.join(dir, 'RUNBOOK.md'), bytes);
  const r = runCli(['--format', 'json', '--today', TODAY, 'RUNBOOK.md'], dir);
  assert.equal(r.code, 1, r.stderr);
  const rb005 = JSON.parse(r.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'RB005');
  const line7 = bytes.toString('utf8').split('\n')[6];
  assert.ok(line7.includes('\uFFFD'), 'invalid bytes become U+FFFD');
  assert.deepEqual([rb005.line, rb005.column], [7, line7.indexOf('40 min') + 1]);
});

test('CLI: a 10 MB file is a clear I/O error (exit 2) within seconds, and the rest is still linted', () => {
  const dir = workspace();
  fs.mkdirSync(path.join(dir, 'big'));
  fs.writeFileSync(path.join(dir, 'big', 'RUNBOOK.md'), 'The rollback takes five minutes. '.repeat(320_000));
  const t0 = Date.now();
  const r = runCli(['--format', 'json', '--today', TODAY, '.'], dir);
  assert.ok(Date.now() - t0 < 30_000, 'no hang');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /big\/RUNBOOK\.md: cannot read: the file is 10\.\d MB; runbook-lint reads files of up to 2 MB/);
  assert.equal(JSON.parse(r.stdout).filesLinted, 1);
});

test('CLI: a dangling symlink, a symlink loop and a folder named like a receipt are reported (exit 2), the rest is linted', () => {
  // We run as root in CI containers, where chmod 000 does not stop a read: these three are
  // the unreadable workspace entries that root cannot read either.
  const dir = workspace();
  const rr = path.join(dir, 'library', 'raw', 'rollback-rehearsals');
  fs.mkdirSync(path.join(rr, '001.md'), { recursive: true });
  fs.writeFileSync(path.join(rr, '002.md'), '---\nrehearsal: 2\n---\n');
  fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(rr, '003.md'));
  fs.symlinkSync(path.join(rr, '005.md'), path.join(rr, '004.md'));
  fs.symlinkSync(path.join(rr, '004.md'), path.join(rr, '005.md'));
  fs.symlinkSync(dir, path.join(dir, 'loop'));
  const r = runCli(['--format', 'json', '--today', TODAY, '.'], dir);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /003\.md: broken or looping symlink: ENOENT/);
  assert.match(r.stderr, /004\.md: broken or looping symlink: ELOOP/);
  const out = JSON.parse(r.stdout);
  const files = new Set(out.findings.map((f: { file: string }) => f.file));
  assert.ok(files.has('RUNBOOK.md') && files.has('library/raw/rollback-rehearsals/002.md'), [...files].join());
  // A folder named 001.md is a folder: walked (nothing in it), never read as a file.
  assert.ok(![...files].some((f) => /001\.md$/.test(String(f))));
  const named = runCli(['--format', 'json', '--today', TODAY, 'library/raw/rollback-rehearsals/001.md'], dir);
  assert.equal(named.code, 0, named.stderr);
  assert.equal(JSON.parse(named.stdout).filesLinted, 0);
});

/**
 * Runs the CLI as a user that permissions apply to: itself when not root; as root (CI
 * containers), as nobody through setpriv, from a world-readable copy of the bundle.
 * Undefined when neither is possible here.
 */
function runUnprivileged(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } | undefined {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) return runCli(args, cwd);
  const bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-cli-')), 'cli.js');
  fs.chmodSync(path.dirname(bundle), 0o755);
  fs.copyFileSync(CLI, bundle);
  fs.chmodSync(bundle, 0o644);
  const as = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath];
  const probe = spawnSync('setpriv', [...as, '-e', '0'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  const r = spawnSync('setpriv', [...as, bundle, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('CLI: an unreadable file and an unreadable folder are reported (exit 2), the rest is linted', (t) => {
  const dir = workspace();
  const rr = path.join(dir, 'library', 'raw', 'rollback-rehearsals');
  fs.mkdirSync(rr, { recursive: true });
  fs.writeFileSync(path.join(rr, '001.md'), '---\nrehearsal: 1\n---\n');
  fs.writeFileSync(path.join(rr, '002.md'), '---\nrehearsal: 2\n---\n');
  fs.mkdirSync(path.join(dir, 'secret'));
  fs.writeFileSync(path.join(dir, 'secret', 'RUNBOOK.md'), '# hidden\n');
  for (const d of [dir, path.join(dir, 'library'), path.join(dir, 'library', 'raw'), rr]) fs.chmodSync(d, 0o755);
  for (const f of [path.join(dir, 'RUNBOOK.md'), path.join(rr, '002.md')]) fs.chmodSync(f, 0o644);
  fs.chmodSync(path.join(rr, '001.md'), 0o000);
  fs.chmodSync(path.join(dir, 'secret'), 0o000);
  try {
    const r = runUnprivileged(['--format', 'json', '--today', TODAY, '.'], dir);
    if (!r) return t.skip('no way to drop root here (setpriv)');
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /secret: cannot read folder: EACCES/);
    assert.match(r.stderr, /001\.md: cannot read: EACCES/);
    const files = new Set(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file));
    assert.ok(files.has('RUNBOOK.md') && files.has('library/raw/rollback-rehearsals/002.md'), [...files].join());
  } finally {
    fs.chmodSync(path.join(dir, 'secret'), 0o755);
    fs.chmodSync(path.join(rr, '001.md'), 0o644);
  }
});

// ---------------------------------------------------------------------------------------
// Data safety.

function spawnCli(args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out }));
  });
}

function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(p, fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

test('20 rounds of two new-receipt processes at once: distinct numbers, no existing file changed', async () => {
  const dir = copyFixture(path.join(REPO, 'test', 'fixtures', 'cli', 'clean'));
  const folder = path.join(dir, 'library', 'raw', 'rollback-rehearsals');
  const seen = new Set<string>();
  for (let round = 0; round < 20; round++) {
    const before = snapshot(dir);
    const [a, b] = await Promise.all([spawnCli(['new-receipt', '--today', TODAY], dir), spawnCli(['new-receipt', '--today', TODAY], dir)]);
    assert.equal(a.code, 0, a.out);
    assert.equal(b.code, 0, b.out);
    const made = [a.out.trim(), b.out.trim()];
    assert.notEqual(made[0], made[1], `round ${round}`);
    for (const m of made) {
      assert.ok(!seen.has(m), `${m} handed out twice`);
      seen.add(m);
    }
    for (const [f, bytes] of before) assert.ok(fs.readFileSync(f).equals(bytes), `round ${round} changed ${f}`);
  }
  const names = fs.readdirSync(folder).sort();
  assert.equal(names.length, 41);
  assert.deepEqual(names, Array.from({ length: 41 }, (_, i) => `${String(i + 1).padStart(3, '0')}.md`));
});

test('--fix: atomic write, untouched files byte-identical with the same mtime, twice equals once', () => {
  const dir = copyFixture(path.join(REPO, 'examples'));
  const all = [...snapshot(dir).keys()];
  const stat = new Map(all.map((f) => [f, fs.statSync(f).mtimeMs]));
  const before = snapshot(dir);
  runCli(['--fix', '--today', TODAY, '.'], dir);
  const once = snapshot(dir);
  const changed = all.filter((f) => !once.get(f)!.equals(before.get(f)!));
  assert.ok(changed.length > 0, 'the examples have at least one fixable finding');
  for (const f of all.filter((x) => !changed.includes(x))) assert.equal(fs.statSync(f).mtimeMs, stat.get(f), `${f} was rewritten without a change`);
  assert.deepEqual([...once.keys()].sort(), all.sort(), 'no file created or left behind (no .tmp)');
  runCli(['--fix', '--today', TODAY, '.'], dir);
  const twice = snapshot(dir);
  for (const [f, bytes] of once) assert.ok(twice.get(f)!.equals(bytes), `second --fix changed ${f}`);
  // Atomic: the fixed file is a new inode (temp + rename), never truncated in place.
  const target = changed[0];
  const dir2 = copyFixture(path.join(REPO, 'examples'));
  const same = path.join(dir2, path.relative(dir, target));
  const ino = fs.statSync(same).ino;
  runCli(['--fix', '--today', TODAY, '.'], dir2);
  assert.notEqual(fs.statSync(same).ino, ino, 'written by rename over the old file');
});

// ---------------------------------------------------------------------------------------
// SECURITY.md: the product makes no network requests. The bundles are what ships, so the
// bundles are what is checked (run after `npm run build`, as `npm test` does).

const NETWORK = /require\("(?:node:)?(http|https|http2|net|tls|dgram|dns|child_process|vm|worker_threads)"\)|import\("(?:node:)?(?:http|https|http2|net|tls|dgram|dns)"\)|\bfetch\(|XMLHttpRequest|WebSocket\(/g;

function networkUses(file: string, span = 1500): { what: string; around: string }[] {
  const text = fs.readFileSync(path.join(REPO, file), 'utf8');
  return [...text.matchAll(NETWORK)].map((m) => ({ what: m[0], around: text.slice(Math.max(0, m.index! - span), m.index! + span) }));
}

// The one process the product starts of its own is `git` with a fixed argument list
// (engine/git.ts, SECURITY.md); `rehearse run` starts the argv the user typed, without a shell.
const GIT_READER = /core\.fsmonitor=false/;
const REHEARSE_RUN = /rehearse run needs the command to run/;

test('security: the CLI bundle imports no network module, and child_process only for git and rehearse run', () => {
  // A module's require sits at its top, its strings further on: look a module's length around.
  const uses = networkUses('dist/cli.js', 8000);
  assert.deepEqual([...new Set(uses.map((u) => u.what.replace('node:', '')))], uses.length ? ['require("child_process")'] : [], 'a network-capable import appeared in dist/cli.js');
  assert.ok(uses.length <= 2, `${uses.length} imports of child_process`);
  for (const u of uses) assert.ok(GIT_READER.test(u.around) || REHEARSE_RUN.test(u.around), `child_process used outside the git reader and rehearse run:\n${u.around.slice(7700, 8300)}`);
});

test('security: the server bundle has only the transports vscode-languageserver ships', () => {
  const uses = networkUses('dist/server.js');
  // vscode-jsonrpc/node: IPC, pipe and socket transports (net), used only when the client
  // starts the server with --pipe or --socket; vscode-languageserver/node Files helpers
  // (child_process, resolveGlobalNodePath), never called by runbook-lint.
  const expected = [
    { what: 'require("net")', from: /SocketMessageReader|PortMessageReader|IPCMessageReader/ },
    { what: 'require("child_process")', from: /resolveGlobalNodePath|resolveGlobalYarnPath/ },
    // engine/git.ts: `git rev-parse` and `git log` with fixed arguments, in a trusted workspace only.
    { what: 'require("child_process")', from: GIT_READER },
  ];
  const what = (u: { what: string }) => u.what.replace('node:', '');
  assert.deepEqual(uses.map(what).sort(), expected.map(what).sort(), 'a new network-capable import appeared in dist/server.js');
  for (const e of expected) assert.ok(uses.some((u) => what(u) === e.what && e.from.test(u.around)), `${e.what} comes from somewhere other than expected (${e.from})`);
});

test('security: engine, server and CLI sources import no network module', () => {
  const dirs = ['server/src', 'server/src/model', 'server/src/model/vocabulary', 'server/src/rules', 'server/src/rules/helpers', 'server/src/engine', 'server/src/lsp', 'server/src/cli', 'client/src'];
  const STARTS_A_PROCESS = new Map([
    ['server/src/engine/git.ts', "import { execFile } from 'node:child_process';"],
    ['server/src/cli/rehearse.ts', "import { spawn } from 'node:child_process';"],
  ]);
  for (const d of dirs) {
    if (!fs.existsSync(path.join(REPO, d))) continue;
    for (const f of fs.readdirSync(path.join(REPO, d)).filter((x) => x.endsWith('.ts'))) {
      let text = fs.readFileSync(path.join(REPO, d, f), 'utf8');
      // The git reader and rehearse run are the modules that start a process (SECURITY.md says which and how).
      const allowed = STARTS_A_PROCESS.get(`${d}/${f}`);
      if (allowed) text = text.replace(allowed, '');
      assert.doesNotMatch(text, /from\s+['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns|child_process|vm)['"]|require\(['"](?:node:)?(?:http|https|net|child_process|vm)['"]\)|\bfetch\(|\beval\(|new Function\(/, `${d}/${f}`);
    }
  }
});

test('security: the manifest declares untrusted workspaces supported, limited to no git', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, 'limited');
  assert.match(pkg.capabilities?.untrustedWorkspaces?.description, /git history is not read/);
});

test('--fix never drops bytes another process appends meanwhile (issue 12)', async () => {
  const dir = copyFixture(path.join(REPO, 'examples'));
  try {
    const receipt = path.join(dir, 'checkout-api', 'library', 'raw', 'rollback-rehearsals', '002.md');
    const lines = 400;
    // Another process appends a numbered line every millisecond or so while --fix runs again and again.
    const appender = spawn(process.execPath, ['-e', `const fs=require('fs');let i=0;const t=setInterval(()=>{fs.appendFileSync(${JSON.stringify(receipt)},'appended '+(i++)+'\\n');if(i>=${lines})clearInterval(t)},1)`]);
    const done = new Promise((r) => appender.on('exit', r));
    let runs = 0;
    let exited = false;
    void done.then(() => (exited = true));
    while (!exited || runs < 3) {
      // Put the fault back (total_minutes 9 -> 6) in place, one byte, so the next run has a fix to write.
      const at = Buffer.from(fs.readFileSync(receipt, 'utf8').split('total_minutes: ')[0]).length + 'total_minutes: '.length;
      const fd = fs.openSync(receipt, 'r+');
      fs.writeSync(fd, '6', at);
      fs.closeSync(fd);
      const r = spawnSync(process.execPath, [CLI, '--fix', '--no-git', '--today', TODAY, '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.ok(r.status === 1 || r.status === 2, r.stderr);
      if (r.status === 2) assert.match(r.stderr, /changed on disk while the fixes were applied/);
      runs++;
      if (runs > 50) break;
    }
    await done;
    const text = fs.readFileSync(receipt, 'utf8');
    for (let i = 0; i < lines; i++) assert.ok(text.includes(`appended ${i}\n`), `line ${i} of ${lines} lost after ${runs} --fix runs`);
    assert.match(text, /^total_minutes: 9$/m, 'the fix (RR005) was applied');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a runbook of 100,000 table rows gets a clear "too large" message, not gigabytes (issue 12)', async () => {
  const rows = ['# Runbook', '', '## Rollback triggers', '| Trigger | How observed | Timer budget |', '|---|---|---|'];
  for (let i = 0; i < 100_000; i++) rows.push(`| e${i} | d | 5m |`);
  const text = rows.join('\n') + '\n';
  assert.ok(text.length < 2 * 1024 * 1024, 'under the 2 MB file limit: the row limit is what refuses it');
  assert.match(tooLargeToLint(text) ?? '', /the file has 100,002 table rows; runbook-lint lints files of up to 5,000/);
  // The boundary, and what counts as a row (a line whose first non-blank character is a pipe).
  const table = (n: number, indent = '') => Array.from({ length: n }, (_, i) => `${indent}| r${i} |`).join('\n');
  assert.equal(tooLargeToLint(table(5_000)), undefined);
  assert.ok(tooLargeToLint(table(5_001, '  ')));
  assert.equal(tooLargeToLint(table(5_001).replace(/^\|/gm, 'x|')), undefined);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-rows-'));
  try {
    fs.writeFileSync(path.join(dir, 'RUNBOOK.md'), text);
    const r = runCli(['--no-git', 'RUNBOOK.md'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /RUNBOOK\.md: cannot read: the file has 100,002 table rows/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
