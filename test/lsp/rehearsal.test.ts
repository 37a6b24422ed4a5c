// Issue 14: the editor's Start / Mark / Stop Rehearsal is a server command any LSP client
// can run, over the same log as `runbook-lint rehearse`: a rehearsal started in the editor
// records a command run from a terminal through the CLI, and stops into a receipt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { serverTestResources, TestClient, uri } from './lspClient';
import { copyFixture, runCli, REPO } from '../helpers/cli';
import { REHEARSE_COMMAND, type RehearsalStatus, type RehearseArgs } from '../../server/src/lsp/protocol';

const { clients, dirs } = serverTestResources();
const WORKSPACE = path.join(REPO, 'test', 'fixtures', 'rules', 'RB022', 'fail-stale');

test('start, a terminal command, a CLI run, a mark and stop: one log, one receipt', async () => {
  const dir = copyFixture(WORKSPACE);
  dirs.push(dir);
  const client = await TestClient.start({ folders: [dir], initializationOptions: { debounceMs: 0 } });
  clients.push(client);
  const rehearse = (args: RehearseArgs) => client.request<RehearsalStatus>('workspace/executeCommand', { command: REHEARSE_COMMAND, arguments: [args] });
  const runbookUri = uri(path.join(dir, 'RUNBOOK.md'));

  assert.deepEqual(await rehearse({ action: 'status' }), { running: false });
  const started = await rehearse({ action: 'start', runbookUri, trigger: 'Login broken' });
  assert.equal(started.running, true);
  assert.equal(started.trigger, 'Login broken');
  assert.equal(started.budgetMinutes, 10);
  await assert.rejects(rehearse({ action: 'start', runbookUri, trigger: 'Login broken' }), /has been running since/);

  const t0 = new Date(Date.now() + 1000);
  await rehearse({ action: 'command', command: 'kubectl rollout undo deploy/checkout-api', exitCode: 0, startedAt: t0.toISOString(), endedAt: new Date(t0.getTime() + 4000).toISOString() });
  // The same log from a terminal, through the CLI.
  const run = runCli(['rehearse', 'run', '--', process.execPath, '-e', '0'], dir);
  assert.equal(run.code, 0, run.stderr);
  const marked = await rehearse({ action: 'mark', text: 'login works again' });
  assert.equal(marked.commands, 2);
  assert.equal((await rehearse({ action: 'status' })).running, true);

  const stopped = await rehearse({ action: 'stop' });
  assert.equal(stopped.running, false);
  const receipt = path.join(dir, 'library', 'raw', 'rollback-rehearsals', '002.md');
  assert.equal(stopped.receiptUri, uri(receipt));
  const text = fs.readFileSync(receipt, 'utf8');
  assert.match(text, /^trigger: Login broken$/m);
  assert.match(text, /^recorded_by: runbook-lint$/m);
  assert.match(text, /^# \d\d:\d\d:\d\d-\d\d:\d\d:\d\d, exit 0\nkubectl rollout undo deploy\/checkout-api$/m);
  assert.match(text, /-e 0$/m);
  assert.match(text, /^- \d\d:\d\d login works again$/m);
  assert.ok(!fs.existsSync(path.join(dir, 'library', 'raw', 'rollback-rehearsals', '.rehearsal-in-progress.jsonl')));
  // The server indexed the new receipt: its diagnostics are published without a watcher event.
  const diagnostics = (await client.waitDiagnostics(uri(receipt), () => true)).diagnostics.map((d) => d.code);
  assert.ok(diagnostics.includes('RR013'), `${diagnostics}`);

  await assert.rejects(rehearse({ action: 'stop' }), /no rehearsal is running/);
  await rehearse({ action: 'start', runbookUri });
  assert.deepEqual(await rehearse({ action: 'abort' }), { running: false });
  assert.deepEqual(fs.readdirSync(path.join(dir, 'library', 'raw', 'rollback-rehearsals')).sort(), ['001.md', '002.md']);
});
