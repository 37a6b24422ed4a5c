// The workspace view: runbooks and receipts, models cached per text, cross-file
// associations, and the lint of one file or all. The CLI, the server and the tests
// all lint through this class, so they give the same findings for the same files.
import * as path from 'node:path';
import { buildRunbook, type RunbookModel } from '../model/runbook';
import { receiptsNaming, triggersByKey } from '../model/rehearsals';
import { buildReceipt, type ReceiptModel } from '../model/receipt';
import { readSuppressions } from './suppress';
import { severityFor } from './config';
import { isInside, pathInside } from '../model/paths';
import { RULES } from '../rules';
import type { Rule, RuleContext, WorkspaceView, Report } from '../rules/rule';
import type { FileKind, Finding, ResolvedConfig } from '../model/types';
import type { Root } from '../model/markdown';
import type { RepositoryHistory } from '../model/history';
import { matcher } from '../model/globs';

export interface ProjectOptions {
  /** Today, YYYY-MM-DD. */
  today: () => string;
  configFor: (file: string) => ResolvedConfig;
  rules?: Rule[];
  /** Where a rule that throws is logged (once per rule and file). */
  log?: (message: string) => void;
  /** The names of the files in a folder on disk; the faces that read the disk pass it (the rules never do). */
  listFolder?: (folder: string) => string[];
  /** The repository history a file is checked against (engine/git.ts reads it); none, and RB024 and RR016 are silent. */
  history?: (file: string) => RepositoryHistory | undefined;
}

interface Entry {
  path: string;
  text: string;
  kind: FileKind;
  model?: RunbookModel | ReceiptModel;
  /** The tree of the version this one replaced, until the model is built from it. */
  previous?: Root;
}


/** Which kind of file the configured globs make of a path; undefined when neither. */
export function classify(file: string, config: ResolvedConfig): FileKind | undefined {
  const rel = pathInside(config.root, file);
  if (rel === undefined) return undefined;
  if (matcher(config.receipts)(rel)) return 'receipt';
  if (matcher(config.runbooks)(rel)) return 'runbook';
  return undefined;
}

/**
 * The kind of a file named on the command line: what the globs make of it; outside them, a
 * receipt when the receipts glob matches the end of its path (`cd …/rollback-rehearsals &&
 * runbook-lint 002.md` names a receipt, however the root was found), else a runbook.
 */
export function classifyNamed(file: string, config: ResolvedConfig): FileKind {
  const known = classify(file, config);
  if (known) return known;
  const parts = path.resolve(file).split(path.sep).filter(Boolean);
  const isReceipt = matcher(config.receipts);
  for (let k = 1; k < parts.length; k++) if (isReceipt(parts.slice(k).join('/'))) return 'receipt';
  return 'runbook';
}

