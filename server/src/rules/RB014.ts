import type { RunbookRule } from './rule';
import { isPlaceholder, suggestCompensation } from '../model/census';
import { toConfirm } from '../model/text';

// A row that says the endpoint has no side effect needs no compensating action.
const NO_EFFECT = /^(?:none|no side[- ]?effects?|nothing|n\/a|read[- ]only|idempotent)\b/i;

export const RB014: RunbookRule = {
  id: 'RB014',
  name: 'side-effect-without-compensation',
  severity: 'error',
  appliesTo: 'runbook',
  fixable: true,
  description: 'A census row with an empty or placeholder compensating action.',
  check({ model, report }) {
    const census = model.census;
    if (!census) return;
    for (const row of census.rows) {
      if (!isPlaceholder(row.compensation)) continue;
      if (census.effectCol >= 0 && NO_EFFECT.test(row.effect.replace(/[*_`]/g, '').trim())) continue;
      if (!row.endpoint.trim() && !row.effect.trim() && !row.compensation.trim()) continue;
      const suggestion = suggestCompensation(`${row.effect} ${row.endpoint}`);
      const what = row.endpoint || row.effect || 'This row';
      report({
        span: row.compensationSpan,
        message: `"${what}" has no compensating action${row.compensation ? ` ("${row.compensation}")` : ''}: write the one-line action that undoes its side effect (${suggestion ? `e.g. "${suggestion}"` : 'void, refund, correction email'}) — without it the rollback plan is incomplete.`,
        fix: suggestion ? { title: `Suggest the compensating action "${suggestion}" (to confirm)`, statesFact: true, edits: [{ ...row.compensationInterior, newText: ` ${toConfirm(suggestion)} ` }] } : undefined,
        data: { endpoint: row.endpoint, suggestion },
      });
    }
  },
};
