// The library API: lint(files, options) -> findings. The CLI, the language server
// and the tests are thin faces over this.
import * as path from 'node:path';
import { Project, classify, today as clockToday } from './project';
import { ConfigResolver, defaultConfig } from './config';
import type { FileKind, Finding, ResolvedConfig } from '../model/types';

export interface LintInput {
  path: string;
  text: string;
  /** Runbook or receipt; by default from the configured globs, else runbook. */
  kind?: FileKind;
}

export interface LintOptions {
  /** YYYY-MM-DD; defaults to the clock. */
  today?: string;
  /** A fixed config for every file, or a resolver that walks up from each file. */
  config?: ResolvedConfig | ConfigResolver;
  workspaceRoot?: string;
}

function configFunction(options: LintOptions, root: string): (file: string) => ResolvedConfig {
  const c = options.config;
  if (!c) return () => defaultConfig(root);
  if (c instanceof ConfigResolver) return (f) => c.forFile(f);
  return () => c;
}

export function lint(files: LintInput[], options: LintOptions = {}): Finding[] {
  const root = path.resolve(options.workspaceRoot ?? process.cwd());
  const configFor = configFunction(options, root);
  const project = new Project({ today: () => options.today ?? clockToday(), configFor });
  for (const f of files) {
    const abs = path.resolve(root, f.path);
    project.set(abs, f.text, f.kind ?? classify(abs, configFor(abs)) ?? 'runbook');
  }
  return [...project.lintAll().values()].flat();
}

export { Project, classify, ConfigResolver, defaultConfig };
export * from '../model/types';
