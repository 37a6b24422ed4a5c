import type { RunbookRule } from './rule';
import type { RunbookModel } from '../model/runbook';
import { MATCH } from '../model/vocabulary';
import { isDataCorrection } from '../model/duration';
import { bracketedExamples } from './helpers/examples';
import type { RootContent, TableRow } from 'mdast';
import { plainText, spanOf } from '../model/markdown';

export const RB009: RunbookRule = {
  id: 'RB009',
  name: 'data-trigger-rolls-back-code',
  severity: 'warning',
  appliesTo: 'runbook',
  fixable: false,
  description: 'A data-corruption trigger answered by a code rollback (level 4 is data correction).',
  check({ model, report }) {
    // Whole-document answers, read once and only when a data trigger asks.
    let only: boolean | undefined;
    let inSection: boolean | undefined;
    const answered = new Map<string, boolean>();
    for (const t of model.triggers.triggers) {
      // "Declaración de incidente Sev1/Sev2 (falta de disponibilidad, pérdida de datos, incidente de seguridad)": data is one example of a broader trigger.
      if (!MATCH.dataCorruption.test(bracketedExamples(t.name).outside) || t.dataCorrection) continue;
      // Answered like a code rollback: it has a rollback budget, or its row says "rollback" ("Immediate rollback + incident response", AUTOMATED_ROLLBACK).
      const answer = t.fullText.replace(t.name, '');
      // Or the document's only answer is a rollback: it holds no data correction anywhere.
      if (t.budgetMinutes === undefined && !t.budgetText && !MATCH.rollback.test(answer) && !(only ??= onlyRollback(model))) continue;
      // "Data corruption detected → restore from backup": its own answer corrects the data.
      if (isDataCorrection(t.fullText)) continue;
      // "| Data corruption | C: Restore backup | 8min |": a decision matrix elsewhere answers it.
      if (answeredInTable(model, t.name, answered)) continue;
      // "#### Si no hay migraciones pero hay datos corruptos:" over "Restaurar desde backup": a section of the data problem answers it.
      if ((inSection ??= answeredInSection(model))) continue;
      report({
        // An inherited budget (heading, decision matrix) is shared: point at the trigger instead.
        span: t.budgetFromHeading ? t.nameSpan : t.budgetSpan ?? t.nameSpan,
        message: `Trigger "${t.name}" is about data, but it is answered like a code rollback: rolling back code does not undo persisted writes. Answer it with data correction (level 4), after the bleeding has stopped.`,
        data: { trigger: t.name },
      });
    }
  },
};

/** A section headed by a data problem ("Data corruption", "datos corruptos") whose own content names a data correction. */
function answeredInSection(model: RunbookModel): boolean {
  return model.sections.some((s) => MATCH.dataCorruption.test(s.title) && s.own.some((n) => namesCorrection(model.text, n)));
}

function onlyRollback(model: RunbookModel): boolean {
  return model.rollback.sections.length > 0 && !model.root.children.some((n) => namesCorrection(model.text, n));
}

/** Per top-level block, whether it names a data correction: an edit asks again only of the blocks it changed, not of 20,000 lines. */
const correctionIn = new WeakMap<object, boolean>();
function namesCorrection(text: string, n: RootContent): boolean {
  let v = correctionIn.get(n);
  if (v === undefined) {
    const s = spanOf(n);
    correctionIn.set(n, (v = MATCH.dataCorrection.test(text.slice(s.start, s.end))));
  }
  return v;
}

/**
 * A table, anywhere in the runbook, with a row that names the trigger's data problem in one cell and a data
 * correction in another. A table is read cell by cell only when its text holds both; the answer is kept per problem.
 */
function answeredInTable(model: RunbookModel, name: string, known: Map<string, boolean>): boolean {
  const at = MATCH.dataCorruption.find(name);
  if (!at) return false;
  const problem = name.slice(at.index, at.index + at.length).toLowerCase();
  let answered = known.get(problem);
  if (answered === undefined) {
    answered = model.root.children.some((n) => {
      if (n.type !== 'table') return false;
      const s = spanOf(n);
      const raw = model.text.slice(s.start, s.end).toLowerCase();
      return raw.includes(problem) && isDataCorrection(raw) && n.children.some((row) => answersInRow(row, problem));
    });
    known.set(problem, answered);
  }
  return answered;
}

function answersInRow(row: TableRow, problem: string): boolean {
  const cells = row.children.map((c) => plainText(c).toLowerCase());
  const i = cells.findIndex((c) => c.includes(problem));
  return i >= 0 && cells.some((c, j) => j !== i && isDataCorrection(c));
}
