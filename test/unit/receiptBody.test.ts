// The line reader of receipt bodies (engine/receiptBody.ts) against the Markdown parser:
// wherever the line reader answers, its answer is the parser's, to the offset. Checked on
// the bench generator's receipts (which it must read itself), on every receipt of the
// fixtures and examples, on the 60 real runbooks read as receipts, and on random bodies
// made of plain lines and of every line shape it must leave to the parser.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readParsedBody, readPlainBody } from '../../server/src/model/receiptBody';
import { frontMatterSpan } from '../../server/src/model/chunks';
import { readFrontMatter } from '../../server/src/model/receipt';
// @ts-expect-error: a plain ES module without types
import { receipt } from '../../bench/gen.mjs';

const REPO = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus', 'real');
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

/** Whether the line reader took the text (and then agrees with the parser). */
function agrees(text: string): boolean {
  const from = frontMatterSpan(text)?.end ?? 0;
  const plain = readPlainBody(text, from);
  if (!plain) return false;
  assert.deepEqual(plain, readParsedBody(text), `line reader and parser disagree on:\n${text}`);
  return true;
}

function mdFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') out.push(...mdFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

test('the generated receipts of the bench are read by lines, as the parser reads them', () => {
  for (let n = 1; n <= 300; n++) {
    const text: string = receipt(n, ['Smoke test fails in pipeline', 'Login broken'], n);
    assert.ok(agrees(text), `receipt ${n} was left to the parser`);
  }
});

test('every receipt of the fixtures and examples: the line reader agrees wherever it answers', () => {
  const files = [...mdFiles(path.join(REPO, 'test', 'fixtures')), ...mdFiles(path.join(REPO, 'examples'))].filter((f) => /rehearsal/.test(f));
  assert.ok(files.length > 50);
  let taken = 0;
  for (const f of files) if (agrees(fs.readFileSync(f, 'utf8'))) taken++;
  // Most receipts people keep are plain; this guards against a reader that answers nothing.
  assert.ok(taken >= files.length / 3, `${taken} of ${files.length} read by lines`);
});

test('the real runbooks read as receipts: the line reader agrees wherever it answers', { skip: !fs.existsSync(CORPUS) }, () => {
  for (const f of fs.readdirSync(CORPUS).filter((x) => x.endsWith('.md'))) agrees(fs.readFileSync(path.join(CORPUS, f), 'utf8'));
});

const word = fc.constantFrom('timeline', 'commands run', 'gaps', 'compensating actions', 'Rehearsal 001', '14:05', '9:30:12', 'none', 'ok', 'deploy', 'a_b', 'ünï', '中文', 'x');
const plainPiece = fc.oneof(word, fc.constantFrom('(#4)', '#', 'a#', '1.5×', '> 2%', '>= 0.05', '< 300 ms', '<5', '<=', 'a & b', 'a>b'), word.map((w) => '`' + w + '`'), fc.constantFrom('**x**', '**two words**', '(**x**)', '[run book](https://e.invalid/a_b?c=d)', ':', '!', '` a `', '`  `'));
const trickyPiece = fc.constantFrom('``x``', '`x', '_x_', 'a_', '*x*', '**x**y', 'y**x**', '** x**', '[x](y)', '[x](<y>)', '[x] (y)', '[x][y]', '[x]', '[`x`](y)', '[x](y "t")', '![x](y)', '<b>', '<http://x>', '<x@y.z>', '<!-- c -->', '<?x?>', '<', '&amp;', '&#35;', '&x', '\\*', 'a  ', '~~x~~', '|', '#', ' # x', '\t', '\0');
const inline = (piece: fc.Arbitrary<string>) => fc.array(piece, { minLength: 1, maxLength: 4 }).map((a) => a.join(' '));
const lineOf = (piece: fc.Arbitrary<string>, markers: string[], fences: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: inline(piece) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('#', '##', '###', '####'), fc.constantFrom(' ', '  '), inline(piece)).map(([h, s, t]) => h + s + t) },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...markers), inline(piece)).map(([m, t]) => m + t) },
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fc.constantFrom(...fences) },
  );
