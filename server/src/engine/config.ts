// Configuration: .runbook-lint.json / .jsonc / .yaml found by walking up from a file,
// the nearest winning key by key. Data only: nothing in a workspace runs code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { validateConfigData } from '../model/schema';
import type { ConfigProblem, ResolvedConfig, SeveritySetting } from '../model/types';
import { isInside } from '../model/paths';
import { escapes, unsafeGlob } from '../model/globs';
import { readRegularFile } from './read';

/** A configuration is a few hundred bytes; one of megabytes is an attack or a mistake, not read (issue 16). */
export const MAX_CONFIG_BYTES = 256 * 1024;

const shortened = (g: string) => (g.length > 80 ? `${g.slice(0, 60)}…` : g);

export const CONFIG_NAMES = ['.runbook-lint.json', '.runbook-lint.jsonc', '.runbook-lint.yaml', '.runbook-lint.yml'];

export const DEFAULT_RUNBOOKS = ['**/RUNBOOK.md', '**/RUNBOOK.*.md'];
export const DEFAULT_RECEIPTS = ['**/rollback-rehearsals/*.md'];

/** What a rollback runs through (RB024): CI workflows, images, infrastructure, manifests and charts, migrations, deploy scripts. */
export const DEFAULT_ROLLBACK_PATH = [
  '.github/workflows/**',
  '.gitlab-ci.yml',
  '.gitlab/ci/**',
  '**/Dockerfile',
  '**/Dockerfile.*',
  '**/*.dockerfile',
  '**/docker-compose*.{yml,yaml}',
  '**/*.tf',
  '**/*.tfvars',
  '**/*.hcl',
  '**/Pulumi*.yaml',
  '**/cloudformation/**',
  '**/*.cfn.{json,yaml,yml}',
  '**/template.{yaml,yml}',
  '**/k8s/**',
  '**/kubernetes/**',
  '**/manifests/**',
  '**/kustomization.{yaml,yml}',
  '**/charts/**',
  '**/helm/**',
  '**/Chart.yaml',
  '**/migrations/**',
  '**/migrate/**',
  '**/db/migrate/**',
  '**/deploy/**',
  '**/deploy*.sh',
  '**/rollback*.sh',
  '**/scripts/deploy*',
  '**/scripts/rollback*',
];

export interface ConfigData {
  root?: boolean;
  rules?: Record<string, string>;
  budget?: { minMinutes?: number; maxMinutes?: number };
  staleAfterDays?: number;
  runbooks?: string[];
  receipts?: string[];
  rollbackPath?: string[];
}

export function defaultConfig(root: string): ResolvedConfig {
  return {
    rules: {},
    budget: { minMinutes: 2, maxMinutes: 15 },
    staleAfterDays: 90,
    runbooks: [...DEFAULT_RUNBOOKS],
    receipts: [...DEFAULT_RECEIPTS],
    rollbackPath: [...DEFAULT_ROLLBACK_PATH],
    root,
    sources: [],
  };
}

function normalizeSeverity(s: string): SeveritySetting {
  return s === 'info' ? 'information' : (s as SeveritySetting);
}


/** Apply one layer of configuration data onto a resolved config (later layers win). */
function applyConfig(base: ResolvedConfig, data: ConfigData, file: string | undefined, problems: ConfigProblem[]): ResolvedConfig {
  const out: ResolvedConfig = { ...base, rules: { ...base.rules }, budget: { ...base.budget }, sources: [...base.sources] };
  if (file) out.sources.push(file);
  for (const [k, v] of Object.entries(data.rules ?? {})) out.rules[k.toLowerCase()] = normalizeSeverity(v);
  if (data.budget?.minMinutes !== undefined) out.budget.minMinutes = data.budget.minMinutes;
  if (data.budget?.maxMinutes !== undefined) out.budget.maxMinutes = data.budget.maxMinutes;
  if (data.staleAfterDays !== undefined) out.staleAfterDays = data.staleAfterDays;
  const globs = (key: 'runbooks' | 'receipts' | 'rollbackPath') => {
    const list = data[key];
    if (!list) return;
    const kept = list.filter((g) => {
      const unsafe = unsafeGlob(g);
      if (unsafe) {
        problems.push({ file: file ?? '<settings>', message: `The ${key} glob "${shortened(g)}" ${unsafe}, and is ignored.` });
        return false;
      }
      if (!escapes(g)) return true;
      problems.push({ file: file ?? '<settings>', message: `The ${key} glob "${g}" leaves the workspace and is ignored: globs are relative to the configuration file and stay inside it.` });
      return false;
    });
    // Every glob refused: the list below stays (the defaults), rather than linting nothing.
    if (kept.length || !list.length) out[key] = kept;
    if (file) out.root = path.dirname(file);
  };
  globs('runbooks');
  globs('receipts');
  globs('rollbackPath');
  return out;
}

