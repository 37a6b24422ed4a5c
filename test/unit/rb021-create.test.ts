// RB021's fix creates a file rather than editing one: check the path, the number and
// the content it would write, and that writing it settles the finding.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Project, classify } from '../../server/src/engine/project';
import { ConfigResolver } from '../../server/src/engine/config';
import type { Finding } from '../../server/src/model/types';

const TODAY = '2026-06-01';

const RUNBOOK = [
  '# Runbook: checkout-api',
  '',
  '## Release brief',
  '- Rollback level: 2 (deploy rollback)',
  '',
  '## Rollback triggers',
  '| Trigger | How observed | Timer budget |',
  '|---|---|---|',
  '| Data corruption reported | support ticket | do not roll back code alone: data correction |',
  '| Smoke test fails in pipeline | pipeline red on deploy job | 3 min |',
  '| Login broken | manual check | 10 min |',
  '',
].join('\n');

function workspace(files: Record<string, string>): { root: string; project: Project } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rb021-'));
  const resolver = new ConfigResolver(root);
  const project = new Project({ today: () => TODAY, configFor: (f) => resolver.forFile(f) });
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    project.set(file, text, classify(file, resolver.forFile(file)) ?? 'runbook');
  }
  return { root, project };
}

function rb021(project: Project, file: string): Finding[] {
  return project.lint(file).filter((f) => f.ruleId === 'RB021');
}

function receiptFor(n: number, runbook: string): string {
  return [
    '---',
    `rehearsal: ${n}`,
    'date: 2026-05-03',
    'environment: staging',
    'trigger: Budget overrun',
    'path: pipeline',
    'observed_at: 2026-05-03T14:02',
    'recovered_at: 2026-05-03T14:06',
    'total_minutes: 4',
    'receipt: 3f2a9c1',
    'witness: Sam',
    'rollback_level: 2',
    `runbook: ${runbook}`,
    '---',
    '## Commands run',
    '```sh',
    'gh workflow run deploy.yml -f image_tag=v1.2.2',
    '```',
    '',
  ].join('\n');
}

test('RB021 offers to create library/raw/rollback-rehearsals/001.md beside the runbook, filled from the runbook', () => {
  const { root, project } = workspace({ 'RUNBOOK.md': RUNBOOK });
  try {
    const [finding, ...rest] = rb021(project, path.join(root, 'RUNBOOK.md'));
    assert.ok(finding, 'RB021 reports a runbook with triggers and no receipt');
    assert.equal(rest.length, 0, 'one finding per runbook');
    const fix = finding.fix;
    assert.ok(fix?.createFile, 'the fix creates a file');
    assert.ok(!fix.edits?.length, 'the fix edits nothing');
    assert.equal(fix.createFile.path, path.join(root, 'library', 'raw', 'rollback-rehearsals', '001.md'));
    const content = fix.createFile.content;
    assert.match(content, /^---\n/);
    assert.match(content, /^rehearsal: 1$/m);
    assert.match(content, new RegExp(`^date: ${TODAY}$`, 'm'));
    // The first trigger that a code rollback answers (not the data-correction one), with its budget.
    assert.match(content, /^trigger: Smoke test fails in pipeline$/m);
    assert.match(content, /^budget_minutes: 3$/m);
    assert.match(content, /^rollback_level: 2$/m);
    assert.match(content, /^runbook: \.\.\/\.\.\/\.\.\/RUNBOOK\.md$/m);
    assert.match(content, /^## Gaps discovered$/m);
    assert.match(finding.message, /library\/raw\/rollback-rehearsals\/001\.md/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('RB021 takes the next free number after the receipts already in the folder', () => {
  const { root, project } = workspace({
    'RUNBOOK.md': RUNBOOK,
    'RUNBOOK.billing.md': RUNBOOK.replace('checkout-api', 'billing').replace('Smoke test fails in pipeline', 'Budget overrun'),
    // Receipts of the other runbook, in the same folder.
    'library/raw/rollback-rehearsals/001.md': receiptFor(1, '../../../RUNBOOK.billing.md'),
    'library/raw/rollback-rehearsals/007.md': receiptFor(7, '../../../RUNBOOK.billing.md'),
  });
  try {
    // A file on disk the project does not hold (not a receipt name): ignored by the numbering.
    fs.writeFileSync(path.join(root, 'library', 'raw', 'rollback-rehearsals', 'notes.txt'), 'scratch\n');
    assert.equal(rb021(project, path.join(root, 'RUNBOOK.billing.md')).length, 0, 'the billing runbook has receipts');
    const [finding] = rb021(project, path.join(root, 'RUNBOOK.md'));
    assert.ok(finding?.fix?.createFile, 'the checkout runbook has none');
    assert.equal(path.basename(finding.fix.createFile.path), '008.md');
    assert.match(finding.fix.createFile.content, /^rehearsal: 8$/m);
    assert.ok(!fs.existsSync(finding.fix.createFile.path), 'the path is free');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the created receipt is a draft until filled in, then settles RB021; it names a trigger the runbook knows', () => {
  const { root, project } = workspace({ 'RUNBOOK.md': RUNBOOK });
  try {
    const runbook = path.join(root, 'RUNBOOK.md');
    const created = rb021(project, runbook)[0]?.fix?.createFile;
    assert.ok(created);
    project.set(created.path, created.content, 'receipt');
    // Issue 14: the scaffold is no rehearsal.
    assert.equal(rb021(project, runbook).length, 1);
    const filled = created.content
      .replace(/^observed_at:$/m, 'observed_at: 2026-06-01T14:02')
      .replace(/^recovered_at:$/m, 'recovered_at: 2026-06-01T14:06')
      .replace(/^total_minutes:$/m, 'total_minutes: 4')
      .replace(/^receipt: ""$/m, 'receipt: 3f2a9c1')
      .replace('# the commands actually typed, in order', 'kubectl rollout undo deploy/app');
    project.set(created.path, filled, 'receipt');
    assert.equal(rb021(project, runbook).length, 0);
    const unknown = project.lint(created.path).filter((f) => f.ruleId === 'RR008');
    assert.equal(unknown.length, 0, unknown.map((f) => f.message).join('\n'));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('RB021 keeps CRLF line endings in the receipt it creates for a CRLF runbook', () => {
  const { root, project } = workspace({ 'RUNBOOK.md': RUNBOOK.replace(/\n/g, '\r\n') });
  try {
    const created = rb021(project, path.join(root, 'RUNBOOK.md'))[0]?.fix?.createFile;
    assert.ok(created);
    assert.ok(created.content.includes('\r\n'));
    assert.ok(!/[^\r]\n/.test(created.content), 'no bare LF');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
