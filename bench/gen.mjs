// Deterministic workload generator: runbooks and rehearsal receipts realistic in
// shape (trigger tables and lists, census tables, fenced commands, prose, front
// matter), from a fixed-seed PRNG, so every run lints the same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: small, fast, good enough for shaping text. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  return { next, int, pick, chance: (p) => next() < p };
}

const SERVICES = ['checkout-api', 'payments', 'search', 'identity', 'catalog', 'notifications', 'ledger', 'inventory', 'gateway', 'reports'];
const METRICS = ['5xx rate', 'error rate', 'p99 latency', 'p95 latency', 'queue depth', 'CPU saturation', 'memory usage', 'consumer lag', 'timeout rate', 'DB connection errors'];
const THRESH = ['> 5%', '>= 0.05', '≥ 10 minutes', 'above 1%', '2x baseline', '1.5× normal', '+20%', '> 3/min', '> 800ms', '> 2%'];
const WINDOWS = ['for 2 minutes', 'for 5 min', 'over 10 minutes', 'for 3 consecutive minutes', '', 'for 1 min'];
const OBSERVED = ['dashboard alert', 'smoke test', 'pipeline red on deploy job', 'PagerDuty page', 'Grafana panel "golden signals"', 'manual check', 'synthetic probe', 'support ticket'];
const BUDGETS = ['5 min', '3 min', '10 min', '90s', '2–3 minutes', '5m', '<5 min', 'within 5 minutes', '00:05', '1h', 'ASAP', '7 mins'];
const CHECKS = ['Smoke test fails in pipeline', 'Login broken', 'Checkout returns 500', 'Health check fails on canary', 'Data corruption reported', 'Payment webhook rejected', 'Feature flag evaluation errors'];
const VERBS = ['POST', 'PUT', 'PATCH', 'DELETE', 'GET'];
const RESOURCES = ['orders', 'payments', 'refunds', 'users', 'sessions', 'invoices', 'subscriptions', 'webhooks', 'emails', 'carts', 'coupons', 'shipments'];
const EFFECTS = ['confirmation email', 'card charged', 'refund issued', 'SMS sent', 'webhook delivered to partner', 'ledger entry written', 'push notification', 'invoice PDF mailed'];
const COMPENSATE = ['send correction email', 'void or refund the charge', 'reverse the ledger entry', 'notify the partner and replay', 'TBD', 'manual: support macro 12', 'none: idempotent'];
const WORDS = 'the deploy pipeline rollback canary traffic revision image tag database migration feature flag on-call engineer dashboard alert incident channel status page customer impact error budget release window change freeze staging production region cluster node pool load balancer config map secret cache queue worker cron job replica health check readiness probe'.split(' ');

