import type { RunbookRule } from './rule';
import { triggerTable } from '../model/templates';
import { insertionAfterSection } from './helpers/edits';

export const RB001: RunbookRule = {
  id: 'RB001',
  name: 'no-trigger-list',
  severity: 'error',
  appliesTo: 'runbook',
  fixable: true,
  description: 'No rollback trigger table or list.',
  check({ model, report }) {
    if (model.triggers.triggers.length > 0) return;
    const announced = model.triggers.announcements[0];
    const eol = model.lines.eol();
    const at = insertionAfterSection(model, announced?.section ?? model.sections.find((s) => s.depth === 1) ?? model.sections[0]);
    const table = announced?.section ? triggerTable(eol).split(eol).slice(2).join(eol) : triggerTable(eol);
    report({
      span: announced?.span ?? model.anchor,
      message: announced
        ? 'This section announces rollback triggers but lists none: write a trigger table (trigger, how observed, timer budget) so the team rolls back without discussion.'
        : 'No rollback trigger list: write the conditions under which you roll back without discussion, how you notice each one and how many minutes you allow (a table with Trigger, How observed, Timer budget).',
      fix: { title: 'Insert a rollback trigger table', statesFact: true, edits: [{ start: at.offset, end: at.offset, newText: at.prefix + table + (at.suffix ?? '') }] },
    });
  },
};
