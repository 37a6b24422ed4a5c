// Issue 6, part 1: any input, no crash, no hang. Property tests (fast-check) on the engine:
// arbitrary Unicode, Markdown-shaped documents, and mutations of the 60 real runbooks in
// ../shared/corpus/real. Each text is linted as a runbook and as a receipt (with a
// RUNBOOK.md beside it in the same Project, so the cross-file rules run too).
//
// Properties: lint never throws; no rule throws (the engine turns that into a "could not
// check this file" finding: still a bug); every span and fix edit lies inside the document;
// every fix applies cleanly and the result lints again without error; no document of
// <= 100 KB takes over the hang guard (1 s).
//
// Cases: FUZZ_RUNS per property (default 400: the whole file runs in well under 40 s on
// two cores). `npm run fuzz -- 100000` (scripts/fuzz.mjs) runs as many as asked.
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Project } from '../../server/src/engine/project';
import { defaultConfig } from '../../server/src/engine/config';
import { applyEdits } from '../../server/src/model/text';
import { parseMarkdown, parseWhole } from '../../server/src/model/markdown';
import { frontMatterSpan } from '../../server/src/model/chunks';
import type { Finding } from '../../server/src/model/types';

const REPO = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus', 'real');
/** Cases per property: six take FUZZ_RUNS, the corpus mutations a tenth (large documents). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const HANG_MS = Number(process.env.FUZZ_HANG_MS ?? 1000);

/**
 * The hang guard: one second, or three times what this machine takes right now to lint a
 * plain 100 KB runbook (a loaded CI runner is slower; a hang is slower by orders of
 * magnitude). Re-measured every 200 cases, so a burst of load does not fail a case.
 */
let calibratedAt = -Infinity;
let guard = HANG_MS;
let cases = 0;
function hangGuard(): number {
  if (cases - calibratedAt >= 200) {
    calibratedAt = cases;
    const prose = `# R\n\n${'The rollback takes five minutes from decision to recovered. '.repeat(1700)}\n`;
    const p = new Project({ today: () => TODAY, configFor: () => config });
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      p.set(RUNBOOK, prose + i, 'runbook');
      const t0 = performance.now();
      p.lint(RUNBOOK);
      best = Math.min(best, performance.now() - t0);
    }
    guard = Math.max(HANG_MS, 3 * best);
  }
  return guard;
}
const TODAY = '2026-06-01';

const ROOT = '/w';
const RUNBOOK = `${ROOT}/RUNBOOK.md`;
const RECEIPT = `${ROOT}/library/raw/rollback-rehearsals/001.md`;
const SIBLING = `${ROOT}/library/raw/rollback-rehearsals/002.md`;
const config = defaultConfig(ROOT);

const COMPANION_RUNBOOK = `# Runbook: checkout-api

## Release brief
- Rollback level: 2 (deploy rollback)
- Confirmed time: 4 minutes from decision to recovered

## Rollback triggers
| Trigger | How observed | Timer budget |
|---|---|---|
| 5xx rate > 5% for 2 minutes post-deploy | dashboard or smoke test | 5 min |
| Smoke test fails in pipeline | pipeline red on deploy job | 3 min |

## Rollback
Primary: redeploy the previous image tag through the pipeline.

## Side-effect census
| Endpoint | Side effect | Compensating action |
|---|---|---|
| POST /api/orders | confirmation email | send correction email |
`;
const COMPANION_RECEIPT = `---
rehearsal: 2
date: 2026-05-03
environment: staging
trigger: Smoke test fails in pipeline
path: pipeline
observed_at: 2026-05-03T14:02
recovered_at: 2026-05-03T14:06
total_minutes: 4
receipt: 3f2a9c1
witness: Sam
rollback_level: 2
---
## Commands run
\`\`\`sh
gh workflow run deploy.yml -f image_tag=v1.2.2
\`\`\`
## Timeline
- 14:02 smoke test red
- 14:06 smoke test green
## Gaps discovered
- none
## Compensating actions
- none needed
`;

export interface Failure {
  kind: 'runbook' | 'receipt';
  problem: string;
}

