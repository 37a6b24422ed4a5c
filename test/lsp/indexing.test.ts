// Issue 13: the open document first. With a large workspace, the runbook the user opened is
// published as soon as the files it is linted with are read, before the rest of the index;
// requests are answered while the index goes on in slices; progress is reported; and when
// it ends every file has been published once, with the findings the CLI gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { TestClient, copyWorkspace, serverTestResources, uri, REPO } from './lspClient';

const TODAY = '2026-05-15';
const OTHER_RECEIPTS = 1200;
const { clients, dirs } = serverTestResources();

function bigWorkspace(): string {
  const dir = copyWorkspace('basic');
  dirs.push(dir);
  const other = path.join(dir, 'other');
  const folder = path.join(other, 'library', 'raw', 'rollback-rehearsals');
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(path.join(dir, 'RUNBOOK.md'), path.join(other, 'RUNBOOK.md'));
  for (let i = 1; i <= OTHER_RECEIPTS; i++) {
    const n = String(i).padStart(3, '0');
    fs.writeFileSync(
      path.join(folder, `${n}.md`),
      `---\nrehearsal: ${i}\ndate: 2026-05-01\nenvironment: staging\ntrigger: Smoke test fails in pipeline\npath: pipeline\nobserved_at: 2026-05-01T14:02\nrecovered_at: 2026-05-01T14:06\ntotal_minutes: 4\nreceipt: 3f2a9c1\nwitness: Sam\nrollback_level: 2\n---\n## Commands run\n\n\`\`\`sh\nkubectl rollout undo deploy/app\n\`\`\`\n\n## Timeline\n- 14:02 red\n- 14:06 green\n\n## Gaps discovered\n- none\n\n## Compensating actions\n- none needed\n`,
    );
  }
  return dir;
}

test('a large workspace: the open runbook is published first, requests are answered during the index, progress is reported', async () => {
  const dir = bigWorkspace();
  const client = await TestClient.start({ folders: [dir], initializationOptions: { today: TODAY }, workDoneProgress: true });
  clients.push(client);
  const runbook = path.join(dir, 'RUNBOOK.md');
  const u = client.open(runbook);
  const symbols = client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
  const first = await client.waitDiagnostics(u, (d) => d.version === 1, 60_000);
  const firstAt = client.diagnostics.indexOf(first);
  const otherUris = new Set(Array.from({ length: OTHER_RECEIPTS }, (_, i) => uri(path.join(dir, 'other', 'library', 'raw', 'rollback-rehearsals', `${String(i + 1).padStart(3, '0')}.md`))));
  const othersBefore = client.diagnostics.slice(0, firstAt).filter((p) => otherUris.has(p.uri)).length;
  assert.equal(othersBefore, 0, 'no receipt of the other runbook was published before the open one');
  assert.ok((await symbols).length > 0, 'the outline is answered');

  // A workspace-wide command waits for the whole index.
  await client.request('workspace/executeCommand', { command: 'runbookLint.server.listTriggers', arguments: [{}] });
  const begin = client.progress.find((p) => p.kind === 'begin');
  const end = client.progress.find((p) => p.kind === 'end');
  assert.ok(begin && end, `progress begin and end: ${JSON.stringify(client.progress)}`);
  // Counted over the whole workspace; those beside the open runbook may be read already.
  assert.match(`${begin.title} ${begin.message}`, /Indexing rehearsal receipts [\d,]+\/1,2\d\d/);
  assert.ok(begin.diagnosticsBefore <= firstAt + 1, 'progress began before the index published the others');
  // Lenses drawn during the index are redrawn once it ends.
  for (let i = 0; i < 50 && !client.lensRefreshes; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(client.lensRefreshes, 1, 'one code lens refresh when the index ends');
  const published = new Set(client.diagnostics.map((p) => p.uri));
  for (const o of otherUris) assert.ok(published.has(o), `every receipt is published by the end of the index: ${o}`);
  const perUri = new Map<string, number>();
  for (const p of client.diagnostics) if (otherUris.has(p.uri)) perUri.set(p.uri, (perUri.get(p.uri) ?? 0) + 1);
  assert.ok([...perUri.values()].every((n) => n === 1), 'each closed receipt is published once');

  // The first diagnostics of the open runbook were already complete: the CLI agrees.
  const latest = [...client.diagnostics].reverse().find((p) => p.uri === u)!;
  const codes = (ds: { code?: unknown; range: { start: { line: number } } }[]) => ds.map((d) => `${d.range.start.line + 1}:${d.code}`).sort();
  assert.deepEqual(codes(first.diagnostics), codes(latest.diagnostics));
  const cli = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), '--format', 'json', '--today', TODAY, 'RUNBOOK.md'], { cwd: dir, encoding: 'utf8' });
  const fromCli = (JSON.parse(cli.stdout) as { findings: { line: number; ruleId: string }[] }).findings.map((f) => `${f.line}:${f.ruleId}`).sort();
  assert.deepEqual(codes(first.diagnostics), fromCli);
});
