// The real corpus: 60 public runbooks written by strangers, each linted as a runbook.
// No exception, every range inside its file, and the findings match a snapshot a
// person has read through (test/corpus/findings.txt; UPDATE_SNAPSHOT=1 rewrites it).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Project } from '../../server/src/engine/project';
import { defaultConfig } from '../../server/src/engine/config';
import { LineIndex } from '../../server/src/model/text';

const REPO = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus', 'real');
const SNAPSHOT = path.join(REPO, 'test', 'corpus', 'findings.txt');

const files = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort() : [];

test('the corpus is there (../shared/corpus/real)', { skip: files.length ? false : 'no ../shared/corpus/real beside the checkout' }, () => {
  assert.ok(files.length >= 60, `${files.length} files`);
});

test('every corpus file lints without an exception, every range inside the file, the snapshot holds', { skip: !files.length }, () => {
  const lines: string[] = [];
  for (const name of files) {
    const file = path.join(CORPUS, name);
    const text = fs.readFileSync(file, 'utf8');
    const project = new Project({ today: () => '2026-06-01', configFor: () => defaultConfig(CORPUS), log: (m) => assert.fail(m) });
    project.set(file, text, 'runbook');
    const findings = project.lint(file);
    const idx = new LineIndex(text);
    for (const f of findings) {
      assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, `${name}: ${f.ruleId} range ${f.span.start}-${f.span.end} outside 0-${text.length}`);
      assert.doesNotMatch(f.message, /could not check this file/, `${name}: ${f.message}`);
      for (const e of f.fix?.edits ?? []) assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end, `${name}: ${f.ruleId} fix edit outside the file`);
      const p = idx.position(f.span.start);
      const excerpt = text.slice(f.span.start, Math.min(f.span.end, f.span.start + 60)).replace(/\s+/g, ' ');
      lines.push(`${name}:${p.line + 1}:${p.character + 1} ${f.ruleId} ${f.severity} «${excerpt}» ${f.message}`);
    }
  }
  const actual = lines.join('\n') + '\n';
  if (process.env.UPDATE_SNAPSHOT) fs.writeFileSync(SNAPSHOT, actual);
  const expected = fs.existsSync(SNAPSHOT) ? fs.readFileSync(SNAPSHOT, 'utf8') : '';
  assert.equal(actual, expected, 'corpus findings changed: read the diff, then UPDATE_SNAPSHOT=1 npm test');
});
