// An edit is linted against what the previous version left behind (the tree's unchanged
// pieces, and what was read from each of their nodes, moved with them). That must never
// show: after every edit of a chain, the incremental model and its findings must equal
// those of a fresh lint of the same text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Project } from '../../server/src/engine/project';
import { defaultConfig } from '../../server/src/engine/config';
import { parseCounts } from '../../server/src/model/markdown';
// @ts-expect-error: plain ES module without types (the benchmark's generator)
import { runbook as generated, prng } from '../../bench/gen.mjs';

const REPO = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus', 'real');
const FILE = '/w/RUNBOOK.md';
const config = defaultConfig('/w');

const project = () => new Project({ today: () => '2026-06-01', configFor: () => config });

/** The model without the tree and the section links (cycles), and the findings, as plain data. */
function snapshot(p: Project): unknown {
  const skip = new Set(['root', 'heading', 'own', 'children', 'parent', 'node', 'lines', 'text']);
  const model = JSON.parse(JSON.stringify(p.model(FILE), (k, v) => (skip.has(k) ? undefined : v)));
  return { model, findings: JSON.parse(JSON.stringify(p.lint(FILE))) };
}

/** Edits a person makes: typing, deleting, and pasting whole blocks that the model reads. */
const PASTES = [
  'x',
  '\n\n## Rollback triggers\n\n- 5xx > 1% for 5 min: dashboard, budget 5 min\n- p99 over 2 s: Grafana, budget 10 min\n\n',
  '\n\n[runbook]: https://example.com/runbook\n\n',
  '\n\n| Trigger | How observed | Timer budget |\n|---|---|---|\n| Error rate over 2% | Datadog | 5 min |\n\n',
  '\n\nRollback level: 2\n\n',
  '\n\nPOST /api/orders sends an email to the customer.\n\n',
  '\n\n## Rollback\n\nPrimary: `kubectl rollout undo deployment/api`\n\n```sh\nhelm rollback api 41\n```\n\n',
  '\n\nWe cannot roll back this migration; we roll forward by a new release.\n\n',
  '\n\n```\nunclosed fence\n\n# not a heading\n',
  '\n\nConfirmed time: 7 minutes\n\n',
  // A document-wide rollback time, read block by block and kept with each block's node: a trigger without a budget inherits it.
  '\n\nRTO: 15 minutes.\n\n',
  '\n\n## Roll back immediately if\n\n- checkout errors page the on-call\n\n',
  '\n\n| Environment | RTO | RPO |\n|---|---|---|\n| Production | 4 minutes | 1 hour |\n\n',
];

function chain(name: string, text: string, seed: number, edits: number): void {
  const r = (prng(seed) as { next: () => number }).next;
  const live = project();
  let current = text;
  live.set(FILE, current, 'runbook');
  live.lint(FILE);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(r() * (current.length + 1));
    const kind = r();
    let what: string;
    const rows = [...current.matchAll(/^\|[^\n]*\|$/gm)];
    if (kind < 0.25 && rows.length > 2) {
      // Typing in a table cell (a budget, a trigger): the row alone is parsed again.
      const row = rows[2 + Math.floor(r() * (rows.length - 2))];
      const pos = row.index! + 1 + Math.floor(r() * (row[0].length - 2));
      const ch = '9x |'[Math.floor(r() * 4)];
      current = current.slice(0, pos) + ch + current.slice(pos);
      what = `typed ${JSON.stringify(ch)} in a table row at ${pos}`;
    } else if (kind < 0.45) {
      const len = Math.min(current.length - at, 1 + Math.floor(r() * 200));
      current = current.slice(0, at) + current.slice(at + len);
      what = `deleted ${len} at ${at}`;
    } else {
      const paste = PASTES[Math.floor(r() * PASTES.length)];
      current = current.slice(0, at) + paste + current.slice(at);
      what = `pasted ${JSON.stringify(paste.slice(0, 30))} at ${at}`;
    }
    live.set(FILE, current, 'runbook');
    const fresh = project();
    fresh.set(FILE, current, 'runbook');
    assert.deepEqual(snapshot(live), snapshot(fresh), `${name}, edit ${i + 1}: ${what}`);
  }
}

test('after each edit of a chain, the incremental model and findings equal a fresh lint (real runbooks)', () => {
  const files = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort() : [];
  // The larger ones: a document shorter than two pieces is parsed whole anyway.
  const big = files.map((f) => [f, fs.readFileSync(path.join(CORPUS, f), 'utf8')] as const).filter(([, t]) => t.length > 8000);
  for (const [i, [f, text]] of big.slice(0, 12).entries()) chain(f, text, 11 + i, 12);
});

test('after each edit of a chain, the incremental model and findings equal a fresh lint (the benchmark runbook, examples)', () => {
  const rows = parseCounts.rows;
  chain('generated 2,000 lines', (generated(2000) as { text: string }).text, 5, 10);
  assert.ok(parseCounts.rows > rows, 'no edit of the chain took the table-row path');
  const examples = path.join(REPO, 'examples');
  for (const dir of fs.readdirSync(examples)) {
    const f = path.join(examples, dir, 'RUNBOOK.md');
    if (fs.existsSync(f)) chain(`examples/${dir}`, fs.readFileSync(f, 'utf8').repeat(3), 3, 10);
  }
});
