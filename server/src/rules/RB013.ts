import type { RunbookRule } from './rule';
import { censusTable } from '../model/templates';
import { suggestCompensation } from '../model/census';
import { insertionAfterSection } from './helpers/edits';

export const RB013: RunbookRule = {
  id: 'RB013',
  name: 'no-side-effect-census',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: true,
  description: 'No side-effect census.',
  check({ model, report }) {
    if (model.census) return;
    const eol = model.lines.eol();
    const seen = new Set<string>();
    const rows = model.endpoints
      .filter((e) => !seen.has(`${e.method} ${e.path}`) && seen.add(`${e.method} ${e.path}`))
      .map((e) => ({ endpoint: `${e.method} ${e.path}`, effect: e.effect, compensation: suggestCompensation(e.effect) ?? 'TODO: compensating action' }));
    const announced = model.censusSection;
    // Into the announced census section, or at the end of the document.
    const at = insertionAfterSection(model, announced);
    const table = announced ? censusTable(rows, eol).split(eol).slice(2).join(eol) : censusTable(rows, eol);
    report({
      span: announced?.span ?? model.anchor,
      message: `No side-effect census: list every endpoint with a user-visible side effect (email, webhook, payment) and its compensating action — rollback does not unsend them.${rows.length ? ` Mentioned here: ${rows.map((r) => r.endpoint).join(', ')}.` : ''}`,
      fix: { title: 'Insert a side-effect census table', statesFact: true, edits: [{ start: at.offset, end: at.offset, newText: at.prefix + table }] },
    });
  },
};

