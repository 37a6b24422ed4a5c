// Issue 16 at full size: the worst glob within the bounds against adversarial paths, and a
// workspace of 20,000 receipts indexed, then deleted in one didChangeWatchedFiles.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { startServer } from './lsp-bench.mjs';
import { runbook, receipt } from './gen.mjs';

const require = createRequire(import.meta.url);
const picomatch = require('picomatch');

/** Globs at the bounds of model/globs.ts (3 wildcards, 2 globstars), shaped to backtrack. */
const WORST_GLOBS = ['**/*a*ab.md', '*a*a*ab.md', '*a/*a/*ab.md', '**/*a/*a*b.md', '**/a/**/a*b.md', '**/a*/**/*b.md', '**/*?*.md', '**/a/**/**/b.md'];

export function globWorstCase() {
  const seg = 'a'.repeat(255);
  const paths = { 'four 255-character names': `${seg}/${seg}/${seg}/${seg}.md`, '1,500 folders deep': Array(1500).fill('a').join('/') + '/z.md', '700 folders "ab" deep': Array(700).fill('ab').join('/') + '/z.md' };
  let worst = { ms: 0 };
  for (const glob of WORST_GLOBS) {
    const m = picomatch(glob, { dot: true });
    for (const [shape, p] of Object.entries(paths)) {
      m(p);
      const t = performance.now();
      for (let i = 0; i < 3; i++) m(p);
      const ms = (performance.now() - t) / 3;
      if (ms > worst.ms) worst = { ms, glob, shape };
    }
  }
  return worst;
}

export async function indexThenDeleteAll({ serverJs, dir, receipts, today }) {
  const rc = path.join(dir, 'library/raw/rollback-rehearsals');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(rc, { recursive: true });
  const rb = runbook(300, 7);
  fs.writeFileSync(path.join(dir, 'RUNBOOK.md'), rb.text);
  const files = Array.from({ length: receipts }, (_, i) => path.join(rc, `${String(i + 1).padStart(3, '0')}.md`));
  files.forEach((f, i) => fs.writeFileSync(f, receipt(i + 1, rb.triggers, 900 + i)));
  const s = await startServer({ serverJs, root: dir, today });
  const runbookUri = pathToFileURL(path.join(dir, 'RUNBOOK.md')).href;
  await s.ready(path.join(dir, 'RUNBOOK.md'));
  const indexedMs = (await s.indexed()) - s.startedAt;
  await new Promise((r) => setTimeout(r, 500));
  for (const f of files) fs.rmSync(f);
  const t0 = performance.now();
  s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: files.map((f) => ({ uri: pathToFileURL(f).href, type: 3 })) });
  await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: runbookUri } });
  const answeredMs = performance.now() - t0;
  for (let n = -1; n !== s.published.length; ) {
    n = s.published.length;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const settledMs = s.published.at(-1).at - t0;
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return { receipts, indexedMs, answeredMs, settledMs };
}
