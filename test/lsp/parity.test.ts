// The server and the CLI give the same findings (rule, file, line, column) for the
// same workspace: both lint through the engine's Project.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestClient, REPO, SERVER, todayIso } from './lspClient';

const dirs: string[] = [];
let client: TestClient | undefined;
after(async () => {
  await client?.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test('server and CLI agree on the findings of the examples workspace', async () => {
  if (!fs.existsSync(SERVER)) execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO });
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-parity-')));
  dirs.push(dir);
  fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
  fs.cpSync(path.join(REPO, 'test', 'lsp', 'fixtures', 'basic'), path.join(dir, 'second'), { recursive: true });

  client = await TestClient.start({ folders: [dir] });
  // A request answers after indexing: every closed file's diagnostics are out by then.
  await client.request('workspace/executeCommand', { command: 'runbookLint.server.listTriggers', arguments: [{}] });
  const latest = new Map<string, string[]>();
  for (const p of client.diagnostics) {
    const rel = path.relative(dir, fileURLToPath(p.uri)).split(path.sep).join('/');
    latest.set(rel, p.diagnostics.map((d) => `${rel}:${d.range.start.line + 1}:${d.range.start.character + 1}:${d.code}`));
  }
  const fromServer = [...latest.values()].flat().sort();

  const cli = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), '--format', 'json', '--today', todayIso(), '.'], { cwd: dir, encoding: 'utf8' });
  const out = JSON.parse(cli.stdout) as { findings: { file: string; line: number; column: number; ruleId: string }[] };
  const fromCli = out.findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.ruleId}`).sort();
  assert.ok(fromCli.length > 0, 'the workspace has findings');
  assert.deepEqual(fromServer, fromCli);
});

test('the same findings four ways: named files, the folder, a glob, and the server with and without a root (issue 12)', async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-parity4-')));
  dirs.push(dir);
  fs.cpSync(path.join(REPO, 'examples', 'checkout-api'), path.join(dir, 'checkout-api'), { recursive: true });
  // Real documents too: the first 20 of the labeled corpus, linted as runbooks by the configuration.
  const corpus = path.join(REPO, 'test', 'corpus', 'docs');
  fs.mkdirSync(path.join(dir, 'corpus'));
  for (const name of fs.readdirSync(corpus).filter((n) => n.endsWith('.md')).sort().slice(0, 20)) fs.copyFileSync(path.join(corpus, name), path.join(dir, 'corpus', name));
  fs.writeFileSync(path.join(dir, '.runbook-lint.json'), JSON.stringify({ runbooks: ['**/RUNBOOK.md', 'corpus/*.md'] }));
  const today = todayIso();
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), '--format', 'json', '--today', today, '--no-git', ...args], { cwd: dir, encoding: 'utf8' });
    return (JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number; ruleId: string }[] }).findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.ruleId}`).sort();
  };
  const files: string[] = [];
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.md') && files.push(path.relative(dir, path.join(d, e.name)).split(path.sep).join('/'))));
  walk(dir);
  const folder = cli(['.']);
  assert.ok(folder.length > 100, `${folder.length} findings`);
  assert.deepEqual(cli(files), folder, 'named one by one');
  assert.deepEqual(cli(['**/*.md']), folder, 'through a glob');

  const fromServer = async (folders: string[], open: boolean) => {
    const c = await TestClient.start({ folders, initializationOptions: { today, debounceMs: 0, git: false } });
    try {
      if (open) for (const f of files) c.open(path.join(dir, f));
      await c.request('workspace/executeCommand', { command: 'runbookLint.server.listTriggers', arguments: [{}] });
      // Settled: no publish for a moment after the index (open documents are published again once their inputs are read).
      for (let n = -1; n !== c.diagnostics.length; ) {
        n = c.diagnostics.length;
        await new Promise((r) => setTimeout(r, 300));
      }
      const latest = new Map<string, string[]>();
      for (const p of c.diagnostics) {
        const rel = path.relative(dir, fileURLToPath(p.uri)).split(path.sep).join('/');
        latest.set(rel, p.diagnostics.map((d) => `${rel}:${d.range.start.line + 1}:${d.range.start.character + 1}:${d.code}`));
      }
      return [...latest.values()].flat().sort();
    } finally {
      await c.stop();
    }
  };
  assert.deepEqual(await fromServer([dir], false), folder, 'the server with the folder as its root');
  assert.deepEqual(await fromServer([], true), folder, 'the server with no root, every file open');
});