// One long-lived project per kind: the companions' models stay cached, only the fuzzed
// file is replaced (as in the editor, where one file changes and the others stay).
const projects = new Map<'runbook' | 'receipt', Project>();
function project(text: string, kind: 'runbook' | 'receipt'): Project {
  let p = projects.get(kind);
  if (!p) {
    p = new Project({ today: () => TODAY, configFor: () => config, log: () => undefined });
    if (kind === 'runbook') p.set(SIBLING, COMPANION_RECEIPT, 'receipt');
    else {
      p.set(RUNBOOK, COMPANION_RUNBOOK, 'runbook');
      p.set(SIBLING, COMPANION_RECEIPT, 'receipt');
    }
    projects.set(kind, p);
  }
  p.set(kind === 'runbook' ? RUNBOOK : RECEIPT, text, kind);
  return p;
}

function checkFindings(findings: Finding[], text: string, file: string, where: string): string | undefined {
  for (const f of findings) {
    if (/could not check this file/.test(f.message)) return `${where}: ${f.ruleId} threw: ${f.message}`;
    if (f.file !== file) return `${where}: ${f.ruleId} reported on another file ${f.file}`;
    const s = f.span;
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length)) {
      return `${where}: ${f.ruleId} span ${s.start}-${s.end} outside the document (length ${text.length})`;
    }
    for (const e of f.fix?.edits ?? []) {
      if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= text.length && typeof e.newText === 'string')) {
        return `${where}: ${f.ruleId} fix edit ${e.start}-${e.end} outside the document (length ${text.length})`;
      }
    }
    if (f.fix?.createFile && !path.isAbsolute(f.fix.createFile.path)) return `${where}: ${f.ruleId} createFile path is not absolute`;
  }
  return undefined;
}

/** Lint as one kind; apply every fix, one finding at a time and all together; lint again. */
export function checkAs(text: string, kind: 'runbook' | 'receipt'): string | undefined {
  const file = kind === 'runbook' ? RUNBOOK : RECEIPT;
  const p = project(text, kind);
  const t0 = performance.now();
  let findings: Finding[];
  try {
    findings = p.lint(file);
  } catch (e) {
    return `${kind}: lint threw ${(e as Error).stack}`;
  }
  const ms = performance.now() - t0;
  cases++;
  if (text.length <= 100 * 1024 && ms > hangGuard()) {
    // Timing, not a crash: measure once more before calling it a hang.
    const t1 = performance.now();
    project(text, kind).lint(file);
    const again = performance.now() - t1;
    if (again > hangGuard()) return `${kind}: took ${ms.toFixed(0)} ms then ${again.toFixed(0)} ms (guard ${guard.toFixed(0)} ms)`;
  }
  const bad = checkFindings(findings, text, file, kind);
  if (bad) return bad;
  const fixes = findings.filter((f) => f.fix?.edits?.length);
  // All fixes together (as --fix does), and the first one alone (as a code action does).
  const attempts = fixes.length ? [fixes.flatMap((f) => f.fix!.edits!), fixes[0].fix!.edits!] : [];
  for (const edits of attempts) {
    let fixed: string;
    try {
      fixed = applyEdits(text, edits);
    } catch (e) {
      return `${kind}: applyEdits threw ${(e as Error).message}`;
    }
    const q = project(fixed, kind);
    let again: Finding[];
    try {
      again = q.lint(file);
    } catch (e) {
      return `${kind}: lint after fix threw ${(e as Error).stack}`;
    }
    const bad2 = checkFindings(again, fixed, file, `${kind} after fix`);
    if (bad2) return bad2;
  }
  // The companion files must not be broken by this one either (cross-file rules).
  project(text, kind);
  for (const other of p.files().filter((f) => f !== file)) {
    const bad3 = checkFindings(p.lint(other), p.textOf(other)!, other, `${kind} (companion ${path.basename(other)})`);
    if (bad3) return bad3;
  }
  return undefined;
}

