// Issue 16, the server's side: a stranger's repository opened in the editor never freezes the
// server, never has it read a file outside the workspace, and is linted by the same limits as
// the CLI. Each bad configuration of the issue is written into a copy of examples/; the server
// must answer documentSymbol and show the problem on the configuration file. The 5 s race is a
// hang guard (a frozen server never answers); what the answers took is in the note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, REPO, serverTestResources, uri } from './lspClient';
import { runCli } from '../helpers/cli';

const TODAY = '2026-06-01';
const { clients, dirs } = serverTestResources();
const RECEIPTS = 'checkout-api/library/raw/rollback-rehearsals';
const HANG_GUARD_MS = 5000;

function examples(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-hostile-')));
  fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
  dirs.push(dir);
  return dir;
}

async function start(dir: string, initializationOptions: Record<string, unknown> = {}) {
  const client = await TestClient.start({ folders: [dir], initializationOptions: { today: TODAY, debounceMs: 0, ...initializationOptions } });
  clients.push(client);
  return client;
}

function answered<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${HANG_GUARD_MS} ms (the server is frozen)`)), HANG_GUARD_MS))]);
}

const BAD_CONFIGS: { name: string; write: (file: string) => void; message: RegExp }[] = [
  { name: 'a glob of 70,000 characters', write: (f) => fs.writeFileSync(f, JSON.stringify({ runbooks: [`**/${'x'.repeat(70_000)}.md`] })), message: /is 70,006 characters long/ },
  { name: 'JSON nested 100,000 deep', write: (f) => fs.writeFileSync(f, '['.repeat(100_000) + ']'.repeat(100_000)), message: /nested too deeply/ },
  { name: 'a FIFO', write: (f) => execFileSync('mkfifo', [f]), message: /not a regular file/ },
  { name: 'a symlink to /dev/zero', write: (f) => fs.symlinkSync('/dev/zero', f), message: /a symlink that leads out of the workspace/ },
  { name: 'a backtracking glob', write: (f) => fs.writeFileSync(f, JSON.stringify({ runbooks: ['**/*a*a*a*a*a*a*a*a*a*a*a*ab.md'] })), message: /has 13 wildcards/ },
];

for (const bad of BAD_CONFIGS) {
  test(`a configuration that is ${bad.name}: the server answers, the file carries the problem, and it recovers once fixed`, async () => {
    const dir = examples();
    if (bad.name.includes('backtracking')) fs.writeFileSync(path.join(dir, `${'a'.repeat(36)}.md`), '# a\n');
    const config = path.join(dir, '.runbook-lint.json');
    bad.write(config);
    const client = await start(dir);
    const runbook = path.join(dir, 'checkout-api/RUNBOOK.md');
    const u = client.open(runbook);
    const t0 = performance.now();
    const symbols = await answered(client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: u } }), 'documentSymbol');
    client.logs.push(`documentSymbol answered in ${Math.round(performance.now() - t0)} ms`);
    assert.ok(symbols.length > 0, 'the runbook is read with the defaults');
    const shown = await client.waitDiagnostics(uri(config), (p) => p.diagnostics.length > 0);
    assert.match(shown.diagnostics[0].message, bad.message);
    await client.waitDiagnostics(u, (p) => p.diagnostics.length > 0);

    // Fixed on disk: the problem goes away, the server carries on.
    fs.rmSync(config, { force: true });
    fs.writeFileSync(config, JSON.stringify({ rules: { RB020: 'off' } }));
    const mark = client.mark();
    client.watched([{ uri: uri(config), type: 2 }]);
    await client.waitDiagnostics(uri(config), (p) => p.diagnostics.length === 0, 8000, mark);
  });
}

test('a backtracking glob in the editor settings is refused (shown as a message), the server keeps answering', async () => {
  const dir = examples();
  fs.writeFileSync(path.join(dir, `${'a'.repeat(36)}.md`), '# a\n');
  const client = await start(dir, { runbooks: ['**/*a*a*a*a*a*a*a*a*a*a*a*ab.md'] });
  const u = client.open(path.join(dir, 'checkout-api/RUNBOOK.md'));
  await answered(client.request('textDocument/documentSymbol', { textDocument: { uri: u } }), 'documentSymbol');
  for (let i = 0; i < 50 && !client.messages.length; i++) await new Promise((r) => setTimeout(r, 100));
  assert.match(client.messages.map((m) => m.message).join('\n') + client.logs.join(''), /Runbook Lint settings: The runbooks glob .* has 13 wildcards/);
});

test('the glob settings are restricted in an untrusted workspace (the manifest)', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['runbookLint.runbooks', 'runbookLint.receipts']);
});

test('a 10 MB document opened in the editor is refused with the CLI\'s message, and keystrokes stay answered', async () => {
  const dir = examples();
  const big = path.join(dir, 'big', 'RUNBOOK.md');
  fs.mkdirSync(path.dirname(big));
  const text = `# Big\n\n${'Some prose that goes on. '.repeat(420_000)}\n`;
  fs.writeFileSync(big, text);
  const cli = runCli(['--today', TODAY, 'big/RUNBOOK.md'], dir);
  const cliMessage = /cannot read: (.*)\n/.exec(cli.stderr)![1];
  const client = await start(dir);
  const u = client.open(big, text);
  const shown = await client.waitDiagnostics(u, (p) => p.diagnostics.length === 1, 15000);
  assert.equal(shown.diagnostics[0].message, `Not linted: ${cliMessage}.`);
  client.change(u, text + 'x', text);
  await answered(client.request('textDocument/documentSymbol', { textDocument: { uri: u } }), 'documentSymbol after a keystroke');
});