function sentence(r, min = 8, max = 22) {
  const n = r.int(min, max);
  const w = [];
  for (let i = 0; i < n; i++) w.push(r.pick(WORDS));
  if (r.chance(0.2)) w.splice(r.int(1, w.length - 1), 0, '`kubectl rollout undo deploy/' + r.pick(SERVICES) + '`');
  if (r.chance(0.1)) w.splice(r.int(1, w.length - 1), 0, '**' + r.pick(WORDS) + '**');
  if (r.chance(0.08)) w.splice(r.int(1, w.length - 1), 0, '[runbook](https://example.invalid/' + r.pick(WORDS) + ')');
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function paragraph(r) {
  const n = r.int(1, 4);
  const out = [];
  for (let i = 0; i < n; i++) out.push(sentence(r));
  // Wrapped prose, as people write it in an editor.
  const words = out.join(' ').split(' ');
  const lines = [];
  let cur = '';
  for (const w of words) {
    if (cur.length + w.length > 78) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? cur + ' ' + w : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

function triggerName(r, i) {
  if (r.chance(0.35)) return `${r.pick(CHECKS)} (#${i})`;
  return `${r.pick(METRICS)} ${r.pick(THRESH)} ${r.pick(WINDOWS)} (#${i})`.replace(/\s+/g, ' ');
}

function endpoint(r, i) {
  return `${r.pick(VERBS)} /api/${r.pick(RESOURCES)}/${i}`;
}

function codeBlock(r, svc) {
  const lang = r.pick(['sh', 'bash', 'console', 'yaml', '']);
  const body = [];
  const n = r.int(1, 6);
  for (let i = 0; i < n; i++) {
    body.push(
      r.pick([
        `gh workflow run deploy.yml -f image_tag=v1.${r.int(0, 40)}.${r.int(0, 9)}`,
        `kubectl -n ${svc} rollout undo deployment/${svc}`,
        `kubectl -n ${svc} rollout status deployment/${svc} --timeout=5m`,
        `gcloud run services update-traffic ${svc} --region us-central1 --to-revisions=${svc}-000${r.int(10, 99)}-a1b=100`,
        `helm rollback ${svc} ${r.int(1, 80)} --wait`,
        `git revert --no-edit ${Math.floor(r.next() * 0xfffffff).toString(16).padStart(7, '0')}`,
        `curl -fsS https://${svc}.example.invalid/healthz`,
      ]),
    );
  }
  return ['```' + lang, ...body, '```'];
}

/** A runbook of about `lines` lines; trigger and census rows scale with its length. */
export function runbook(lines, seed = 1, svc = 'checkout-api') {
  const r = prng(seed);
  const out = [];
  const push = (...ls) => out.push(...ls);
  const nTriggers = Math.max(4, Math.round(lines / 50));
  const nCensus = Math.max(3, Math.round(lines / 70));
  const triggers = [];
  push(`# Runbook: ${svc}`, '', '## Release brief', `- Rollback level: ${r.int(1, 4)} (deploy rollback)`, `- Rehearsed: 2026-05-03 in staging, receipt [001](library/raw/rollback-rehearsals/001.md)`, `- Confirmed time: ${r.int(2, 9)} minutes from decision to recovered`, '');
  push('## Rollback triggers', '', ...paragraph(r), '', '| Trigger | How observed | Timer budget |', '|---|---|---|');
  const tableRows = Math.ceil(nTriggers * 0.6);
  for (let i = 1; i <= tableRows; i++) {
    const t = triggerName(r, i);
    triggers.push(t);
    push(`| ${t} | ${r.chance(0.9) ? r.pick(OBSERVED) : ''} | ${t.startsWith('Data corruption') ? 'do not roll back code alone: data correction' : r.pick(BUDGETS)} |`);
  }
  push('', '**Immediate rollback if:**', '');
  for (let i = tableRows + 1; i <= nTriggers; i++) {
    const t = triggerName(r, i);
    triggers.push(t);
    const style = r.int(0, 2);
    if (style === 0) push(`- ${t}: ${r.pick(OBSERVED)}, budget ${r.pick(BUDGETS)}`);
    else if (style === 1) push(`- [ ] ${t} (${r.pick(OBSERVED)}, ${r.pick(BUDGETS)})`);
    else push(`${i - tableRows}. **${t}** — ${r.pick(OBSERVED)}; budget ${r.pick(BUDGETS)}`);
  }
  push('', '## Rollback', '', 'Primary: redeploy the previous image tag through the pipeline.', '', ...codeBlock(r, svc), '', 'Fallback: route traffic to the previous revision in the console.', '', ...codeBlock(r, svc), '');
  push('## Side-effect census', '', '| Endpoint | Side effect | Compensating action |', '|---|---|---|');
  for (let i = 1; i <= nCensus; i++) push(`| ${endpoint(r, i)} | ${r.pick(EFFECTS)} | ${r.pick(COMPENSATE)} |`);
  push('');
  // The body: procedure steps, prose, lists, code, the odd table, until the length is reached.
  let step = 1;
  while (out.length < lines - 2) {
    push(`## ${r.chance(0.5) ? `Step ${step}: ` : ''}${r.pick(['Verify', 'Escalate', 'Communicate', 'Drain', 'Restore', 'Check', 'Notify', 'Freeze'])} ${r.pick(WORDS)} ${r.pick(WORDS)}`, '');
    step++;
    const blocks = r.int(2, 6);
    for (let b = 0; b < blocks && out.length < lines - 2; b++) {
      const k = r.next();
      if (k < 0.45) push(...paragraph(r), '');
      else if (k < 0.7) {
        const n = r.int(2, 7);
        const ordered = r.chance(0.4);
        for (let i = 0; i < n; i++) push(`${ordered ? `${i + 1}.` : '-'} ${sentence(r, 4, 12)}`);
        push('');
      } else if (k < 0.9) push(...codeBlock(r, svc), '');
      else {
        push('| Check | Owner | Expected |', '|---|---|---|');
        const n = r.int(2, 6);
        for (let i = 0; i < n; i++) push(`| ${sentence(r, 2, 5)} | @${r.pick(['sam', 'alex', 'kim', 'lee'])} | ${sentence(r, 2, 4)} |`);
        push('');
      }
    }
  }
  return { text: out.slice(0, lines).join('\n') + '\n', triggers };
}

/** One rehearsal receipt for a runbook's triggers. */
export function receipt(n, triggers, seed) {
  const r = prng(seed);
  const trig = r.chance(0.92) ? r.pick(triggers) : 'Something nobody wrote down';
  const h = r.int(8, 20);
  const m = r.int(0, 40);
  const total = r.int(2, 14);
  const day = `2026-0${r.int(1, 5)}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const pad = (x) => String(x).padStart(2, '0');
  const fm = [
    '---',
    `rehearsal: ${n}`,
    `date: ${day}`,
    `environment: ${r.pick(['staging', 'staging', 'prod', 'preview'])}`,
    `trigger: ${JSON.stringify(trig)}`,
    `path: ${r.pick(['pipeline', 'console', 'git-revert'])}`,
    `observed_at: ${day}T${pad(h)}:${pad(m)}`,
    `recovered_at: ${day}T${pad(h)}:${pad(m + total)}`,
    `total_minutes: ${r.chance(0.9) ? total : total + 3}`,
    `receipt: ${r.chance(0.7) ? Math.floor(r.next() * 0xfffffff).toString(16).padStart(7, '0') : 'https://ci.example.invalid/runs/' + r.int(1000, 99999)}`,
    r.chance(0.8) ? `witness: ${r.pick(['Sam', 'Alex', 'Kim', 'Lee'])} (pairing)` : `recording: https://example.invalid/rec/${n}`,
    `rollback_level: ${r.int(1, 4)}`,
    '---',
  ];
  const body = [`# Rehearsal ${String(n).padStart(3, '0')}: ${trig}`, '', '## Commands run', ...codeBlock(r, 'svc'), '', '## Timeline', `- ${pad(h)}:${pad(m)} ${sentence(r, 3, 8)}`, `- ${pad(h)}:${pad(m + total)} ${sentence(r, 3, 8)}`, '', '## Gaps discovered'];
  const gaps = r.int(0, 3);
  if (!gaps) body.push('- none');
  for (let i = 0; i < gaps; i++) body.push(`- ${sentence(r, 5, 14)}`);
  body.push('', '## Compensating actions', r.chance(0.6) ? '- none needed: no side-effecting endpoint fired' : `- ${sentence(r, 5, 12)}`, '');
  return [...fm, ...body].join('\n');
}

/** A workspace of `runbooks` services, `receipts` receipts spread over them. Returns the file list. */
export function writeWorkspace(dir, { runbooks, receipts, runbookLines = 300, seed = 7 }) {
  fs.rmSync(dir, { recursive: true, force: true });
  const files = [];
  const per = Math.ceil(receipts / runbooks);
  let made = 0;
  for (let i = 0; i < runbooks; i++) {
    const svc = SERVICES[i % SERVICES.length] + (i >= SERVICES.length ? `-${i}` : '');
    const sdir = path.join(dir, 'services', svc);
    const rb = runbook(runbookLines, seed * 1000 + i, svc);
    fs.mkdirSync(path.join(sdir, 'library/raw/rollback-rehearsals'), { recursive: true });
    fs.writeFileSync(path.join(sdir, 'RUNBOOK.md'), rb.text);
    files.push(path.join(sdir, 'RUNBOOK.md'));
    for (let n = 1; n <= per && made < receipts; n++, made++) {
      const p = path.join(sdir, 'library/raw/rollback-rehearsals', `${String(n).padStart(3, '0')}.md`);
      fs.writeFileSync(p, receipt(n, rb.triggers, seed * 100000 + i * 10000 + n));
      files.push(p);
    }
  }
  return files;
}
