import type { RunbookRule } from './rule';
import { hasFailingCheck, hasNumericThreshold, hasObservation, hasThreshold, isVague, withoutBudget } from './helpers/measure';
import { MATCH } from '../model/vocabulary';
import { bracketedExamples } from './helpers/examples';
import { severityTagOf } from '../model/triggers';

const STATUS_CODE = /\b(?:http\s*)?[45](?:xx|\d\d)\b/gi;

export const RB007: RunbookRule = {
  id: 'RB007',
  name: 'trigger-not-measurable',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'A vague trigger with no threshold, no failing check and no way it is observed.',
  check({ model, report }) {
    const defined = new Map<string, boolean>();
    for (const t of model.triggers.triggers) {
      // The budget is no threshold: "| Major feature broken | P1 | Yes | < 15 min |".
      const all = `${withoutBudget(t)} ${t.observed ?? ''}`;
      if (t.observed || hasNumericThreshold(all) || hasObservation(all) || MATCH.observedBy.test(all)) continue;
      const vagueName = MATCH.vague.test(t.name);
      // "Memory leaks o crashes frecuentes", "API 500エラー多発": how often, with no count, is no threshold.
      const often = MATCH.frequency.test(t.name);
      // "API 응답 500 에러 증가", "errore 5xx sostenuto": a status code says what is counted, not how many are too many.
      if (hasThreshold(vagueName || often ? all.replace(STATUS_CODE, ' ') : all)) continue;
      // "Errori critici non risolvibili in [N] ore": a timer on the fix attempt, measured by the clock (a placeholder there is RB004's).
      if (t.budgetText && MATCH.unresolved.test(t.fullText)) continue;
      // A concrete event ("Security vulnerability introduced", "Checkout page does not load") is
      // measurable as it stands. Flagged: words of mood ("things look bad"), and words of degree or
      // judgement with nothing to measure them by ("elevated error rate", "critical feature broken",
      // "deployment lead decision"), in any of the languages.
      // A degree word beside a concrete event of a named thing ("Authentification cassée", "Critical user data
      // exposed") is something one can see happen; of a thing not named ("Critical feature broken"), it is not.
      const degree = vagueName && !(MATCH.events.test(t.name) && !MATCH.generic.test(t.name));
      // "**Critical Security Issue** - RLS Policy Bypass entdeckt", "**Features críticas quebradas**: login, anamnese":
      // the detail after a label names what happens or which thing, unless it is as vague as the label.
      const bold = t.style === 'list' && /^(?:\*\*|__)\s*[:：—–-]/.test(model.text.slice(t.nameSpan.end, t.nameSpan.end + 4));
      const detail = bold && t.fullText.startsWith(t.name) ? t.fullText.slice(t.name.length).replace(/^[\s:：—–-]+/, '') : '';
      // "Data integrity issue appears (lost event data, incorrect guest list mutations, duplicate critical writes)": examples that name what happens.
      const { examples } = bracketedExamples(t.name);
      const concrete = examples.filter((e) => !MATCH.vague.test(e) && !MATCH.generic.test(e) && !isVague(e)).length;
      if (examples.length && concrete * 2 > examples.length) continue;
      if (detail.split(/\s+/).length >= 2 && !/[?？→]/.test(detail) && !MATCH.vague.test(detail) && !MATCH.generic.test(detail) && !isVague(detail)) continue;
      if (!degree && !often && (!isVague(t.name) || hasFailingCheck(all))) continue;
      // "部署後 5 分鐘內發現 P1 問題" under "| **P1 — Critical** | 服務完全中斷 |": the document says what that level is.
      if (definesLevel(model.text, t.name, defined)) continue;
      report({
        span: t.nameSpan,
        message: `Trigger "${t.name}" cannot be measured: name a threshold ("5xx > 5% for 2 min"), a failing check ("smoke test fails") or how it is observed ("manual check"), so nobody has to discuss it at 3 AM.`,
        data: { trigger: t.name },
      });
    }
  },
};

/**
 * The trigger names a severity level ("P1", "Sev 2") that a table row or list item of the document opens with and
 * describes in words that are no vaguer ("| **P1 — Critical** | 服務完全中斷，所有用戶受影響 |", not "**P1 (High)**:
 * Major functionality broken"); asked once per level.
 */
function definesLevel(text: string, name: string, known: Map<string, boolean>): boolean {
  const tag = severityTagOf(name);
  if (!tag) return false;
  let v = known.get(tag);
  if (v === undefined) {
    v = false;
    const spelled = tag.startsWith('SEV') ? `sev[- ]?${tag.slice(3)}` : tag;
    const line = new RegExp(`^[ \\t]*(?:\\|[ \\t]*|[-*+][ \\t]+)(?:\\*\\*|__)?${spelled}(?![\\p{L}\\p{N}])([^\\n]*)`, 'gimu');
    for (let m = line.exec(text); m && !v; m = line.exec(text)) {
      // The words after the level's own label: "服務完全中斷，所有用戶受影響", "Major functionality broken".
      const rest = m[1].replace(/^[^|:：—–-]{0,40}[|:：—–-]/, '');
      const cells = rest.split('|').map((c) => c.replace(/[*_`]/g, '').trim()).filter((c) => /\p{L}/u.test(c));
      // "| **P1 — Critical** | 服務完全中斷 |": the level's own name ("Critical") is no definition; the next cell is.
      const named = cells.length > 1 && cells[0].split(/\s+/).length <= 2 && MATCH.vague.test(cells[0]);
      const words = cells[named ? 1 : 0] ?? '';
      v = words.length > 0 && !MATCH.vague.test(words) && !isVague(words);
    }
    known.set(tag, v);
  }
  return v;
}
