// The rehearsal history of a trigger as the editor shows it.
import type { Project } from '../engine/project';
import type { RunbookModel } from '../model/runbook';
import type { Trigger } from '../model/triggers';
import { rehearsalsOf, type Rehearsal } from '../model/rehearsals';

/** The rehearsals of a runbook trigger, oldest first (rehearsals.ts decides which receipts those are). */
export function historyOf(project: Project, runbook: RunbookModel, trigger: Trigger): Rehearsal[] {
  return rehearsalsOf(runbook, project.receiptsFor(runbook), trigger);
}
