// Issue 10: one answer to "which trigger did this receipt rehearse, and how long did it
// take" everywhere. On every cross-file fixture (RB021-RB023, RR008, RR011), the CLI's
// findings, the code lens, the hover on the budget and the New Receipt picker agree.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LintWorkspace } from '../../server/src/lsp/workspace';
import { codeLenses } from '../../server/src/lsp/lens';
import { hover } from '../../server/src/lsp/hover';
import { listTriggers } from '../../server/src/lsp/receipts';
import { pathToUri } from '../../server/src/lsp/uri';
import type { RunbookModel } from '../../server/src/model/runbook';
import { REPO, runCli } from '../helpers/cli';

const TODAY = '2026-06-01';
const RULES = path.join(REPO, 'test', 'fixtures', 'rules');
const folders = ['RB021', 'RB022', 'RB023', 'RR008', 'RR011'].flatMap((id) =>
  fs
    .readdirSync(path.join(RULES, id), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(RULES, id, e.name)),
);

interface CliFinding {
  file: string;
  ruleId: string;
  message: string;
}

for (const dir of folders) {
  const name = path.relative(RULES, dir);
  test(`${name}: the CLI, the lens, hover and the picker give one answer`, () => {
    const cli = runCli(['--format', 'json', '--today', TODAY, '.'], dir);
    const findings: CliFinding[] = JSON.parse(cli.stdout).findings;
    const ws = new LintWorkspace(() => {});
    ws.settings = { ...ws.settings, today: TODAY };
    ws.folders = [dir];
    for (const f of ws.beginReindex([]).toRead) ws.readListed(f);
    const project = ws.project;
    const runbooks = project.files().filter((f) => project.kindOf(f) === 'runbook').map((f) => project.model(f) as RunbookModel);
    const picker = listTriggers(project, runbooks, (f) => f);
    const rehearsed = new Set<string>();
    for (const rb of runbooks) {
      const lenses = codeLenses(project, rb, pathToUri(rb.path), TODAY);
      const info = picker.find((p) => p.path === rb.path)!;
      rb.triggers.triggers.forEach((t, i) => {
        const lens = lenses.find((l) => l.range.start.line === rb.lines.position(t.nameSpan.start).line && l.range.start.character === rb.lines.position(t.nameSpan.start).character);
        const title = lens?.command?.title ?? '';
        const never = !lens || title.startsWith('never rehearsed');
        // The picker counts the rehearsals the lens shows.
        assert.equal(info.triggers[i].rehearsals === 0, never, `${name}: picker says ${info.triggers[i].rehearsals} rehearsals of "${t.name}", the lens "${title}"`);
        const over = findings.find((f) => f.ruleId === 'RB023' && f.message.includes(`"${t.name}"`));
        if (!never) {
          const shown = (lens!.command!.arguments![0] as { uri: string }).uri;
          rehearsed.add(shown);
          // RB023 names the latest rehearsal: the one the lens opens.
          if (over) assert.ok(over.message.includes(path.relative(path.dirname(rb.path), new URL(shown).pathname)), `${name}: RB023 "${over.message}" vs lens ${shown}`);
          assert.equal(!!over, title.includes('(over budget)'), `${name}: RB023 ${over ? 'fires' : 'is silent'}, the lens says "${title}"`);
        } else {
          assert.equal(over, undefined, `${name}: RB023 fires on "${t.name}", which the lens calls never rehearsed`);
        }
        if (t.budgetSpan) {
          const h = hover(project, rb.path, rb.lines.position(t.budgetSpan.start), [], TODAY);
          const text = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
          assert.equal(text.includes('has never been rehearsed'), never, `${name}: hover on the budget of "${t.name}" disagrees with the lens`);
        }
      });
    }
    // A receipt the CLI calls "not in the runbook's trigger list" is the rehearsal of no trigger, and the other way round.
    for (const f of project.files().filter((x) => project.kindOf(x) === 'receipt')) {
      const unknown = findings.some((x) => x.ruleId === 'RR008' && path.resolve(dir, x.file) === f);
      const named = runbooks.some((rb) => rb.triggers.triggers.some((t) => codeLensesFor(project, rb).some((u) => u === pathToUri(f)) || historyHas(project, rb, t, f)));
      if (runbooks.some((rb) => rb.triggers.triggers.length)) assert.equal(unknown, !named, `${name}: ${path.basename(f)} is ${unknown ? 'unknown to RR008' : 'known to RR008'} but ${named ? 'in' : 'not in'} a trigger's history`);
    }
  });
}

function codeLensesFor(project: LintWorkspace['project'], rb: RunbookModel): string[] {
  return codeLenses(project, rb, pathToUri(rb.path), TODAY).map((l) => (l.command?.arguments?.[0] as { uri?: string } | undefined)?.uri ?? '');
}

function historyHas(project: LintWorkspace['project'], rb: RunbookModel, t: RunbookModel['triggers']['triggers'][number], file: string): boolean {
  if (!t.budgetSpan) return false;
  const h = hover(project, rb.path, rb.lines.position(t.budgetSpan.start), [], TODAY);
  const text = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  return text.includes(`(${pathToUri(file)})`);
}
