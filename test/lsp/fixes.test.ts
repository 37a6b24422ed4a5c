// Every *fix* rule over the protocol, in one multi-root server: each failing fixture of a
// fixable rule (test/fixtures/rules/<ID>/fail-*) is its own workspace folder. Closed files
// are indexed at start in every folder; each diagnostic that carries a fix gets exactly one
// quick fix, marked preferred; a text fix sent back through didChange removes the finding
// for that version; a receipt fix creates a file without overwriting.
import { test, after } from 'node:test';
import { CONFIRM_KIND } from '../../server/src/lsp/protocol';
import { CONFIRM_MARK } from '../../server/src/model/text';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, CreateFile, Diagnostic, PublishDiagnosticsParams, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { TestClient, REPO, SERVER, applyTextEdits, uri } from './lspClient';

const TODAY = '2026-06-01'; // the rule fixtures' date (test/helpers/fixtures.ts)
const RULE_FIXTURES = path.join(REPO, 'test', 'fixtures', 'rules');
const RULE_SOURCES = path.join(REPO, 'server', 'src', 'rules');

/** The fixable rules, read from their sources (`fixable: true`), not from a list kept by hand. */
const FIXABLE = fs
  .readdirSync(RULE_SOURCES)
  .filter((f) => /^R[BR]\d{3}\.ts$/.test(f) && /\bfixable:\s*true\b/.test(fs.readFileSync(path.join(RULE_SOURCES, f), 'utf8')))
  .map((f) => f.slice(0, 5))
  .sort();

let client: TestClient | undefined;
let root: string | undefined;
after(async () => {
  await client?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(p) : e.name.endsWith('.md') ? [p] : [];
  });
}

const ruleOf = (d: Diagnostic) => String(d.code);
const hasFix = (d: Diagnostic) => !!(d.data as { fix?: unknown } | undefined)?.fix;

test('every fix rule: one preferred quick fix per fixable diagnostic, in a multi-root workspace', async () => {
  if (!fs.existsSync(SERVER)) execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO });
  assert.ok(FIXABLE.length >= 10, `fixable rules: ${FIXABLE.join()}`);
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-fixes-')));
  root = tmp;
  const folders: { dir: string; ruleId: string }[] = [];
  for (const ruleId of FIXABLE) {
    for (const c of fs.readdirSync(path.join(RULE_FIXTURES, ruleId)).filter((n) => n.startsWith('fail')).sort()) {
      const src = path.join(RULE_FIXTURES, ruleId, c);
      const dir = path.join(tmp, `${ruleId}--${c.replace(/\.md$/, '')}`);
      if (fs.statSync(src).isDirectory()) fs.cpSync(src, dir, { recursive: true });
      else {
        fs.mkdirSync(dir);
        fs.copyFileSync(src, path.join(dir, 'RUNBOOK.md'));
      }
      folders.push({ dir, ruleId });
    }
  }

  const c: TestClient = await TestClient.start({ folders: folders.map((f) => f.dir), initializationOptions: { today: TODAY, debounceMs: 0 } });
  client = c;
  // A request answers after indexing: every closed file's diagnostics are out by then.
  await c.request('workspace/executeCommand', { command: 'runbookLint.server.listTriggers', arguments: [{}] });
  const latest = new Map<string, PublishDiagnosticsParams>();
  for (const p of c.diagnostics) latest.set(p.uri, p);

  // Every folder of the multi-root workspace was indexed, its files closed (no version).
  for (const { dir, ruleId } of folders) {
    const published = markdownFiles(dir).map((f) => latest.get(uri(f))).filter((p): p is PublishDiagnosticsParams => !!p);
    assert.ok(published.every((p) => p.version === undefined), `${dir}: closed files carry no version`);
    assert.ok(published.some((p) => p.diagnostics.some((d) => ruleOf(d) === ruleId)), `${path.basename(dir)}: no ${ruleId} published for the closed files`);
  }

  const fixedRules = new Set<string>();
  for (const [u, closed] of latest) {
    if (!closed.diagnostics.some((d) => FIXABLE.includes(ruleOf(d)) && hasFix(d))) continue;
    const original = fs.readFileSync(fileURLToPath(u), 'utf8');
    c.open(fileURLToPath(u), original);
    const opened = await c.waitDiagnostics(u, (p) => p.version === 1);
    let current = original;
    for (const d of opened.diagnostics.filter((x) => FIXABLE.includes(ruleOf(x)) && hasFix(x))) {
      const where = `${path.relative(tmp, fileURLToPath(u))} ${ruleOf(d)} at ${d.range.start.line + 1}:${d.range.start.character + 1}`;
      // Each fix is tried on the original text: the server answers from its findings for the text it holds.
      if (current !== original) {
        const back = c.change(u, original, current);
        current = original;
        await c.waitDiagnostics(u, (p) => p.version === back);
      }
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
      assert.equal(actions.length, 1, `${where}: one quick fix, got ${JSON.stringify(actions.map((a) => a.title))}`);
      const [fix] = actions;
      // Issue 14: a fix that states a fact is offered, never preferred (auto fix would apply it unread).
      const confirm = fix.kind === CONFIRM_KIND;
      assert.ok(fix.kind === 'quickfix' || confirm, where);
      assert.equal(fix.isPreferred, confirm ? undefined : true, `${where}: preferred`);
      assert.ok(fix.edit || fix.command, `${where}: an edit or a command`);
      fixedRules.add(ruleOf(d));
      const changes = fix.edit?.documentChanges ?? [];
      const creates = changes.filter((x): x is CreateFile => 'kind' in x && x.kind === 'create');
      if (creates.length || !fix.edit) {
        for (const cf of creates) assert.notEqual(cf.options?.overwrite, true, `${where}: a receipt is never overwritten`);
        continue;
      }
      // A text fix on this document: send it back as the next version.
      const edits = changes.filter((x): x is TextDocumentEdit => 'textDocument' in x && x.textDocument.uri === u).flatMap((x) => x.edits);
      assert.ok(edits.length, `${where}: edits for this document`);
      // A suggested fact stays flagged until a person confirms it (deletes the mark): confirmed here.
      const fixed = applyTextEdits(original, edits as never).split(CONFIRM_MARK).join('');
      const v = c.change(u, fixed, current);
      current = fixed;
      const after = await c.waitDiagnostics(u, (p) => p.version === v);
      const before = opened.diagnostics.filter((x) => ruleOf(x) === ruleOf(d)).length;
      const left = after.diagnostics.filter((x) => ruleOf(x) === ruleOf(d)).length;
      assert.ok(left < before, `${where}: "${fix.title}" left ${left} of ${before} ${ruleOf(d)} findings`);
    }
    c.close(u);
  }
  assert.deepEqual([...fixedRules].sort(), FIXABLE, 'a quick fix over the protocol for every fixable rule');
});