export function checkText(text: string): void {
  for (const kind of ['runbook', 'receipt'] as const) {
    const problem = checkAs(text, kind);
    if (problem) throw new Error(`${problem}\n--- text (${text.length} chars) ---\n${JSON.stringify(text.slice(0, 2000))}`);
  }
}

// ---------------------------------------------------------------------------------------
// Generators

const word = fc.constantFrom(
  'rollback', 'Rollback', 'trigger', 'triggers', 'budget', 'timer', '5 min', '5m', '90s', '1.5 h', '00:05', '~5m', '<5 min', '≤ 5 min', 'within 5 minutes',
  '5+ minutes', '5-10 min', '2–3 minutes', 'ASAP', 'TBD', 'soon', '> 5%', '>= 0.05', '≥ 10 minutes', 'above 1%', '2x baseline', '1.5× normal', '+20%', '> 3/min',
  'p99 > 800ms', 'for 2 minutes', 'dashboard', 'smoke test', 'pipeline', 'console', 'git revert', 'kubectl rollout undo', 'helm rollback', 'level 2', 'Level 4',
  'data corruption', 'do not roll back', 'data correction', 'POST /api/orders', 'email', 'webhook', 'refund', 'compensating', 'census', 'side effect', 'migration',
  'db:rollback', 'drain traffic', 'Primary:', 'Fallback:', 'confirmed time', 'rehearsed', '<REVISION>', '$SERVICE', 'YYYY-MM-DD', 'HH:MM', '14:02', '2026-05-03',
  '3f2a9c1', 'https://ci.example.com/runs/42', 'runbook-lint-disable', 'runbook-lint-enable', 'runbook-lint-disable-next-line RB005', '|', '**', '__', '`', '~~~',
  '```', '<!--', '-->', '[', ']', '(', ')', '{', '}', ':', '---', '#', '>', '\\', '\t', '\r', '\r\n', '\u0000', '\uFEFF', '\u200D', '😀', '🚨', '日本語', 'العربية',
  'ロールバック', 'لا', '\uD800', '\uDFFF', 'e\u0301', ' ', '  ', '    ',
);
const phrase = fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 8 }).map((ws) => ws.join(' '));
const eol = fc.constantFrom('\n', '\r\n', '\r', '\n\n');

const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('', '1. ', '2) ', 'Step 3: ', '🚨 ', '**', 'IV. '), fc.constantFrom('Rollback triggers', 'When to roll back', 'Abort criteria', 'Rollback', 'Side-effect census', 'Release brief', 'Decision', 'Commands run', 'Timeline', 'Gaps discovered', 'Compensating actions', 'Rollback criteria (< 5 minutes decision)'), phrase)
  .map(([d, pre, t, tail]) => `${'#'.repeat(d)} ${pre}${t}${pre === '**' ? '**' : ''} ${tail}`);

const tableRow = fc.array(phrase, { minLength: 0, maxLength: 6 }).map((cells) => `| ${cells.join(' | ')} |`);
const table = fc
  .tuple(fc.array(fc.constantFrom('Trigger', 'How observed', 'Timer budget', 'Endpoint', 'Side effect', 'Compensating action', 'Notes', ''), { minLength: 1, maxLength: 5 }), fc.array(tableRow, { maxLength: 6 }), fc.boolean(), fc.boolean())
  .map(([head, rows, delim, leading]) => {
    const h = leading ? `| ${head.join(' | ')} |` : head.join(' | ');
    const d = delim ? `|${head.map(() => '---').join('|')}|` : `|${head.map(() => ':-:').join('|')}`;
    return [h, d, ...rows].join('\n');
  });

const listItem = fc
  .tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] ', '  - ', '    - ', '      1. ', '> - '), fc.constantFrom('', '**Immediate rollback if:** ', '**System down**: '), phrase)
  .map(([b, label, t]) => `${b}${label}${t}`);
const list = fc.array(listItem, { minLength: 1, maxLength: 8 }).map((items) => items.join('\n'));

