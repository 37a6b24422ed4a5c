// The cut parse (chunks.ts + parseMarkdown) must give the very tree of a whole parse,
// for every real runbook, every fixture and the generated benchmark runbooks, and an
// edit re-parsed against the previous tree must give the tree of a fresh parse.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCounts, parseMarkdown, parseWhole } from '../../server/src/model/markdown';
import { chunksOf, frontMatterSpan } from '../../server/src/model/chunks';

const REPO = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus', 'real');

function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

const tricky = [
  '# A\n\n```sh\n\n# not a heading\n```\n\n# B\n',
  '# A\n\n<!--\n\n# still a comment\n-->\n\n# B\ntext\n',
  '---\ntitle: x\n\n# a yaml comment\n---\n\n# A\n',
  '- item\n\n# B\n\n> quote\n\n# C\n|a|b|\n|-|-|\n|1|2|\n\n## D\n',
  '# A\n\n[x]: https://example.com\n\n# B\n\nsee [x]\n',
  '# A\n\n<pre>\n\n# in pre\n</pre>\n\n# B\n',
  '# A\r\n\r\ntext\r\n\r\n# B\r\n\r\n- [ ] task\r\n',
  '\ufeff# A\n\ntext\n\n# B\n',
  '# A\n\n    ```\n\n# B\n\n```\n\n# C\n\n```\n',
  '~~~\n\n# x\n\n~~~~\n\n# y\n',
  // Cut between blocks, not only before headings (CUT_LINE).
  '- a\n\n- b\n\ntext\n\n- c\n\n  indented\n\nend\n',
  '> q\n\nx\n\n> r\nlazy\n\ny\n',
  '    code\n\nx\n\n    code2\n\n\n    more\n',
  'para\n\n---\n\nafter\n\n---\nnot: front matter\n---\n',
  'a\n\n[x]: https://e.com\n\nsee [x]\n\n[y]\n\n[y]: /y\n',
  '<div>\n\nx\n\n</div>\n\ny\n',
  '1. one\n\ntwo\n\n2. three\n',
  'text\n\n**bold** label:\n\n- item\n\n__u__ x\n',
  'x\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\ny | z\n-|-\n1|2\n',
  '- a\n\n\n\nb\n',
  'x\n\nTitle\n=====\n\ny\n---\n',
  'x\n\n<!-- a\n\nb -->\n\nc\n',
  '* a\n\n  * b\n\nc\n',
  'x\n\n*a\n\nb*\n\n`x\n\ny`\n',
  '回滚\n\n条件\n\nÉtape\n',
  '- [ ] a\n\nb\n\n- [x] c\n',
  'a\n\n```\nopen\n\nb\n\n```\nc\n\n~~~\nd\n',
  // HTML blocks opened inside a list item run across blank lines too (found by the fuzz test).
  '* <!i\n\nk\n',
  '* <!-- a\n\n# H\n\n-->\n\nb\n',
  '1. <?x\n\nk ?>\n\n# H\n',
  '- > <script>\n\nx\n\n</script>\n\n# H\n',
];

test('a cut parse gives the tree of a whole parse', () => {
  const docs = [...markdownFiles(CORPUS), ...markdownFiles(path.join(REPO, 'test', 'fixtures')), ...markdownFiles(path.join(REPO, 'examples'))].map((f) => [f, fs.readFileSync(f, 'utf8')] as const);
  docs.push(...tricky.map((t, i) => [`tricky ${i}`, t] as const));
  let cut = 0;
  for (const [name, text] of docs) {
    // Cut at every possible point (minimum piece 0), and with the engine's minimum piece.
    if (chunksOf(text, 0).length > 1) cut++;
    assert.deepEqual(plain(parseMarkdown(text, undefined, 0).children), plain(parseWhole(text).children), name);
    assert.deepEqual(plain(parseMarkdown(text).children), plain(parseWhole(text).children), name);
  }
  assert.ok(cut > 40, `only ${cut} documents were cut at all`);
});

test('an edit re-parsed against the previous tree equals a fresh parse', () => {
  const files = markdownFiles(CORPUS).slice(0, 20);
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const at = Math.floor(text.length / 2);
    for (const edited of [text.slice(0, at) + 'x\n\n# inserted\n\nmore ' + text.slice(at), text.slice(0, at) + text.slice(at + 40), 'lead\n\n' + text]) {
      // The previous tree is taken over by the re-parse (positions shifted in place): a fresh one per edit.
      const before = parseMarkdown(text, undefined, 0);
      assert.deepEqual(plain(parseMarkdown(edited, before, 0)), plain(parseMarkdown(edited)), path.basename(f));
    }
    // A chain of edits, each re-parsed against the tree of the one before, as the editor does.
    let tree = parseMarkdown(text, undefined, 0);
    let current = text;
    for (const [pos, del, ins] of [[0.1, 0, 'a'], [0.5, 3, ''], [0.9, 0, '\n\n# h\n\n'], [0.2, 10, 'b'], [0.7, 0, 'c']] as const) {
      const i = Math.floor(current.length * pos);
      current = current.slice(0, i) + ins + current.slice(i + del);
      tree = parseMarkdown(current, tree, 0);
      assert.deepEqual(plain(tree), plain(parseMarkdown(current)), `${path.basename(f)} after an edit at ${pos}`);
    }
  }
});

