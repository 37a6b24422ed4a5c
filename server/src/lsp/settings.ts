// The `runbookLint` settings from the client (workspace/configuration or
// initializationOptions), checked field by field: settings are data, never trusted shape.
import type { ConfigData } from '../engine/config';

export interface ServerSettings {
  config: ConfigData;
  debounceMs: number;
  /** A fixed date for tests and benchmarks (YYYY-MM-DD); the clock otherwise. */
  today?: string;
  /**
   * Read the repositories' git history (RB024, RR016): the `runbookLint.git` setting, and only
   * in a trusted workspace (the VS Code client says whether it is, as `workspaceTrusted` in
   * initializationOptions; another client started the server itself, as one runs the CLI).
   */
  git: boolean;
}

export const DEFAULT_DEBOUNCE_MS = 200;

const SEVERITIES = new Set(['error', 'warning', 'information', 'info', 'off']);

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function globs(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((g) => typeof g === 'string') && v.length ? (v as string[]) : undefined;
}

/** Merge raw setting objects (later wins) into server settings. */
export function readSettings(...layers: unknown[]): ServerSettings {
  const out: ServerSettings = { config: {}, debounceMs: DEFAULT_DEBOUNCE_MS, git: true };
  let trusted = true;
  for (const layer of layers) {
    if (!layer || typeof layer !== 'object') continue;
    const raw = ('runbookLint' in layer ? (layer as { runbookLint: unknown }).runbookLint : layer) as Record<string, unknown>;
    if (!raw || typeof raw !== 'object') continue;
    const c = out.config;
    if (raw.rules && typeof raw.rules === 'object') {
      const rules: Record<string, string> = { ...(c.rules ?? {}) };
      for (const [k, v] of Object.entries(raw.rules as Record<string, unknown>)) if (typeof v === 'string' && SEVERITIES.has(v)) rules[k] = v;
      c.rules = rules;
    }
    const budget = (raw.budget && typeof raw.budget === 'object' ? raw.budget : {}) as Record<string, unknown>;
    const min = num(budget.minMinutes ?? raw['budget.minMinutes']);
    const max = num(budget.maxMinutes ?? raw['budget.maxMinutes']);
    if (min !== undefined || max !== undefined) c.budget = { ...(c.budget ?? {}), ...(min !== undefined ? { minMinutes: min } : {}), ...(max !== undefined ? { maxMinutes: max } : {}) };
    const stale = num(raw.staleAfterDays);
    if (stale !== undefined) c.staleAfterDays = stale;
    const rb = globs(raw.runbooks);
    if (rb) c.runbooks = rb;
    const rc = globs(raw.receipts);
    if (rc) c.receipts = rc;
    const d = num(raw.debounceMs);
    if (d !== undefined) out.debounceMs = d;
    if (typeof raw.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.today)) out.today = raw.today;
    if (typeof raw.git === 'boolean') out.git = raw.git;
    if (raw.workspaceTrusted === false) trusted = false;
    else if (raw.workspaceTrusted === true) trusted = true;
  }
  out.git &&= trusted;
  return out;
}
