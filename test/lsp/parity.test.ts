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
