// Issue 14: a receipt is evidence. The draft `new-receipt` writes (no times, no minutes, no
// commands, no receipt id) is linted, but is no rehearsal: the CLI, the server's diagnostics,
// the code lens and the hover all say the trigger was never rehearsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serverTestResources, TestClient } from './lspClient';
import { main } from '../../server/src/cli/cli';
import { receiptText } from '../../server/src/model/scaffold';

const TODAY = '2026-06-15';
const { clients, dirs } = serverTestResources();
const RUNBOOK = '# Checkout runbook\n\n## Rollback triggers\n\n| Trigger | How observed | Timer budget |\n|---|---|---|\n| Smoke test fails in pipeline | pipeline red on deploy job | 5 min |\n';

function workspace(): { dir: string; runbook: string; receipt: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-lint-drafts-'));
  const runbook = path.join(dir, 'RUNBOOK.md');
  fs.writeFileSync(runbook, RUNBOOK);
  const folder = path.join(dir, 'library', 'raw', 'rollback-rehearsals');
  fs.mkdirSync(folder, { recursive: true });
  const receipt = path.join(folder, '001.md');
  fs.writeFileSync(receipt, receiptText({ number: 1, date: TODAY, trigger: 'Smoke test fails in pipeline', budgetMinutes: 5, runbook: '../../../RUNBOOK.md' }));
  return { dir, runbook, receipt };
}

test('the scaffold states nothing only the rehearsal can tell', () => {
  const text = receiptText({ number: 1, date: TODAY, trigger: 'Smoke test fails in pipeline' });
  assert.doesNotMatch(text, /\bnone\b/i);
  assert.doesNotMatch(text, /T00:00|total_minutes: 0/);
  assert.match(text, /^observed_at:$/m);
});

test('a draft receipt is no rehearsal in the CLI, the diagnostics, the code lens and the hover', async () => {
  const { dir, runbook, receipt } = workspace();
  let out = '';
  const code = await main(['.', '--format', 'json', '--today', TODAY], { cwd: dir, stdout: (s) => (out += s), stderr: () => {}, isTTY: false, env: {} });
  assert.equal(code, 1);
  const findings = (JSON.parse(out) as { findings: { file: string; ruleId: string }[] }).findings;
  const ids = (f: string) => new Set(findings.filter((x) => path.resolve(dir, x.file) === f).map((x) => x.ruleId));
  assert.ok(ids(runbook).has('RB021'), `CLI: the runbook is never rehearsed: ${[...ids(runbook)]}`);
  for (const id of ['RR001', 'RR009']) assert.ok(ids(receipt).has(id), `CLI: the draft says what it lacks (${id}): ${[...ids(receipt)]}`);

  // The server binary, as every editor runs it (lspClient.ts).
  const client = await TestClient.start({ folders: [dir], initializationOptions: { today: TODAY, debounceMs: 0 } });
  clients.push(client);
  dirs.push(dir);
  const uri = client.open(runbook, RUNBOOK);
  // The receipt is in the runbook's own folder: read before the first publish.
  const diagnostics = (await client.waitDiagnostics(uri, (d) => d.version === 1)).diagnostics;
  assert.ok(diagnostics.some((d) => d.code === 'RB021'), `server: ${diagnostics.map((d) => d.code)}`);
  const lenses = await client.request<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
  const titles = lenses.map((l) => l.command?.title ?? '');
  assert.ok(titles.some((t) => /^not rehearsed — draft 001\.md lacks observed_at and recovered_at, total_minutes, receipt, commands run$/.test(t)), `lens: ${titles}`);
  assert.ok(!titles.some((t) => /^rehearsed/.test(t)), `lens: ${titles}`);
  const line = RUNBOOK.split('\n').findIndex((l) => l.startsWith('| Smoke test'));
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
  const value = hover?.contents.value ?? '';
  assert.doesNotMatch(value, /rehearsed (?:today|\d+ days ago)|receipt 001/i, `hover: ${value}`);
});

test('--fix states no fact: it sets the total from the timestamps, but leaves the trigger name to a person', async () => {
  const { dir, receipt } = workspace();
  const text = [
    '---',
    'rehearsal: 1',
    `date: ${TODAY}`,
    'environment: staging',
    'trigger: Smoke tests fail in the pipeline',
    'path: pipeline',
    `observed_at: ${TODAY}T14:02`,
    `recovered_at: ${TODAY}T14:06`,
    'total_minutes: 3',
    'receipt: 3f2a9c1',
    'witness: Sam',
    'rollback_level: 2',
    '---',
    '## Commands run',
    '',
    '```sh',
    'kubectl rollout undo deploy/app',
    '```',
    '',
  ].join('\n');
  fs.writeFileSync(receipt, text);
  try {
    await main(['.', '--fix', '--today', TODAY], { cwd: dir, stdout: () => {}, stderr: () => {}, isTTY: false, env: {} });
    const after = fs.readFileSync(receipt, 'utf8');
    assert.match(after, /^total_minutes: 4$/m, 'RR005: computed from the file itself');
    assert.match(after, /^trigger: Smoke tests fail in the pipeline$/m, 'RR008: which trigger was rehearsed is a fact, not a fix');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