const plainLine = lineOf(plainPiece, ['- ', '* ', '+ ', '1. ', '2. ', '3) ', '- 14:05 '], ['```', '```sh']);
const trickyLine = fc.oneof(
  lineOf(trickyPiece, ['#######', '-  ', '- - ', '- # ', '- 1. ', '- ```', '-'], ['````', '~~~', '   ```', '    ```', '``` x']),
  fc.constantFrom('---', '===', '***', '- - -', '  indented', '    code', '> quote', '<!-- c -->', '| a | b |', '|---|---|', '[x]: https://e.invalid', 'a\r', ' ', '\uFEFFx', '\tx', 'a\tb'),
);
const line = fc.oneof({ weight: 12, arbitrary: plainLine }, { weight: 1, arbitrary: trickyLine });
const title = fc.constantFrom('# Rehearsal 004', '## Timeline', '## Commands run', '### Commands', '## Gaps discovered', '## Compensating actions', '### Notes', '#### Timeline');
const section = fc.tuple(title, fc.array(line, { maxLength: 8 })).map(([t, ls]) => [t, ...ls].join('\n'));
const body = fc.oneof(fc.array(line, { maxLength: 25 }).map((ls) => ls.join('\n')), fc.array(section, { maxLength: 6 }).map((ss) => ss.join('\n')));
const frontMatter = fc.constantFrom('', '---\ntrigger: x\n---\n', '---\ntrigger: x\n---', '---\n', '---\n---\n');

test('random bodies: wherever the line reader answers, it is the parser', () => {
  let taken = 0;
  fc.assert(
    fc.property(frontMatter, body, fc.boolean(), (fm, b, eol) => {
      if (agrees(fm + b + (eol ? '\n' : ''))) taken++;
    }),
    { numRuns: RUNS * 20 },
  );
  assert.ok(taken > RUNS, `only ${taken} random bodies were read by lines`);
});

/** Both front matter readers, field by field; true when the line reader took it. */
function sameFrontMatter(text: string): boolean {
  const byLines = readFrontMatter(text);
  const parsed = readFrontMatter(text, false);
  const view = (f: ReturnType<typeof readFrontMatter>) =>
    f && { ...f, fields: [...f.fields.values()].map((x) => ({ key: x.key, keySpan: x.keySpan, valueSpan: x.valueSpan, value: x.value, source: x.source })) };
  assert.deepEqual(view(byLines), view(parsed), `front matter readers disagree on:\n${text}`);
  // The line reader gives no errors: whatever it took, the parser found valid.
  return !!parsed && parsed.errors.length === 0 && parsed.fields.size > 0 && !/[\r\t]/.test(text);
}

test('front matter: the line reader is the YAML parser wherever it answers', () => {
  for (let n = 1; n <= 300; n++) sameFrontMatter(receipt(n, ['Smoke test fails in pipeline', 'Login broken'], n));
  const files = [...mdFiles(path.join(REPO, 'test', 'fixtures')), ...mdFiles(path.join(REPO, 'examples'))];
  for (const f of files) sameFrontMatter(fs.readFileSync(f, 'utf8'));
  const key = fc.constantFrom('trigger', 'date', 'total_minutes', 'receipt', 'a-b', 'true', 'null', 'x y', '__proto__', 'k');
  const value = fc.oneof(
    fc.constantFrom('', '8', '007', '0', '-1', '1.5', '1e3', '0x1f', '.inf', 'true', 'False', 'NULL', '~', 'yes', 'no', '2026-06-01', '2026-06-01T10:00', '2026-06-01 10:00', '12:30', '1_000', '0o17', '0b1', '1.', '1e', '3d', '4m', '007x', 'https://ci.example.invalid/runs/1', 'Kim (pairing)'),
    fc.constantFrom('a # c', 'a: b', 'a:', 'a:b', '"q (#4)"', '"a\\"b"', "'it''s'", "'x'", '"x" # c', '[a, b]', '{a: 1}', '&x a', '*x', '!t a', '|', '>', '- a', '? a', '"\u0001"', 'a  ', ' a', 'a\tb', 'ünï', '中文', '1.5× normal'),
    fc.string({ maxLength: 12 }),
  );
  const line = fc.oneof({ weight: 8, arbitrary: fc.tuple(key, fc.constantFrom(': ', ':', ':  '), value).map(([k, s, v]) => k + s + v) }, fc.constantFrom('', '# comment', '#x', '  nested: 1', '- item', 'k', '...'));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 10 }), (ls) => {
      sameFrontMatter('---\n' + ls.join('\n') + '\n---\n# Body\n');
    }),
    { numRuns: RUNS * 20 },
  );
});

test("a value named like an Object.prototype member is text in both readers ('trigger: valueOf')", () => {
  const text = '---\ntrigger: valueOf\nwitness: toString\nenvironment: constructor\n---\n';
  for (const byLines of [true, false]) {
    const fm = readFrontMatter(text, byLines)!;
    assert.deepEqual([fm.fields.get('trigger')?.value, fm.fields.get('witness')?.value, fm.fields.get('environment')?.value], ['valueOf', 'toString', 'constructor'], `byLines ${byLines}`);
  }
});
