// Every rule has its documentation page, linked from each finding.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { docsPath } from '../../server/src/rules/rule';

const REPO = path.resolve(__dirname, '..', '..');

test('every rule has docs/rules/ID.md with what, why, a failing and a passing example', () => {
  assert.equal(RULES.length, 40);
  for (const r of RULES) {
    const file = path.join(REPO, docsPath(r.id));
    assert.ok(fs.existsSync(file), file);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.startsWith(`# ${r.id} ${r.name}\n`), `${r.id} title`);
    for (const h of ['## What it catches', '## Why', '## Failing example', '## Passing example', '## How to fix', '## Configuration']) assert.ok(text.includes(h), `${r.id} lacks ${h}`);
  }
});

test('rule ids and names are unique and match the catalog shape', () => {
  assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  assert.equal(new Set(RULES.map((r) => r.name)).size, RULES.length);
  for (const r of RULES) {
    assert.match(r.id, /^R[BR]\d{3}$/);
    assert.equal(r.appliesTo, r.id.startsWith('RB') ? 'runbook' : 'receipt');
  }
});

test('the extension activates on any Markdown file, not only in a folder that already had a runbook (issue 12)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { activationEvents: string[] };
  assert.ok(manifest.activationEvents.includes('onLanguage:markdown'), manifest.activationEvents.join(', '));
});
