// Issue 10: the floors of the pipeline are an ESLint rule (eslint.config.mjs). An import
// that runs back up a floor fails `npm run lint` (and so `npm test`); one that runs down
// does not.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const REPO = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: REPO });

async function restricted(file: string, from: string): Promise<boolean> {
  const [r] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath: path.join(REPO, file) });
  return r.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

test('no floor imports a higher one', async () => {
  const up: [string, string][] = [
    ['server/src/model/runbook.ts', '../rules'],
    ['server/src/model/runbook.ts', '../engine/project'],
    ['server/src/model/runbook.ts', '../lsp/hover'],
    ['server/src/rules/RB001.ts', '../engine/project'],
    ['server/src/rules/helpers/edits.ts', '../../engine/config'],
    ['server/src/rules/RB001.ts', '../cli/report'],
    ['server/src/engine/project.ts', '../lsp/workspace'],
    ['server/src/engine/project.ts', '../cli/cli'],
    ['server/src/engine/rehearsalReport.ts', '../report/html'],
    ['server/src/report/html.ts', '../lsp/commands'],
    ['server/src/model/runbook.ts', 'vscode-languageserver/node'],
  ];
  for (const [file, from] of up) assert.ok(await restricted(file, from), `${file} importing ${from} should fail`);
  const down: [string, string][] = [
    ['server/src/rules/RB001.ts', '../model/runbook'],
    ['server/src/rules/helpers/edits.ts', '../../model/text'],
    ['server/src/engine/project.ts', '../rules'],
    ['server/src/lsp/hover.ts', '../engine/project'],
    ['server/src/cli/cli.ts', '../model/scaffold'],
    ['server/src/lsp/commands.ts', '../report/html'],
    ['server/src/report/html.ts', '../engine/rehearsalReport'],
  ];
  for (const [file, from] of down) assert.equal(await restricted(file, from), false, `${file} importing ${from} is allowed`);
});