const yamlValue = fc.oneof(
  phrase,
  fc.constantFrom('1', '-1', '1e309', '0x1F', '.nan', 'null', '~', 'true', 'yes', '2026-05-03', '2026-05-03T14:02', '2026-13-45T99:99', '"unclosed', "'x'", '[a, b', '{a: 1}', '&a x', '*a', '!!binary aGVsbG8=', '!!js/function x', '|\n  block', '>-\n  folded', '\t- tab', '? complex', '<<: *a'),
  fc.string({ maxLength: 20 }),
);
const yamlKey = fc.oneof(fc.constantFrom('rehearsal', 'date', 'environment', 'trigger', 'path', 'observed_at', 'recovered_at', 'total_minutes', 'receipt', 'witness', 'recording', 'rollback_level', 'runbook', 'budget_minutes', 'notes'), fc.string({ maxLength: 10 }));
const frontMatter = fc
  .tuple(fc.array(fc.tuple(yamlKey, yamlValue), { maxLength: 12 }), fc.constantFrom('---', '---   ', '+++', '--- x'), fc.constantFrom('---', '...', '', '----'))
  .map(([pairs, open, close]) => [open, ...pairs.map(([k, v]) => `${k}: ${v}`), close].join('\n'));

const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '```sh', '``` bash', '~~~yaml'), fc.array(phrase, { maxLength: 4 }), fc.constantFrom('```', '~~~', '', '``'))
  .map(([open, body, close]) => [open, ...body, close].join('\n'));
const html = fc
  .tuple(fc.constantFrom('<table><tr><td>', '<details><summary>', '<!-- ', '<div>', '<br>', '<img src=x onerror=alert(1)>', '<script>', '<!-- runbook-lint-disable -->', '<?xml', '<![CDATA['), phrase, fc.constantFrom('</td></tr></table>', '</details>', ' -->', '</div>', '', '</script>', ']]>'))
  .map(([a, b, c]) => `${a}${b}${c}`);
const block = fc.oneof(heading, table, list, fence, html, phrase, fc.constantFrom('---', '***', '', '>', '> quote', '    indented code', '[link]: http://x', '[^1]: note'));
const markdownDoc = fc
  .tuple(fc.option(frontMatter, { nil: undefined }), fc.array(fc.tuple(block, eol), { maxLength: 24 }), fc.constantFrom('', '\uFEFF'))
  .map(([fm, blocks, bom]) => bom + (fm ? fm + '\n' : '') + blocks.map(([b, e]) => b + e).join(''));

// Mutations of the real corpus.
const corpus: string[] = fs.existsSync(CORPUS)
  ? fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort().map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'))
  : [];
type Mutation = (t: string, a: number, b: number) => string;
const MUTATIONS: Record<string, Mutation> = {
  truncate: (t, a) => t.slice(0, Math.floor(a * t.length)),
  truncateStart: (t, a) => t.slice(Math.floor(a * t.length)),
  flipChar: (t, a, b) => {
    const i = Math.floor(a * t.length);
    return t.slice(0, i) + String.fromCharCode(Math.floor(b * 0x10000)) + t.slice(i + 1);
  },
  flipByte: (t, a, b) => {
    const buf = Buffer.from(t, 'utf8');
    if (!buf.length) return t;
    const i = Math.floor(a * buf.length);
    buf[i] ^= 1 << Math.floor(b * 8);
    return buf.toString('utf8');
  },
  duplicateLine: (t, a, b) => {
    const lines = t.split('\n');
    const i = Math.floor(a * lines.length);
    const n = 1 + Math.floor(b * 5);
    lines.splice(i, 0, ...Array(n).fill(lines[i] ?? ''));
    return lines.join('\n');
  },
  deleteLines: (t, a, b) => {
    const lines = t.split('\n');
    const i = Math.floor(a * lines.length);
    lines.splice(i, 1 + Math.floor(b * 10));
    return lines.join('\n');
  },
  swapLines: (t, a, b) => {
    const lines = t.split('\n');
    const i = Math.floor(a * lines.length);
    const j = Math.floor(b * lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  },
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  mixedEol: (t, a) => {
    let k = Math.floor(a * 1000);
    return t.replace(/\n/g, () => ['\n', '\r\n', '\r'][k++ % 3]);
  },
  cr: (t) => t.replace(/\n/g, '\r'),
  bom: (t) => '\uFEFF' + t,
  insertNul: (t, a) => {
    const i = Math.floor(a * t.length);
    return t.slice(0, i) + '\u0000\u0000' + t.slice(i);
  },
  cutInsideFence: (t) => {
    const i = t.indexOf('```');
    return i >= 0 ? t.slice(0, i + 10) : t + '\n```sh\nkubectl rollout undo';
  },
  prependFrontMatter: (t, a) => (a < 0.5 ? '---\nrehearsal: 1\ntrigger: "unclosed\n---\n' : '---\n\tbad: tab\nkey: 1\nkey: 2\n---\n') + t,
  tabs: (t) => t.replace(/ {2}/g, '\t'),
  stripBlankLines: (t) => t.replace(/\n\s*\n/g, '\n'),
};
const corpusDoc = corpus.length
  ? fc
      .tuple(fc.integer({ min: 0, max: corpus.length - 1 }), fc.array(fc.tuple(fc.constantFrom(...Object.keys(MUTATIONS)), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 4 }))
      .map(([i, muts]) => muts.reduce((t, [m, a, b]) => MUTATIONS[m](t, Math.min(a, 0.999999), Math.min(b, 0.999999)), corpus[i]))
  : fc.constant('');

// ---------------------------------------------------------------------------------------
// Properties

const params = (runs: number) => ({ numRuns: runs, seed: SEED, endOnFailure: true });

test('fuzz: arbitrary Unicode text', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (t) => checkText(t)), params(RUNS));
});