test('link definitions: references in other pieces resolve, and edits that add, rename or drop a definition re-resolve them', () => {
  const section = (i: number) => `# Section ${i}\n\nSee [Grafana] and [the docs][docs ${i % 3}] and ![chart][] here.\n\n${'Prose line that fills the piece. '.repeat(3)}\n`;
  let text = Array.from({ length: 12 }, (_, i) => section(i)).join('\n') + '\n# Links\n\n[grafana]: https://g.invalid\n[Docs 1]: https://d.invalid\n';
  let tree = parseMarkdown(text, undefined, 0);
  assert.deepEqual(plain(tree.children), plain(parseWhole(text).children));
  const refs = (t: typeof tree) => JSON.stringify(t).split('"linkReference"').length - 1;
  assert.equal(refs(tree), 12 + 4, 'every [Grafana] and every [the docs][docs 1] is a reference');
  const edits: [string, string][] = [
    ['[Docs 1]: https://d.invalid', '[Docs 1]: https://d.invalid\n[docs 2]: https://e.invalid'],
    ['[grafana]: https://g.invalid', '[graphana]: https://g.invalid'],
    ['[graphana]: https://g.invalid\n', ''],
    ['# Section 5\n', '# Section 5\n\n[chart]: /c.png\n'],
    ['See [Grafana]', 'See [Grafana]x'],
  ];
  for (const [from, to] of edits) {
    text = text.replace(from, to);
    tree = parseMarkdown(text, tree, 0);
    assert.deepEqual(plain(tree.children), plain(parseWhole(text).children), `after ${JSON.stringify(to)}`);
  }
  assert.ok(chunksOf(text, 0).length > 10, 'a document with definitions is still cut');
});

test('frontMatterSpan finds the front matter block where remark-frontmatter does, without a parse', () => {
  const docs = [...markdownFiles(CORPUS), ...markdownFiles(path.join(REPO, 'test', 'fixtures')), ...markdownFiles(path.join(REPO, 'examples'))].map((f) => fs.readFileSync(f, 'utf8'));
  docs.push(
    ...['---\n---\n', '---\r\na: 1\r\n---  \r\nx', '---\ra: 1\r---', '--- \t\na: 1\n--- x\n---\n', '---\na: 1\n', '---', '---\n', ' ---\na\n---\n', '---\na\n ---\n---\t\n# T', '\ufeff---\na: 1\n---\n', '----\na\n----\n', 'x\n---\na\n---\n', '---\n\n\n---'],
  );
  let found = 0;
  for (const text of docs) {
    const node = parseWhole(text).children[0];
    const want = node?.type === 'yaml' ? { start: node.position!.start.offset!, end: node.position!.end.offset! } : undefined;
    assert.deepEqual(frontMatterSpan(text), want, JSON.stringify(text.slice(0, 120)));
    if (want) found++;
  }
  assert.ok(found > 20, `only ${found} documents had front matter`);
});

test('an edit inside a table row re-parses the row alone, and the tree equals a fresh parse', () => {
  const tables = [...markdownFiles(CORPUS), ...markdownFiles(path.join(REPO, 'examples'))].map((f) => fs.readFileSync(f, 'utf8')).filter((t) => /^\|.*\|\s*$/m.test(t));
  // A long trigger table first, as in the benchmark: the piece it stands in is all table.
  const rows = Array.from({ length: 300 }, (_, i) => `| Error rate over ${i}% [ref] | \`dash\` | ${i % 9} min |`).join('\n');
  tables.unshift(`# R\n\n## Rollback triggers\n\n| Trigger | How observed | Timer budget |\n|:---|---|--:|\n${rows}\nlazy row\n\n[ref]: https://e.com\n\ntext\n`);
  const inserts = ['x', '|', '`', '[ref]', '\\|', ' ', '**b**', '<b>', '[x]', ''];
  const rowsBefore = parseCounts.rows;
  for (const [d, text] of tables.slice(0, 25).entries()) {
    let current = text;
    let tree = parseMarkdown(current);
    const rowLines = () => [...current.matchAll(/^ {0,3}\|[^\n]*\|[ \t]*$/gm)].map((m) => m.index);
    for (let e = 0; e < 12; e++) {
      const starts = rowLines();
      if (!starts.length) break;
      const which = (d * 7 + e * 13) % starts.length;
      const at = starts[which];
      const lineEnd = current.indexOf('\n', at) < 0 ? current.length : current.indexOf('\n', at);
      const pos = at + 1 + ((e * 5) % Math.max(1, lineEnd - at - 2));
      const ins = inserts[e % inserts.length];
      current = ins ? current.slice(0, pos) + ins + current.slice(pos) : current.slice(0, pos) + current.slice(pos + 1);
      const read = parseCounts.characters;
      tree = parseMarkdown(current, tree);
      // In the 300-row table, a body row is parsed under its header: a few hundred characters, not 15,000.
      if (d === 0 && which >= 2) assert.ok(parseCounts.characters - read < 400, `edit ${e} re-parsed ${parseCounts.characters - read} characters`);
      assert.deepEqual(plain(tree), plain(parseMarkdown(current)), `table document ${d}, edit ${e}: ${JSON.stringify(ins)} at ${pos}`);
    }
  }
  assert.ok(parseCounts.rows - rowsBefore > 30, `only ${parseCounts.rows - rowsBefore} edits took the row path`);
});
