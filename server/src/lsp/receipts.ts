// New rehearsal receipts from the editor: the next free number in the runbook's
// receipt folder (checked on disk, never overwriting), the scaffold, and the edit.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CreateFile, TextDocumentEdit, TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Project } from '../engine/project';
import type { RunbookModel } from '../engine/runbook';
import type { Trigger } from '../engine/triggers';
import { nextReceiptNumber, receiptFileName, receiptFolderFor, scaffoldReceipt } from '../engine/scaffold';
import { sameTrigger } from '../rules/triggerMatch';
import { pathToUri } from './uri';

export interface PlannedReceipt {
  path: string;
  uri: string;
  content: string;
  number: number;
}

export function findTrigger(runbook: RunbookModel, name: string | undefined): Trigger | undefined {
  const triggers = runbook.triggers.triggers;
  if (name === undefined) return triggers.find((t) => !t.dataCorrection) ?? triggers[0];
  return triggers.find((t) => sameTrigger(name, t.name)) ?? triggers.find((t) => t.name.toLowerCase().includes(name.toLowerCase()));
}

/** Plan the next receipt: the number after every NNN.md on disk or known to the project. */
export function planReceipt(project: Project, runbook: RunbookModel, trigger: Trigger | undefined, today: string, skip = 0): PlannedReceipt {
  const folder = receiptFolderFor(runbook, project);
  let names: string[] = [];
  try {
    names = fs.readdirSync(folder);
  } catch {
    names = [];
  }
  names.push(...project.receipts().filter((r) => path.dirname(r.path) === folder).map((r) => path.basename(r.path)));
  let n = nextReceiptNumber(names) + skip;
  while (fs.existsSync(path.join(folder, receiptFileName(n)))) n++;
  const { path: file, content } = scaffoldReceipt(runbook, trigger, folder, n, today);
  return { path: file, uri: pathToUri(file), content, number: n };
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

export interface TriggerInfo {
  name: string;
  budgetMinutes?: number;
  budgetText?: string;
  dataCorrection: boolean;
  rehearsals: number;
}

export interface RunbookInfo {
  uri: string;
  path: string;
  name: string;
  triggers: TriggerInfo[];
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
        rehearsals: receipts.filter((r) => sameTrigger(r.frontMatter?.fields.get('trigger')?.value, t.name)).length,
      })),
    };
  });
}
