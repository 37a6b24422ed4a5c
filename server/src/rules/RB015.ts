import type { RunbookRule } from './rule';
import { toConfirm } from '../model/text';
import { censusDeclares, normalizeEndpoint, suggestCompensation } from '../model/census';

export const RB015: RunbookRule = {
  id: 'RB015',
  name: 'undeclared-side-effect',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: true,
  description: 'An endpoint with a side effect mentioned in the runbook but missing from the census.',
  check({ model, report }) {
    const census = model.census;
    if (!census) return;
    const reported = new Set<string>();
    const last = census.table.rows.length ? census.table.rows[census.table.rows.length - 1].span : census.table.header.span;
    const eol = model.lines.eol();
    for (const e of model.endpoints) {
      const key = normalizeEndpoint(`${e.method} ${e.path}`);
      if (reported.has(key) || censusDeclares(census, e.method, e.path)) continue;
      reported.add(key);
      const suggestion = suggestCompensation(e.effect);
      const compensation = suggestion ? toConfirm(suggestion) : 'TODO: compensating action';
      const columns = Math.max(census.table.header.cells.length, 1);
      const cells = Array.from({ length: columns }, (_, i) =>
        i === census.endpointCol || (census.endpointCol < 0 && i === 0) ? `${e.method} ${e.path}` : i === census.effectCol ? e.effect : i === census.compensationCol ? compensation : '',
      );
      report({
        span: e.span,
        message: `${e.method} ${e.path} has a side effect (${e.effect}) but is not in the side-effect census: add a row with its compensating action — rollback does not unsend it.`,
        fix: { title: `Add ${e.method} ${e.path} to the side-effect census`, statesFact: true, edits: [{ start: last.end, end: last.end, newText: `${eol}| ${cells.join(' | ')} |` }] },
        data: { endpoint: `${e.method} ${e.path}`, effect: e.effect },
      });
    }
  },
};