test('fuzz: arbitrary Unicode lines with Markdown punctuation', () => {
  const punct = fc.string({ unit: fc.constantFrom('#', '|', '-', '*', '`', '>', '[', ']', '(', ')', ':', ' ', '\n', '\r', '\t', '<', '!', '_', '~', '1', '5', 'm', 'a', '\u0000', '😀'), maxLength: 300 });
  fc.assert(fc.property(punct, (t) => checkText(t)), params(RUNS));
});

test('fuzz: Markdown-shaped documents (tables, lists, front matter, fences, HTML)', () => {
  fc.assert(fc.property(markdownDoc, (t) => checkText(t)), params(RUNS));
});

// The parse cut at headings (issue 5: an edit re-parses only its piece) must be the whole parse.
const sameTree = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/**
 * Minimum piece 0: cut at every point chunks.ts allows (the engine's 2 KB minimum would leave
 * these short documents whole). The cut parse of `t` is its whole parse; after the edit, the
 * re-parse against the old tree is a fresh parse, and that is the whole parse.
 */
function editAgrees([t, at, del, ins]: [string, number, number, string]): boolean {
  const cut = parseMarkdown(t, undefined, 0);
  if (!sameTree(cut.children, parseWhole(t).children)) return false;
  const i = Math.floor(Math.min(at, 0.999) * t.length);
  const t2 = t.slice(0, i) + ins + t.slice(i + del);
  const fresh = parseMarkdown(t2, undefined, 0);
  return sameTree(parseMarkdown(t2, cut, 0), fresh) && sameTree(fresh.children, parseWhole(t2).children);
}
const editedDoc = fc.tuple(fc.oneof(markdownDoc, fc.string({ unit: fc.constantFrom('#', ' ', '\n', '`', '~', '<', '!', '-', '>', '[', ']', ':', 'a', '\r'), maxLength: 200 })), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(20), fc.oneof(block, fc.constantFrom('\n\n# h\n\n', '```', '\n```\n', '<!--', '-->', '\n')));

test('fuzz: the cut parse equals the whole parse, and an edit re-parsed against the old tree equals a fresh parse', () => {
  fc.assert(fc.property(editedDoc, editAgrees), params(RUNS));
});

