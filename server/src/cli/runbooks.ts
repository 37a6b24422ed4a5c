// The runbook a subcommand works on (new-receipt, rehearse): the workspace under a folder
// read into a project, and its one runbook, or the one named with --runbook.
import * as path from 'node:path';
import { Project } from '../engine/project';
import type { ConfigResolver } from '../engine/config';
import { findWorkspaceFiles, listFolder } from '../engine/files';
import { readText } from '../engine/read';
import type { RunbookModel } from '../model/runbook';
import { triggerAskedFor } from '../model/scaffold';
import { UsageError, type CliIO } from './usage';

export function loadWorkspace(folder: string | undefined, runbookArg: string | undefined, today: string, resolver: ConfigResolver, io: CliIO): { project: Project; runbooks: RunbookModel[]; named?: RunbookModel; dir: string } {
  const dir = path.resolve(io.cwd, folder ?? '.');
  const project = new Project({ today: () => today, configFor: (f) => resolver.forFile(f), listFolder });
  for (const f of findWorkspaceFiles(dir, resolver)) {
    const r = readText(f.path, resolver.workspaceRoot);
    if ('text' in r) project.set(f.path, r.text, f.kind);
  }
  let namedPath: string | undefined;
  if (runbookArg) {
    namedPath = path.resolve(io.cwd, runbookArg);
    const r = readText(namedPath, resolver.workspaceRoot);
    if ('error' in r) throw new UsageError(`cannot read runbook ${runbookArg}: ${r.error}`);
    project.set(namedPath, r.text, 'runbook');
  }
  const runbooks = project.runbooks();
  return { project, runbooks, named: namedPath ? runbooks.find((r) => r.path === namedPath) : undefined, dir };
}

/** The runbook of the workspace: the one named, else the only one (several is a usage error). */
export function loadRunbook(folder: string | undefined, runbookArg: string | undefined, today: string, resolver: ConfigResolver, io: CliIO): { project: Project; runbook: RunbookModel } {
  const { project, runbooks, named, dir } = loadWorkspace(folder, runbookArg, today, resolver, io);
  const runbook = runbookArg ? named : runbooks[0];
  if (!runbook) throw new UsageError(`no runbook found under ${path.relative(io.cwd, dir) || '.'}; name one with --runbook FILE`);
  if (!runbookArg && runbooks.length > 1) throw new UsageError(`several runbooks found (${runbooks.map((r) => path.relative(io.cwd, r.path)).join(', ')}); name one with --runbook FILE`);
  return { project, runbook };
}

/** The trigger a name asks for (the default when none is given); an unknown name is a usage error. */
export function triggerFor(runbook: RunbookModel, name: string | undefined, io: CliIO) {
  const trigger = triggerAskedFor(runbook, name);
  if (name !== undefined && !trigger) {
    throw new UsageError(`no trigger "${name}" in ${path.relative(io.cwd, runbook.path)}; triggers: ${runbook.triggers.triggers.map((t) => `"${t.name}"`).join(', ') || 'none'}`);
  }
  return trigger;
}
