// Issue 6, part 2: every regular expression in server/src/model, rules (and helpers)
// and engine, found by reading the sources with the TypeScript parser (so a
// rule added tomorrow is audited too), is run against adversarial 100 KB inputs built
// from long runs of the characters that make regexes backtrack: spaces, digits, pipes,
// asterisks, '<!--', '---', backticks, nested brackets, and pumped pairs of the
// regex's own literal characters. Each regex runs in a worker that is terminated at the
// time limit, so a catastrophic one fails the test instead of hanging it.
// Then whole documents made of the same runs are linted, each within the hang guard.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { Project } from '../../server/src/engine/project';
import { defaultConfig } from '../../server/src/engine/config';
import { MATCH, Matcher } from '../../server/src/model/vocabulary';
import { DURATION_RE } from '../../server/src/model/duration';

const REPO = path.resolve(__dirname, '..', '..');
/**
 * Single regexes: 20 KB by default, so the audit of some 300 regexes x 200 inputs stays under a
 * minute in `npm test`. A quadratic regex already takes ~100x the budget at 20 KB; `npm run fuzz`
 * runs the audit again at 100 KB (REGEX_SIZE=102400).
 */
const REGEX_SIZE = Number(process.env.REGEX_SIZE ?? 20 * 1024);
/**
 * Per regex and input: a linear regex takes well under a millisecond on 20 KB, a quadratic one
 * seconds. Over this, the input is timed again at half the size: the regex fails when twice the
 * input costs more than three times the time (or when it runs so long the worker is killed).
 */
const REGEX_BUDGET_MS = Number(process.env.REGEX_BUDGET_MS ?? (REGEX_SIZE > 50 * 1024 ? 250 : 50));
/** Per document lint: the hang guard of the brief. */
const LINT_BUDGET_MS = Number(process.env.LINT_BUDGET_MS ?? 1000);

interface Found {
  file: string;
  line: number;
  source: string;
  flags: string;
}