// Link definitions are document-wide (issue 13): a piece is parsed knowing the labels defined
// in the others. Labels in every case and spacing, references of every kind, definitions in
// lists and quotes, and edits that add, remove or rename a definition.
const label = fc.constantFrom('docs', 'Docs', 'DOCS', 'run book', 'Run  Book', 'run\nbook', 'ß', 'SS', 'grafana', 'ĳ', 'Σ');
const definitionBlock = label.map((l) => `[${l}]: https://example.invalid/${l.length}`);
const referenceBlock = fc.tuple(label, fc.constantFrom('[%]', '[text][%]', '[%][]', '![%]', '![alt][%]', '- see [%]', '> [%]', '| [%] | 5 min |')).map(([l, f]) => f.replace('%', l));
const definedDoc = fc
  .array(fc.tuple(fc.oneof(definitionBlock, referenceBlock, referenceBlock, heading, block, fc.constantFrom('- [x]: http://y', '> [docs]: http://z', '```\n[docs]: x\n```')), fc.constantFrom('\n\n', '\n', '\n\n# H\n\n')), { maxLength: 24 })
  .map((blocks) => blocks.map(([b, e]) => b + e).join(''));
const definitionEdit = fc.tuple(definedDoc, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(30), fc.oneof(definitionBlock.map((d) => `\n\n${d}\n\n`), referenceBlock, fc.constantFrom('[', ']', ':', '\n\n# h\n\n', 'x')));

test('fuzz: with link definitions, the cut parse and an edit re-parsed against the old tree equal a whole parse', () => {
  fc.assert(fc.property(definitionEdit, editAgrees), params(RUNS));
});

test('fuzz: frontMatterSpan agrees with the parsed tree', () => {
  const fmDoc = fc.tuple(fc.constantFrom('', '\uFEFF', ' '), fc.constantFrom('---', '--- ', '---\t', '----', '--'), eol, fc.array(fc.tuple(fc.oneof(fc.constantFrom('---', '--- ', ' ---', '---x', 'a: 1', ''), phrase), eol), { maxLength: 6 }), fc.option(block)).map(
    ([bom, open, e, lines, tail]) => bom + open + e + lines.map(([l, le]) => l + le).join('') + (tail ?? ''),
  );
  fc.assert(
    fc.property(fc.oneof(fmDoc, markdownDoc), (t) => {
      const node = parseWhole(t).children[0];
      const want = node?.type === 'yaml' ? { start: node.position!.start.offset!, end: node.position!.end.offset! } : undefined;
      return JSON.stringify(frontMatterSpan(t)) === JSON.stringify(want);
    }),
    params(RUNS),
  );
});

test('fuzz: receipt-shaped documents (random front matter keys and values)', () => {
  const receipt = fc.tuple(frontMatter, fc.array(fc.tuple(block, eol), { maxLength: 10 })).map(([fm, blocks]) => fm + '\n' + blocks.map(([b, e]) => b + e).join(''));
  fc.assert(fc.property(receipt, (t) => checkText(t)), params(RUNS));
});

test('fuzz: mutations of the real corpus', { skip: corpus.length === 0 ? `no corpus at ${CORPUS}` : false }, () => {
  // A corpus document is up to 150 KB, 50x a generated one: a tenth of the runs.
  fc.assert(fc.property(corpusDoc, (t) => checkText(t)), params(Math.max(10, Math.ceil(RUNS / 10))));
});

test('fuzz: unmutated corpus files, as runbook and as receipt', { skip: corpus.length === 0 }, () => {
  // Every file on a long run; every sixth by default (test/unit/corpus.test.ts lints them all).
  corpus.filter((_, i) => RUNS >= 1000 || i % 6 === 0).forEach((t) => checkText(t));
});

test('fuzz: concatenations of corpus fragments and generated blocks', { skip: corpus.length === 0 }, () => {
  const fragment = fc.tuple(fc.integer({ min: 0, max: corpus.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 3000 })).map(([i, a, n]) => {
    const t = corpus[i];
    const s = Math.floor(Math.min(a, 0.999) * t.length);
    return t.slice(s, s + n);
  });
  const doc = fc.array(fc.oneof(fragment, block), { maxLength: 8 }).map((parts) => parts.join('\n'));
  fc.assert(fc.property(doc, (t) => checkText(t)), params(RUNS));
});
