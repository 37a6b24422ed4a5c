// New rehearsal receipts from the editor: the planner's receipt as a WorkspaceEdit, and
// the triggers the New Receipt picker offers.
import { CreateFile, TextDocumentEdit, TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Project } from '../engine/project';
import type { RunbookModel } from '../model/runbook';
import type { Trigger } from '../model/triggers';
import { planReceipt, type ReceiptPlan } from '../model/scaffold';
import { rehearsalsOf } from '../model/rehearsals';
import { pathToUri } from './uri';
import type { RunbookInfo } from './protocol';

export interface PlannedReceipt extends ReceiptPlan {
  uri: string;
}

/** The planner's next receipt (engine/scaffold.ts), with its URI. */
export function plannedReceipt(project: Project, runbook: RunbookModel, trigger: Trigger | undefined, today: string, after = 0): PlannedReceipt {
  const plan = planReceipt(runbook, project, trigger, today, after);
  return { ...plan, uri: pathToUri(plan.path) };
}

/** CreateFile (never overwriting) + the scaffold inserted into it. */
export function receiptEdit(p: PlannedReceipt): WorkspaceEdit {
  return {
    documentChanges: [
      CreateFile.create(p.uri, { ignoreIfExists: false, overwrite: false }),
      TextDocumentEdit.create({ uri: p.uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, p.content)]),
    ],
  };
}

export function listTriggers(project: Project, runbooks: RunbookModel[], relativeTo: (file: string) => string): RunbookInfo[] {
  return runbooks.map((rb) => {
    const receipts = project.receiptsFor(rb);
    return {
      uri: pathToUri(rb.path),
      path: rb.path,
      name: relativeTo(rb.path),
      triggers: rb.triggers.triggers.map((t) => ({
        name: t.name,
        budgetMinutes: t.budgetMinutes,
        budgetText: t.budgetText,
        dataCorrection: t.dataCorrection,
        rehearsals: rehearsalsOf(rb, receipts, t).length,
      })),
    };
  });
}
