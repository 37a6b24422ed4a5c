#!/usr/bin/env node
// The example workspace inside a repository of its own, with a history: a throwaway git
// repository in a temp dir (fixed authors and dates, so the SHAs are the same everywhere),
// then `runbook-lint` on it. Shows RB024 (the rollback path changed since the newest
// rehearsal) and RR016 (a receipt SHA the repository never had). README.md quotes the output.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(mkdtempSync(join(tmpdir(), 'runbook-example-')), 'checkout-api');
cpSync(join(repo, 'examples', 'checkout-api'), dir, { recursive: true });

const env = { ...process.env, GIT_AUTHOR_NAME: 'Sam', GIT_AUTHOR_EMAIL: 'sam@example.com', GIT_COMMITTER_NAME: 'Sam', GIT_COMMITTER_EMAIL: 'sam@example.com', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (args, date) => execFileSync('git', args, { cwd: dir, env: date ? { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : env, stdio: ['ignore', 'pipe', 'pipe'] });
const commit = (message, date, files = {}) => {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  git(['add', '-A']);
  git(['commit', '-q', '-m', message], date);
};

try {
  git(['init', '-q', '-b', 'main']);
  commit('checkout-api: runbook and rehearsal receipts', '2026-04-28T09:00:00+00:00', { '.github/workflows/deploy.yml': 'name: deploy\non: workflow_dispatch\n' });
  commit('deploy: push images to the new registry', '2026-06-20T10:00:00+00:00', { '.github/workflows/deploy.yml': 'name: deploy\non: workflow_dispatch\n# registry: ghcr.io\n' });
  commit('k8s: add a readiness probe', '2026-06-22T15:30:00+00:00', { 'k8s/deployment.yaml': 'kind: Deployment\n' });
  const out = execFileSync(process.execPath, [join(repo, 'dist', 'cli.js'), '--today', '2026-07-01', '.'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  process.stdout.write(out);
} catch (e) {
  // Findings exit 1: the output is still what we came for.
  if (e.stdout) process.stdout.write(e.stdout.toString());
  else throw e;
} finally {
  rmSync(dirname(dir), { recursive: true, force: true });
}