/** Every regex literal and `new RegExp(String.raw`...`)` with a constant pattern in the engine and rules. */
export function collectRegexes(): Found[] {
  const out: Found[] = [];
  for (const dir of ['server/src/model', 'server/src/rules', 'server/src/rules/helpers', 'server/src/engine']) {
    for (const name of fs.readdirSync(path.join(REPO, dir)).filter((f) => f.endsWith('.ts')).sort()) {
      const file = path.join(dir, name);
      const text = fs.readFileSync(path.join(REPO, file), 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const consts = new Map<string, string>();
      const evalString = (n: ts.Node): string | undefined => {
        if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
        if (ts.isTaggedTemplateExpression(n) && n.tag.getText() === 'String.raw') {
          const t = n.template;
          if (ts.isNoSubstitutionTemplateLiteral(t)) return t.rawText ?? t.text;
          let s = t.head.rawText ?? t.head.text;
          for (const span of t.templateSpans) {
            const v = consts.get(span.expression.getText());
            if (v === undefined) return undefined;
            s += v + (span.literal.rawText ?? span.literal.text);
          }
          return s;
        }
        if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
          const a = evalString(n.left);
          const b = evalString(n.right);
          return a !== undefined && b !== undefined ? a + b : undefined;
        }
        if (ts.isIdentifier(n)) return consts.get(n.text);
        if (ts.isParenthesizedExpression(n)) return evalString(n.expression);
        return undefined;
      };
      const visit = (n: ts.Node) => {
        if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
          const v = evalString(n.initializer);
          if (v !== undefined) consts.set(n.name.text, v);
        }
        const line = () => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
        if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const lit = n.getText();
          const slash = lit.lastIndexOf('/');
          out.push({ file, line: line(), source: lit.slice(1, slash), flags: lit.slice(slash + 1) });
        } else if (ts.isNewExpression(n) && n.expression.getText() === 'RegExp' && n.arguments?.length) {
          const src = evalString(n.arguments[0]);
          const flags = n.arguments[1] ? evalString(n.arguments[1]) : '';
          if (src !== undefined && flags !== undefined) out.push({ file, line: line(), source: src, flags });
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
  }
  return out;
}

const GENERIC = [' ', '\t', '1', '9', '|', '*', '_', '`', '-', '.', ',', ':', '#', '<!--', '---', '[', ']', '(', '(1', '[a', '1 ', '1.', '1:', 'a ', 'a', 'A', '>', '<', '~', '**', '__', '| ', '|-', '-|', ' |', 'a-', '/', '/a', 'a.', '\\', '"', "'", '=', '+', '%', '\r\n', '\n', '5 min ', 'level ', 'rollback ', 'budget ', 'POST /', 'é', '日本', '😀'];

export function attackStrings(source: string, size: number = REGEX_SIZE): string[] {
  // The regex's own literal letters and symbols, pumped alone and in pairs.
  const own = [...new Set(source.replace(/\\[pPdDwWsSbBnrtux]\{?[\w=]*\}?|\\./g, '').match(/[\p{L}\p{N}]+|[^\p{L}\p{N}\s()[\]{}^$?*+|\\]/gu) ?? [])].slice(0, 24);
  const units = new Set<string>(GENERIC);
  for (const w of own) {
    units.add(w);
    units.add(w + ' ');
  }
  const out: string[] = [];
  for (const u of units) {
    const body = u.repeat(Math.ceil(size / u.length)).slice(0, size);
    out.push(body, 'a' + body + '!');
  }
  for (let i = 0; i + 1 < own.length && i < 12; i++) {
    const u = own[i] + ' ' + own[i + 1] + ' ';
    out.push(u.repeat(Math.ceil(size / u.length)).slice(0, size) + '\u0000');
  }
  return out;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const GENERIC = ${JSON.stringify(GENERIC)};
const REGEX_SIZE = ${REGEX_SIZE};
${attackStrings.toString()}
for (const r of workerData.list) {
  const re = new RegExp(r.source, r.flags.replace(/[gy]/g, ''));
  parentPort.postMessage({ start: r.key });
  const time = (s) => { const t0 = performance.now(); re.lastIndex = 0; re.exec(s); return performance.now() - t0; };
  const best = (s) => Math.min(time(s), time(s), time(s));
  const inputs = attackStrings(r.source, REGEX_SIZE);
  let worst = 0, growth = 0;
  for (let i = 0; i < inputs.length; i++) {
    let ms = time(inputs[i]);
    if (ms > workerData.budget) ms = best(inputs[i]);
    // Slow alone is not a failure on a busy runner; slow and superlinear is.
    if (ms > workerData.budget) growth = Math.max(growth, ms / best(attackStrings(r.source, REGEX_SIZE / 2)[i]));
    worst = Math.max(worst, ms);
  }
  parentPort.postMessage({ done: r.key, ms: worst, growth });
}
`;

function runRegexes(list: (Found & { key: string })[], budget: number): Promise<{ slow: { key: string; ms: number }[]; timings: Map<string, number> }> {
  return new Promise((resolve, reject) => {
    // WORKER embeds attackStrings as tsx compiled it: plain JS.
    const w = new Worker(WORKER, { eval: true, workerData: { list, budget } });
    const timings = new Map<string, number>();
    const slow: { key: string; ms: number }[] = [];
    let current: string | undefined;
    let startedAt = 0;
    const timer = setInterval(() => {
      if (current && performance.now() - startedAt > Math.max(3000, budget * 8)) {
        slow.push({ key: current, ms: Infinity });
        clearInterval(timer);
        void w.terminate();
        const rest = list.slice(list.findIndex((r) => r.key === current) + 1);
        if (rest.length) runRegexes(rest, budget).then((r) => { for (const [k, v] of r.timings) timings.set(k, v); resolve({ slow: [...slow, ...r.slow], timings }); }, reject);
        else resolve({ slow, timings });
      }
    }, 50);
    w.on('message', (m: { start?: string; done?: string; ms?: number; growth?: number }) => {
      if (m.start) {
        current = m.start;
        startedAt = performance.now();
      } else if (m.done) {
        timings.set(m.done, m.ms!);
        if (m.ms! > budget && m.growth! > 3) slow.push({ key: m.done, ms: m.ms! });
        current = undefined;
      }
    });
    w.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    w.on('exit', () => {
      clearInterval(timer);
      if (!current) resolve({ slow, timings });
    });
  });
}

/**
 * Regexes that are superlinear on 100 KB but only ever see bounded input. Each entry names
 * the guard; when the guard goes, the entry must go too (the test then fails loudly).
 */
const BOUNDED: { file: string; includes: string; guard: RegExp; why: string }[] = [
  {
    file: 'server/src/model/triggers.ts',
    includes: String.raw`\b(?:not|don'?t|never|avoid)\b.*(?:roll|revert)`,
    guard: /t\.length < 80 && \/\\b\(\?:not\|don/,
    why: 'isNegativeLabel tests it only on labels shorter than 80 characters',
  },
];

/** The matchers compiled from the vocabulary tables (issue 11): data, so the source walk does not see them. */
function vocabularyRegexes(): Found[] {
  const out: Found[] = [];
  const add = (name: string, re: RegExp) => out.push({ file: `server/src/model/vocabulary (${name})`, line: 0, source: re.source, flags: re.flags });
  for (const [name, v] of Object.entries(MATCH)) {
    if (v instanceof Matcher) add(name, v.regex);
    else for (const [part, m] of Object.entries(v)) add(`${name}.${part}`, m.regex);
  }
  add('durations, units from every language', DURATION_RE);
  return out;
}

test('every regex in the engine and the rules is linear on adversarial inputs', async () => {
  const found = [...collectRegexes(), ...vocabularyRegexes()];
  assert.ok(found.length > 100, `found only ${found.length} regexes: is the source walk broken?`);
  const bounded = (f: Found) =>
    BOUNDED.some((b) => b.file === f.file && f.source.includes(b.includes) && b.guard.test(fs.readFileSync(path.join(REPO, f.file), 'utf8')));
  const list = found.filter((f) => !bounded(f)).map((f) => ({ ...f, key: `${f.file}:${f.line} /${f.source}/${f.flags}` }));
  const { slow, timings } = await runRegexes(list, REGEX_BUDGET_MS);
  if (process.env.REGEX_REPORT) {
    const top = [...timings].sort((a, b) => b[1] - a[1]).slice(0, 10);
    console.log(`${list.length} regexes audited; slowest:\n${top.map(([k, v]) => `  ${v.toFixed(0)} ms ${k}`).join('\n')}`);
  }
  assert.deepEqual(slow.map((s) => `${s.key} (${Number.isFinite(s.ms) ? s.ms.toFixed(0) + ' ms' : 'killed'})`), []);
});

// ---------------------------------------------------------------------------------------
// Whole documents: the same runs placed where each extractor looks (heading, trigger list
// item, trigger table cell, census cell, paragraph, front matter value, fence), linted as a
// runbook and as a receipt with a runbook beside it.

const RUNS: [string, string][] = [
  ['spaces', ' '], ['digits', '1'], ['pipes', '|'], ['asterisks', '*'], ['comment opens', '<!--'], ['dashes', '---'],
  ['backticks', '`'], ['nested brackets', '[('], ['digit-space', '1 '], ['digit-dot', '1.'], ['colons', '1:'], ['words', 'a '],
  ['budget words', 'budget '], ['durations', '5 min '], ['levels', 'level '], ['paths', 'POST /a'], ['angles', '<'], ['braces', '{'],
  ['tabs', '\t'], ['underscores', '_'], ['percent', '1%'], ['observed', 'observed via '], ['dots', '.'], ['slashes', '/'],
];

function run(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Whole documents in `npm test`: 20 KB each (the ~200 documents at 100 KB take minutes); `npm run fuzz` uses 100 KB. */
const DOC_SIZE = Number(process.env.DOC_SIZE ?? 20 * 1024);

export function adversarialDocuments(size = DOC_SIZE - 200): [string, string][] {
  const docs: [string, string][] = [];
  for (const [name, unit] of RUNS) {
    const r = run(unit, size);
    docs.push(
      [`${name}: one 100 KB line`, r],
      [`${name}: heading`, `# Runbook\n\n## Rollback triggers ${r}x\n`],
      [`${name}: trigger list item`, `# R\n\n## Rollback triggers\n\n- 5xx ${r}x: dashboard, budget 5 min\n`],
      [`${name}: trigger table cell`, `# R\n\n## Rollback triggers\n\n| Trigger | How observed | Timer budget |\n|---|---|---|\n| a ${r}x | b | ${r.slice(0, 2000)} |\n`],
      [`${name}: census cell`, `# R\n\n## Side-effect census\n\n| Endpoint | Side effect | Compensating action |\n|---|---|---|\n| POST /${r} | email | ${r}x |\n`],
      [`${name}: rollback paragraph`, `# R\n\n## Rollback\n\nPrimary: ${r} rollback level ${r}x\n`],
      [`${name}: front matter value`, `---\nrehearsal: 1\ntrigger: ${JSON.stringify(r)}\nreceipt: ${JSON.stringify(r.slice(0, 60000))}\n---\n## Commands run\n\n\`\`\`\n${r}\n\`\`\`\n## Timeline\n\n- 14:02 ${r}\n`],
      [`${name}: lines`, run(unit + '\n', size)],
    );
  }
  docs.push(['100 KB of nested lists', Array.from({ length: Math.ceil(size / 10) }, (_, i) => ' '.repeat(i % 40) + '- x').join('\n')]);
  docs.push(['deep blockquote', '>'.repeat(size) + ' x']);
  docs.push(['unclosed comments', '<!-- runbook-lint-disable RB001 '.repeat(size / 32)]);
  docs.push(['brackets nested 50k', '['.repeat(size / 2) + ']'.repeat(size / 2)]);
  docs.push(['closing brackets', ']'.repeat(size)]);
  return docs;
}

const RUNBOOK = '/w/RUNBOOK.md';
const RECEIPT = '/w/library/raw/rollback-rehearsals/001.md';
const SMALL_RUNBOOK = '# R\n\n## Rollback triggers\n\n| Trigger | How observed | Timer budget |\n|---|---|---|\n| Smoke test fails | pipeline | 5 min |\n';
const SMALL_RECEIPT = '---\nrehearsal: 1\ntrigger: Smoke test fails\n---\n## Commands run\n';

export function lintBoth(text: string): { ms: number; findings: number } {
  const config = defaultConfig('/w');
  let ms = 0;
  let findings = 0;
  for (const asReceipt of [false, true]) {
    const project = new Project({ today: () => '2026-06-01', configFor: () => config });
    project.set(RUNBOOK, asReceipt ? SMALL_RUNBOOK : text, 'runbook');
    project.set(RECEIPT, asReceipt ? text : SMALL_RECEIPT, 'receipt');
    const t0 = performance.now();
    const out = project.lint(asReceipt ? RECEIPT : RUNBOOK);
    ms = Math.max(ms, performance.now() - t0);
    findings += out.length;
    const crashed = out.filter((f) => /could not check this file/.test(f.message));
    assert.deepEqual(crashed.map((f) => f.message), [], 'a rule threw');
  }
  return { ms, findings };
}

/**
 * The hang guard is a growth test, not a time limit: a case fails only when linting it is
 * slow (over one second, or four times a plain document of prose of the same size on this
 * machine right now, best of three) *and* the time grows faster than the text: twice the
 * text costing more than three times the time. Linear work doubles (a busy two-core
 * runner can make it slow, never superlinear); a quadratic path quadruples and a
 * catastrophic regex explodes.
 */
function slowThreshold(size: number): number {
  const prose = run('The rollback takes five minutes from decision to recovered. ', size);
  const base = Math.min(...[0, 1, 2].map(() => lintBoth(`# R\n\n${prose}\n`).ms));
  return Math.max(LINT_BUDGET_MS, 4 * base);
}

function bestOf3(text: string): number {
  return Math.min(...[0, 1, 2].map(() => lintBoth(text).ms));
}

test('adversarial documents (100 KB with DOC_SIZE=102400) lint in time linear in their size, as runbook and as receipt', () => {
  const size = DOC_SIZE - 200;
  const limit = slowThreshold(size);
  const halves = new Map(adversarialDocuments(Math.floor(size / 2)));
  const superlinear: string[] = [];
  for (const [name, text] of adversarialDocuments(size)) {
    let full = lintBoth(text).ms;
    if (full <= limit) continue;
    full = Math.min(full, bestOf3(text));
    if (full <= limit) continue;
    const half = bestOf3(halves.get(name)!);
    if (full / half > 3) superlinear.push(`${name}: ${full.toFixed(0)} ms, ${(full / half).toFixed(1)}x the half-size document (${half.toFixed(0)} ms)`);
  }
  assert.deepEqual(superlinear, []);
});

// Single long lines that were quadratic in the model or the parser (issue 12, item 10):
// timed at N and 4N characters, a case fails when 4x the text costs over 8x the time
// (linear is 4x, quadratic 16x) and the long one is not trivially fast.
const LONG_LINES: [string, (n: number) => string][] = [
  ['`*a*a*a…` (emphasis delimiters the parser pairs)', (n) => `# R\n\n${'*a'.repeat(n / 2)}\n`],
  ['`a*a*…`', (n) => `# R\n\n${'a*'.repeat(n / 2)}\n`],
  ['a list trigger ending "(5m", spaces, "x"', (n) => `# R\n\n## Rollback triggers\n\n- error rate (5m${' '.repeat(n)}x\n`],
  ['a list trigger "**Label**", spaces, "x"', (n) => `# R\n\n## Rollback triggers\n\n- **Label**${' '.repeat(n)}x\n`],
  ['a heading, spaces, hashes, "x"', (n) => `# R${' '.repeat(n / 2)}${'#'.repeat(n / 2)}x\n\n## Rollback triggers ${'5 min '.repeat(n / 6)}\n`],
  ['a duration sign, spaces', (n) => `# R\n\n## Rollback triggers\n\n- x: budget <${' '.repeat(n)}=\n`],
];

test('single long lines lint in time linear in their length', () => {
  const superlinear: string[] = [];
  for (const [name, make] of LONG_LINES) {
    const short = bestOf3(make(5_000));
    const long = bestOf3(make(20_000));
    if (long > 50 && long / Math.max(short, 1) > 8) superlinear.push(`${name}: ${short.toFixed(0)} ms at 5,000 characters, ${long.toFixed(0)} ms at 20,000`);
  }
  assert.deepEqual(superlinear, []);
});

// RR008's "did you mean" search met every trigger name with every unknown receipt trigger:
// 10 receipts against 4,000 long names took 35 s (issue 12, item 11), a hundred times the
// lint of the runbook itself. Measured against that floor, on the same machine, now.
test("RR008's closest-trigger search costs no more than a few lints of the runbook", () => {
  const config = defaultConfig('/w');
  const names = Array.from({ length: 4000 }, (_, i) => `checkout latency payment queue replica timeout gateway ledger webhook ${i} rate over ${i}% for five minutes`);
  const text = `# R\n\n## Rollback triggers\n\n| Trigger | How observed | Timer budget |\n|---|---|---|\n${names.map((x) => `| ${x} | dashboard | 5 min |`).join('\n')}\n`;
  const runbookLint = Math.min(...[0, 1].map(() => {
    const fresh = new Project({ today: () => '2026-06-01', configFor: () => config });
    fresh.set(RUNBOOK, text, 'runbook');
    const t0 = performance.now();
    fresh.lint(RUNBOOK);
    return performance.now() - t0;
  }));
  const project = new Project({ today: () => '2026-06-01', configFor: () => config });
  project.set(RUNBOOK, text, 'runbook');
  const receipts = Array.from({ length: 10 }, (_, i) => `/w/library/raw/rollback-rehearsals/${String(i + 1).padStart(3, '0')}.md`);
  receipts.forEach((f, i) => project.set(f, `---\nrehearsal: ${i + 1}\ntrigger: unknown words that match nothing at all ${i} ${'and more words '.repeat(6)}\n---\n## Commands run\n`, 'receipt'));
  project.lint(RUNBOOK);
  const t0 = performance.now();
  for (const f of receipts) project.lint(f);
  const search = performance.now() - t0;
  assert.ok(search <= 3 * runbookLint, `10 receipts: ${search.toFixed(0)} ms; the 4,000-trigger runbook itself: ${runbookLint.toFixed(0)} ms`);
});