export interface LoadedConfigFile {
  file: string;
  data?: ConfigData;
  problems: ConfigProblem[];
}

function readConfigFile(file: string, within: string | undefined): LoadedConfigFile {
  const read = readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, within });
  if ('error' in read) return { file, problems: [{ file, message: `Cannot read configuration: ${read.error}.` }] };
  try {
    return parseConfig(file, read.text);
  } catch (e) {
    // Nesting deep enough to overflow a parser's stack, or anything else no configuration needs.
    return { file, problems: [{ file, message: `Configuration could not be read: ${e instanceof RangeError ? 'it is nested too deeply' : (e as Error).message}.` }] };
  }
}

function parseConfig(file: string, raw: string): LoadedConfigFile {
  const problems: ConfigProblem[] = [];
  let data: unknown;
  if (/\.ya?ml$/i.test(file)) {
    try {
      data = parseYaml(raw, { maxAliasCount: 50, uniqueKeys: true });
    } catch (e) {
      return { file, problems: [{ file, message: `Configuration is not valid YAML: ${(e as Error).message.split('\n')[0]}` }] };
    }
  } else {
    const errors: ParseError[] = [];
    data = parseJsonc(raw, errors, { allowTrailingComma: true });
    if (errors.length) {
      const e = errors[0];
      return { file, problems: [{ file, message: `Configuration is not valid JSON (error code ${e.error}).`, span: { start: e.offset, end: e.offset + e.length } }] };
    }
  }
  if (data === undefined || data === null) data = {};
  for (const err of validateConfigData(data)) {
    const where = err.instancePath || '(top level)';
    const extra = err.keyword === 'additionalProperties' ? ` "${(err.params as { additionalProperty: string }).additionalProperty}"` : '';
    const allowed = err.keyword === 'enum' ? `: use one of ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : '';
    problems.push({ file, message: `Configuration ${where} ${err.message}${extra}${allowed}.` });
  }
  if (problems.length) return { file, problems };
  return { file, data: data as ConfigData, problems };
}

/** Finds and merges configuration files for files in a workspace; caches per folder. */
export class ConfigResolver {
  private readonly cache = new Map<string, ResolvedConfig>();
  readonly problems: ConfigProblem[] = [];
  private readonly seenProblems = new Set<string>();

  constructor(
    /** Workspace root: the walk stops here and globs may not leave it. */
    readonly workspaceRoot: string,
    /** Settings from the editor (or none), below every config file. */
    private readonly base: ConfigData = {},
    /** An explicit --config file: replaces the walk. */
    private readonly explicit?: string,
  ) {}

  forFile(file: string): ResolvedConfig {
    return this.forDir(path.dirname(path.resolve(file)));
  }

  forDir(dir: string): ResolvedConfig {
    const hit = this.cache.get(dir);
    if (hit) return hit;
    const chain: LoadedConfigFile[] = [];
    if (this.explicit) {
      chain.push(readConfigFile(this.explicit, undefined));
    } else {
      for (let d = dir; ; d = path.dirname(d)) {
        const found = CONFIG_NAMES.map((n) => path.join(d, n)).find((f) => fs.existsSync(f));
        if (found) {
          const loaded = readConfigFile(found, isInside(d, this.workspaceRoot) ? this.workspaceRoot : d);
          chain.unshift(loaded);
          if (loaded.data?.root) break;
        }
        const inside = isInside(d, this.workspaceRoot);
        if (!inside || d === this.workspaceRoot || path.dirname(d) === d) break;
      }
    }
    const problems: ConfigProblem[] = [];
    let config = applyConfig(defaultConfig(this.workspaceRoot), this.base, undefined, problems);
    for (const layer of chain) {
      problems.push(...layer.problems);
      if (layer.data) config = applyConfig(config, layer.data, layer.file, problems);
    }
    for (const p of problems) {
      const key = `${p.file}\0${p.message}`;
      if (!this.seenProblems.has(key)) {
        this.seenProblems.add(key);
        this.problems.push(p);
      }
    }
    this.cache.set(dir, config);
    return config;
  }

  clear(): void {
    this.cache.clear();
    this.problems.length = 0;
    this.seenProblems.clear();
  }
}

export function severityFor(config: ResolvedConfig, id: string, name: string, fallback: SeveritySetting): SeveritySetting {
  return config.rules[id.toLowerCase()] ?? config.rules[name.toLowerCase()] ?? fallback;
}