test('a receipt that is a symlink to a file outside the workspace is never read by the index', async () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-secret-'));
  dirs.push(outside);
  fs.writeFileSync(path.join(outside, 'credentials'), '---\nrehearsal: 4\nreceipt: AKIAIOSFODNN7EXAMPLE\n---\n');
  const dir = examples();
  const link = path.join(dir, RECEIPTS, '004.md');
  fs.symlinkSync(path.join(outside, 'credentials'), link);
  const client = await start(dir);
  const u = client.open(path.join(dir, 'checkout-api/RUNBOOK.md'));
  await client.waitDiagnostics(u);
  // A change on disk reported for the link is not read either.
  client.watched([{ uri: uri(link), type: 2 }]);
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 2 } });
  await new Promise((r) => setTimeout(r, 500));
  assert.ok(!client.diagnostics.some((p) => p.uri === uri(link)), 'no diagnostics for the link');
  assert.doesNotMatch(JSON.stringify(client.diagnostics) + JSON.stringify(hover) + client.logs.join(''), /AKIA/);
});

test('deleting 1,500 receipts in one notification: requests are answered meanwhile, every deleted file is cleared', async () => {
  const dir = examples();
  const rc = path.join(dir, RECEIPTS);
  const template = fs.readFileSync(path.join(rc, '001.md'), 'utf8');
  const N = 1500;
  const files = Array.from({ length: N }, (_, i) => path.join(rc, `${String(i + 10).padStart(4, '0')}.md`));
  for (const [i, f] of files.entries()) fs.writeFileSync(f, template.replace(/rehearsal: \d+/, `rehearsal: ${i + 10}`));
  const client = await start(dir);
  const runbook = path.join(dir, 'checkout-api/RUNBOOK.md');
  const u = client.open(runbook);
  await client.request('textDocument/documentSymbol', { textDocument: { uri: u } });
  await client.waitDiagnostics(uri(files[N - 1]), (p) => p.diagnostics.length > 0, 30000);
  for (const f of files) fs.rmSync(f);
  const mark = client.mark();
  client.watched(files.map((f) => ({ uri: uri(f), type: 3 as const })));
  await answered(client.request('textDocument/documentSymbol', { textDocument: { uri: u } }), 'documentSymbol during the deletion');
  // Answered between two slices: diagnostics of the deletion still came after the answer (one long handler published them all first).
  const atAnswer = client.diagnostics.length;
  const shown = files.filter((f) => client.diagnostics.slice(0, mark).some((p) => p.uri === uri(f) && p.diagnostics.length));
  assert.ok(shown.length > N / 2, `${shown.length} of the receipts had diagnostics`);
  const notCleared = () => {
    const last = new Map(client.diagnostics.map((p) => [p.uri, p.diagnostics.length]));
    return shown.filter((f) => last.get(uri(f)));
  };
  for (let i = 0; i < 300 && notCleared().length; i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(notCleared(), [], 'every deleted receipt has its diagnostics cleared');
  assert.ok(client.diagnostics.length > atAnswer, `the request was answered while the deletion was under way (${atAnswer - mark} of ${client.diagnostics.length - mark} publications before it)`);
});
