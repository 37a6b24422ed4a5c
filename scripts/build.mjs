// Bundles the CLI, the language server and the extension with esbuild into dist/.
// The engine's ESM-only deps (unified, remark-*) end up in plain CommonJS bundles.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: false,
  minify: !process.argv.includes('--no-minify'),
  legalComments: 'none',
  // jsonc-parser's UMD entry requires its files dynamically; its ESM entry bundles.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  define: { RUNBOOK_LINT_VERSION: JSON.stringify(pkg.version) },
};

const entries = [
  { entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
];

const { existsSync } = await import('node:fs');
await Promise.all(
  entries
    .filter((e) => existsSync(e.entryPoints[0]))
    .map((e) => build({ ...common, ...e })),
);
if (watch) console.log('watch mode is not supported; rerun npm run build');