let clock = { at: -Infinity, day: '' };
/** Today's local date, read from the clock at most once a second (the server asks for every file it lints). */
export function today(): string {
  const now = Date.now();
  if (now - clock.at < 1000) return clock.day;
  const d = new Date(now);
  const p = (n: number) => String(n).padStart(2, '0');
  clock = { at: now, day: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}` };
  return clock.day;
}

/**
 * What the receipt rules read of a runbook: the trigger names in order (RR008, and the first
 * of a name is the one RR011 matches), each name's budget (RR011), whether the census has
 * rows and how many (RR014). Keep it in step with those rules.
 */
export interface ReceiptView {
  names: string;
  budgets: Map<string, string>;
  census: number;
}

export class Project implements WorkspaceView {
  private readonly entries = new Map<string, Entry>();
  /** Owners by path, not by model: a runbook's new text keeps its receipts. */
  private assoc?: { byReceipt: Map<string, string[]>; byRunbook: Map<string, ReceiptModel[]>; byFolder: Map<string, ReceiptModel[]> };
  private readonly rules: Rule[];
  private readonly logged = new Set<string>();

  constructor(private readonly options: ProjectOptions) {
    this.rules = options.rules ?? RULES;
  }

  /** Add or replace a file. Returns false when the text and kind are unchanged. */
  set(file: string, text: string, kind: FileKind): boolean {
    const prev = this.entries.get(file);
    if (prev && prev.text === text && prev.kind === kind) return false;
    this.entries.set(file, { path: file, text, kind, previous: (prev?.model?.kind === 'runbook' ? prev.model.root : undefined) ?? prev?.previous });
    // Which receipt belongs to which runbook follows from paths and the receipts' own fields:
    // typing in a runbook leaves it as it was.
    if (!(prev && prev.kind === 'runbook' && kind === 'runbook')) this.assoc = undefined;
    return true;
  }

  delete(file: string): boolean {
    const had = this.entries.delete(file);
    if (had) this.assoc = undefined;
    return had;
  }

  has(file: string): boolean {
    return this.entries.has(file);
  }

  kindOf(file: string): FileKind | undefined {
    return this.entries.get(file)?.kind;
  }

  files(): string[] {
    return [...this.entries.keys()];
  }

  textOf(file: string): string | undefined {
    return this.entries.get(file)?.text;
  }

  model(file: string): RunbookModel | ReceiptModel | undefined {
    const e = this.entries.get(file);
    if (!e) return undefined;
    if (!e.model) {
      // The parse takes the previous tree over (moves its nodes): never hand it out twice, not even after a throw.
      const previous = e.previous;
      e.previous = undefined;
      e.model = e.kind === 'runbook' ? buildRunbook(e.path, e.text, previous) : buildReceipt(e.path, e.text, previous);
    }
    return e.model;
  }

  runbooks(): RunbookModel[] {
    return [...this.entries.values()].filter((e) => e.kind === 'runbook').map((e) => this.model(e.path) as RunbookModel);
  }

  receipts(): ReceiptModel[] {
    return [...this.entries.values()].filter((e) => e.kind === 'receipt').map((e) => this.model(e.path) as ReceiptModel);
  }

  private associations() {
    if (this.assoc) return this.assoc;
    const runbooks = this.runbooks();
    const byReceipt = new Map<string, string[]>();
    const byRunbook = new Map<string, ReceiptModel[]>();
    const byFolder = new Map<string, ReceiptModel[]>();
    for (const rb of runbooks) byRunbook.set(rb.path, []);
    const runbookDirs = new Map<string, RunbookModel[]>();
    for (const rb of runbooks) {
      const d = path.dirname(rb.path);
      const list = runbookDirs.get(d);
      if (list) list.push(rb);
      else runbookDirs.set(d, [rb]);
    }
    for (const rc of this.receipts()) {
      const folder = path.dirname(rc.path);
      // push, not a spread copy: the copy made this quadratic in the receipts per folder.
      const inFolder = byFolder.get(folder);
      if (inFolder) inFolder.push(rc);
      else byFolder.set(folder, [rc]);
      let owners: RunbookModel[] = [];
      const declared = rc.frontMatter?.fields.get('runbook')?.value;
      if (typeof declared === 'string' && declared.trim()) {
        const target = path.resolve(folder, declared.trim());
        owners = runbooks.filter((rb) => rb.path === target);
      }
      if (!owners.length) {
        // The runbooks in the nearest folder above the receipt.
        for (let d = folder; ; d = path.dirname(d)) {
          const here = runbookDirs.get(d);
          if (here) {
            owners = here;
            break;
          }
          if (path.dirname(d) === d) break;
        }
      }
      if (!owners.length) {
        const root = this.options.configFor(rc.path).root;
        // A runbook linted from outside that folder (`runbook-lint ../elsewhere/RUNBOOK.md`) does not inherit its receipts.
        owners = runbooks.filter((rb) => isInside(rb.path, root) && this.options.configFor(rb.path).root === root);
      }
      byReceipt.set(rc.path, owners.map((rb) => rb.path));
      for (const rb of owners) byRunbook.get(rb.path)!.push(rc);
    }
    const order = (a: ReceiptModel, b: ReceiptModel) => receiptOrder(a) - receiptOrder(b) || a.path.localeCompare(b.path);
    for (const list of byRunbook.values()) list.sort(order);
    for (const list of byFolder.values()) list.sort(order);
    this.assoc = { byReceipt, byRunbook, byFolder };
    return this.assoc;
  }

  receiptsFor(runbook: RunbookModel): ReceiptModel[] {
    return this.associations().byRunbook.get(runbook.path) ?? [];
  }

  runbooksFor(receipt: ReceiptModel): RunbookModel[] {
    return (this.associations().byReceipt.get(receipt.path) ?? []).map((p) => this.model(p) as RunbookModel);
  }

  siblings(receipt: ReceiptModel): ReceiptModel[] {
    return this.associations().byFolder.get(path.dirname(receipt.path)) ?? [receipt];
  }

  filesIn(folder: string): string[] {
    const names = new Set(this.options.listFolder?.(folder) ?? []);
    for (const f of this.entries.keys()) if (path.dirname(f) === folder) names.add(path.basename(f));
    return [...names];
  }

  history(file: string): RepositoryHistory | undefined {
    return this.options.history?.(file);
  }

  receiptView(file: string): ReceiptView | undefined {
    const m = this.entries.has(file) ? this.model(file) : undefined;
    if (!m || m.kind !== 'runbook') return undefined;
    const budgets = new Map<string, string>();
    // By every name a receipt may use for the trigger (rehearsals.ts decides which).
    for (const [key, t] of triggersByKey(m.triggers.triggers)) budgets.set(key, JSON.stringify([t.budgetMinutes ?? null, t.budgetText ?? null, t.dataCorrection]));
    return { names: JSON.stringify(m.triggers.triggers.map((t) => t.name)), budgets, census: m.census?.rows.length ?? 0 };
  }

  /**
   * The receipts of a runbook whose findings may differ from when it showed `before`: none
   * while its view is the same, those of a trigger whose budget changed, all when a name or
   * the census changed. A budget edit re-lints the receipts of that trigger, not 5,000.
   */
  receiptsAffected(file: string, before: ReceiptView): string[] {
    const after = this.receiptView(file);
    const m = this.model(file);
    if (!after || !m || m.kind !== 'runbook') return [];
    const receipts = this.receiptsFor(m);
    if (after.names !== before.names || after.census !== before.census) return receipts.map((r) => r.path);
    const changed = new Set<string>();
    for (const [name, budget] of after.budgets) if (before.budgets.get(name) !== budget) changed.add(name);
    if (!changed.size) return [];
    return [...changed]
      .flatMap((key) => receiptsNaming(receipts, key))
      .sort((a, b) => a - b)
      .map((at) => receipts[at].path);
  }

  /** Files whose findings may change when this file changes. */
  dependents(file: string): string[] {
    return [...this.dependentsOf([file])];
  }

  /**
   * Files whose findings may change when these change, the changed ones left out. Each
   * runbook's receipts and each folder's receipts are added once, however many of them
   * changed: deleting 20,000 receipts costs one pass, not 20,000 (issue 16).
   */
  dependentsOf(files: Iterable<string>): Set<string> {
    const runbooks = new Set<string>();
    const folders = new Set<string>();
    const changed = new Set<string>();
    for (const file of files) {
      changed.add(file);
      const m = this.model(file);
      if (!m) continue;
      if (m.kind === 'runbook') {
        runbooks.add(file);
        continue;
      }
      for (const rb of this.associations().byReceipt.get(file) ?? []) runbooks.add(rb);
      folders.add(path.dirname(file));
    }
    const out = new Set<string>();
    for (const rb of runbooks) {
      out.add(rb);
      for (const r of this.associations().byRunbook.get(rb) ?? []) out.add(r.path);
    }
    for (const folder of folders) for (const s of this.associations().byFolder.get(folder) ?? []) out.add(s.path);
    for (const f of changed) out.delete(f);
    return out;
  }

  lint(file: string): Finding[] {
    const model = this.model(file);
    if (!model) return [];
    const config = this.options.configFor(file);
    const suppressions = readSuppressions(model.text, model.lines);
    const findings: Finding[] = [];
    for (const rule of this.rules) {
      if (rule.appliesTo !== model.kind) continue;
      const setting = severityFor(config, rule.id, rule.name, rule.severity);
      if (setting === 'off') continue;
      const report = (r: Report) => {
        const line = model.lines.position(r.span.start).line;
        if (suppressions.isSuppressed(rule.id, rule.name, line)) return;
        const start = Math.max(0, Math.min(r.span.start, model.text.length));
        const end = Math.max(start, Math.min(r.span.end, model.text.length));
        findings.push({
          file,
          ruleId: rule.id,
          ruleName: rule.name,
          severity: setting === rule.severity && r.severity ? r.severity : setting,
          message: r.message,
          span: { start, end },
          fix: r.fix,
          data: r.data,
        });
      };
      const ctx = { model, config, today: this.options.today(), workspace: this, report } as unknown as RuleContext<never>;
      try {
        (rule.check as (c: RuleContext<never>) => void)(ctx);
      } catch (e) {
        const key = `${rule.id}\0${file}`;
        if (!this.logged.has(key)) {
          this.logged.add(key);
          this.options.log?.(`runbook-lint: rule ${rule.id} (${rule.name}) failed on ${file}: ${(e as Error).stack ?? e}`);
        }
        findings.push({
          file,
          ruleId: rule.id,
          ruleName: rule.name,
          severity: 'warning',
          message: `Rule ${rule.id} (${rule.name}) could not check this file: ${(e as Error).message}. Please report it; the other rules still ran.`,
          span: model.anchor,
        });
      }
    }
    return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  }

  lintAll(): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    for (const f of [...this.entries.keys()].sort()) out.set(f, this.lint(f));
    return out;
  }
}

function receiptOrder(r: ReceiptModel): number {
  const n = r.frontMatter?.fields.get('rehearsal')?.value;
  if (typeof n === 'number') return n;
  return r.fileNumber ?? Number.MAX_SAFE_INTEGER;
}
