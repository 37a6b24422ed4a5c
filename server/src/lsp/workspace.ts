// The server's view of the workspace: one Project over every workspace folder,
// config resolvers per folder, open documents (whose text wins over disk), and
// which files must be re-linted when one changes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Project, classify, classifyNamed, today as clockToday } from '../engine/project';
import { ConfigResolver, CONFIG_NAMES, DEFAULT_RUNBOOKS, defaultConfig } from '../engine/config';
import { matcher } from '../model/globs';
import { isInside } from '../model/paths';
import type { FileKind, Finding, ResolvedConfig } from '../model/types';
import { findWorkspaceFiles, listFolder } from '../engine/files';
import { readText } from '../engine/read';
import { readSettings, type ServerSettings } from './settings';
import { RULES } from '../rules';
import { withFault } from './fault';
import { GitHistories } from '../engine/git';
import { tooLargeToLint } from '../model/limits';

export interface OpenDoc {
  uri: string;
  /** Version of the text the project holds for this file. */
  version: number;
}

export interface LintResult {
  file: string;
  uri?: string;
  version?: number;
  findings: Finding[];
}

function sameMembers(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}

export class LintWorkspace {
  project: Project;
  folders: string[] = [];
  settings: ServerSettings = readSettings();
  readonly open = new Map<string, OpenDoc>();
  private resolvers = new Map<string, ConfigResolver>();
  /** Cached per HEAD across re-indexes; read only when the settings allow (a trusted workspace). */
  readonly git: GitHistories;

  constructor(private readonly log: (m: string) => void) {
    this.git = new GitHistories({ log });
    this.project = this.newProject();
  }

  private newProject(): Project {
    return new Project({
      today: () => this.today(),
      configFor: (f) => this.configFor(f),
      log: this.log,
      rules: withFault(RULES),
      listFolder,
      history: (f) => (this.settings.git ? this.git.historyFor(f) : undefined),
    });
  }

  /** Read or re-read (HEAD moved) the history of every repository the workspace's files are in; true when one changed. */
  async loadHistory(): Promise<boolean> {
    if (!this.settings.git) return false;
    return this.git.load([...this.folders.map((f) => path.join(f, '.runbook-lint')), ...this.project.files()]);
  }

  today(): string {
    return this.settings.today ?? clockToday();
  }

  /**
   * The folder a file is linted in: the deepest workspace folder holding it; outside every
   * folder (a client started without one), or when that folder is itself a receipts folder
   * (eglot's pick without git), the project around it, found as the CLI finds it (issue 12).
   */
  rootFor(file: string): string {
    let best: string | undefined;
    for (const f of this.folders) if (isInside(file, f) && (!best || f.length > best.length)) best = f;
    return best && !this.isReceiptsFolder(best) ? best : this.projectRoot(path.dirname(file));
  }

  private readonly receiptsFolders = new Map<string, boolean>();

  /** A folder the default receipts globs would take a `NNN.md` in, whatever it is relative to (asked for every file linted: remembered). */
  private isReceiptsFolder(dir: string): boolean {
    let is = this.receiptsFolders.get(dir);
    if (is === undefined) {
      is = classifyNamed(path.join(dir, '001.md'), defaultConfig(dir)) === 'receipt';
      this.receiptsFolders.set(dir, is);
    }
    return is;
  }

  private readonly projectRoots = new Map<string, string>();

  /** The nearest folder up with a configuration file or `.git`; else the nearest with a runbook (a receipts folder's project); else this one. */
  private projectRoot(dir: string): string {
    let root = this.projectRoots.get(dir);
    if (root) return root;
    const up = (d: string) => (path.dirname(d) === d ? undefined : path.dirname(d));
    for (let d: string | undefined = dir; d && !root; d = up(d)) if ([...CONFIG_NAMES, '.git'].some((n) => fs.existsSync(path.join(d!, n)))) root = d;
    const isRunbook = matcher(DEFAULT_RUNBOOKS);
    for (let d: string | undefined = dir; d && !root; d = up(d)) if (listFolder(d).some(isRunbook)) root = d;
    root ??= dir;
    this.projectRoots.set(dir, root);
    return root;
  }

  resolverFor(file: string): ConfigResolver {
    const root = this.rootFor(file);
    let r = this.resolvers.get(root);
    if (!r) {
      r = new ConfigResolver(root, this.settings.config);
      this.resolvers.set(root, r);
    }
    return r;
  }

  configFor(file: string): ResolvedConfig {
    return this.resolverFor(file).forFile(file);
  }

  classify(file: string): FileKind | undefined {
    if (!/\.md$/i.test(file)) return undefined;
    return classify(file, this.configFor(file));
  }

  isConfigFile(file: string): boolean {
    return CONFIG_NAMES.includes(path.basename(file));
  }

  configProblems() {
    return [...this.resolvers.values()].flatMap((r) => r.problems);
  }

  /** Files of the workspace not read yet, while an index is under way. */
  private unread = new Map<string, FileKind>();
  /** The folders that hold a runbook, listed or open, as of the last index. */
  private runbookDirs = new Set<string>();

  /**
   * Forget config and the index and start again: open documents go in with their text, and
   * the files on disk are listed to be read, those beside the open documents first (the
   * inputs of what the user is looking at). Returns every file known before.
   */
  beginReindex(openDocs: { file: string; uri: string; version: number; text: string }[], { deferWalk = false } = {}): { before: string[]; toRead: string[] } {
    const before = this.project.files();
    this.resolvers = new Map();
    this.project = this.newProject();
    this.open.clear();
    this.unread = new Map();
    this.walked = { all: false, dirs: [], roots: [] };
    this.listed = 0;
    this.runbookDirs = new Set();
    for (const d of openDocs) {
      const kind = this.classify(d.file);
      if (!kind) continue;
      if (this.admit(d.file, d.text)) this.project.set(d.file, d.text, kind);
      this.open.set(d.file, { uri: d.uri, version: d.version });
      if (kind === 'runbook') this.runbookDirs.add(path.dirname(d.file));
    }
    if (deferWalk && [...this.open.keys()].every((f) => this.project.kindOf(f) === 'runbook')) {
      for (const f of this.open.keys()) this.walkNear(f);
      return { before, toRead: [] };
    }
    return { before, toRead: this.walkRest() };
  }

  /** Which folders have been listed since the index began: all of them (from `roots`), or those beside the open runbooks. */
  private walked: { all: boolean; dirs: string[]; roots: string[] } = { all: false, dirs: [], roots: [] };

  /**
   * A file opened after the walk, outside every folder it listed (a client without workspace
   * folders that opens its first document once the index has begun): its project is listed now.
   */
  private walkProjectOf(file: string): void {
    const root = this.rootFor(file);
    if (this.walked.roots.some((r) => isInside(root, r))) return;
    this.walked.roots.push(root);
    this.listInto(root);
    this.onRootListed?.(root);
  }

  /** Told of each folder listed that is no workspace folder (the server's own watcher watches it too). */
  onRootListed?: (root: string) => void;
  /** How many files this index has listed to read, those read already included (the progress counts them). */
  listed = 0;

  private listInto(dir: string): void {
    for (const f of findWorkspaceFiles(dir, this.resolverFor(dir))) {
      if (this.open.has(f.path) || this.project.has(f.path)) continue;
      if (!this.unread.has(f.path)) this.listed++;
      this.unread.set(f.path, f.kind);
      if (f.kind === 'runbook') this.runbookDirs.add(path.dirname(f.path));
    }
  }

  /**
   * List a runbook's own folder before the workspace: what it is linted with is there, and a
   * runbook opened as the server starts gets its diagnostics before 5,000 receipts elsewhere
   * are even listed (issue 13). A receipt's neighbourhood needs every runbook: the whole walk.
   */
  private walkNear(file: string): void {
    if (this.walked.all) {
      this.walkProjectOf(file);
      return;
    }
    if (this.project.kindOf(file) !== 'runbook') {
      this.walkRest();
      return;
    }
    const dir = path.dirname(file);
    if (this.walked.dirs.some((d) => isInside(dir, d))) return;
    this.listInto(dir);
    this.walked.dirs.push(dir);
  }

  /**
   * List every workspace folder (once per index) and return the files not read yet, those
   * beside the open documents first.
   */
  walkRest(): string[] {
    if (!this.walked.all) {
      this.walked.all = true;
      // The workspace folders, and the project of each open file that lies outside them (or in a receipts folder opened alone).
      const roots = this.folders.filter((f) => !this.isReceiptsFolder(f));
      for (const f of this.open.keys()) {
        const root = this.rootFor(f);
        if (!roots.some((r) => isInside(root, r))) roots.push(root);
      }
      for (const root of roots) this.listInto(root);
      this.walked.roots = roots;
      for (const root of roots) if (!this.folders.includes(root)) this.onRootListed?.(root);
    }
    const near = [...this.open.keys()].map((f) => this.neighbourhood(f));
    const isNear = (f: string) => near.some((d) => isInside(f, d));
    const files = [...this.unread.keys()];
    return [...files.filter(isNear), ...files.filter((f) => !isNear(f))];
  }

  /** The folder whose receipts and runbooks a file is linted with: a runbook's own, a receipt's nearest runbook's. */
  private neighbourhood(file: string): string {
    const dir = path.dirname(file);
    if (this.project.kindOf(file) !== 'receipt') return dir;
    for (let d = dir; ; d = path.dirname(d)) {
      if (this.runbookDirs.has(d)) return d;
      if (path.dirname(d) === d) return this.rootFor(file);
    }
  }

  /** Read one listed file into the project, unless an open document or an earlier read has it. */
  readListed(file: string): void {
    const kind = this.unread.get(file);
    if (!kind) return;
    this.unread.delete(file);
    if (this.open.has(file)) return;
    const r = readText(file, this.rootFor(file));
    if ('text' in r) this.project.set(file, r.text, kind);
  }

  /** Before a file is linted while the index is under way: read the listed files it is linted with. */
  readInputsOf(file: string): void {
    this.walkNear(file);
    if (!this.unread.size) return;
    const d = this.neighbourhood(file);
    for (const f of [...this.unread.keys()]) if (isInside(f, d)) this.readListed(f);
  }

  /** Put a file's text in the project; returns the files whose findings may change. */
  /** Open documents the server will not parse, and why (model/limits.ts): published as one diagnostic instead. */
  readonly refused = new Map<string, string>();

  /** Whether a text may be parsed; when not, remembers why. */
  private admit(file: string, text: string | undefined): boolean {
    const why = text === undefined ? undefined : tooLargeToLint(text);
    if (why) this.refused.set(file, why);
    else this.refused.delete(file);
    return !why;
  }

  update(file: string, text: string | undefined, kind?: FileKind): string[] {
    const before = this.project.has(file) ? this.project.dependents(file) : [];
    const viewBefore = this.project.receiptView(file);
    // A file read from disk was measured by readText; an open document's text comes from the editor.
    if (this.open.has(file) && !this.admit(file, text)) text = undefined;
    if (text === undefined || !kind) this.project.delete(file);
    else this.project.set(file, text, kind);
    const after = this.project.has(file) ? this.project.dependents(file) : [];
    // Typing in a runbook's prose changes nothing its receipts read, and a budget edit only its trigger's receipts.
    if (viewBefore !== undefined && this.project.has(file) && sameMembers(before, after)) return [file, ...this.project.receiptsAffected(file, viewBefore)];
    return [...new Set([file, ...before, ...after])];
  }

  /**
   * Files changed on disk (created or changed): read them unless an open document owns them.
   * One file goes through update() (a budget edit re-lints its trigger's receipts only); a batch
   * (a checkout, a pull) is put in at once and its dependents computed once, before and after.
   */
  diskChanged(files: string[]): string[] {
    const changes: { file: string; text?: string; kind?: FileKind }[] = [];
    for (const file of files) {
      this.unread.delete(file);
      if (this.open.has(file)) continue;
      const kind = this.classify(file);
      const r = kind ? readText(file, this.rootFor(file)) : undefined;
      const text = r && 'text' in r ? r.text : undefined;
      if (text === undefined ? !this.project.has(file) : this.project.textOf(file) === text && this.project.kindOf(file) === kind) continue;
      changes.push({ file, text, kind });
    }
    if (changes.length === 1) return this.update(changes[0].file, changes[0].text, changes[0].kind);
    const present = () => changes.map((c) => c.file).filter((f) => this.project.has(f));
    const affected = this.project.dependentsOf(present());
    for (const { file, text, kind } of changes) {
      if (text === undefined || !kind) this.project.delete(file);
      else this.project.set(file, text, kind);
    }
    for (const f of this.project.dependentsOf(present())) affected.add(f);
    return [...changes.map((c) => c.file), ...affected];
  }

  /** Files or folders deleted on disk: every file they held leaves the project at once (issue 16: 20,000 in one notification). */
  diskDeleted(targets: string[]): string[] {
    const gone = new Set(targets);
    const isGone = (file: string) => {
      for (let d = file; ; d = path.dirname(d)) {
        if (gone.has(d)) return true;
        if (path.dirname(d) === d) return false;
      }
    };
    for (const f of [...this.unread.keys()]) if (isGone(f)) this.unread.delete(f);
    const files = this.project.files().filter((f) => !this.open.has(f) && isGone(f));
    if (!files.length) return [];
    const affected = this.project.dependentsOf(files);
    for (const f of files) this.project.delete(f);
    return [...files, ...affected];
  }

  /** The text on disk when a document closes: back to the disk view. */
  closed(file: string): string[] {
    this.open.delete(file);
    if (!fs.existsSync(file)) return this.update(file, undefined);
    const kind = this.classify(file);
    const r = readText(file, this.rootFor(file));
    if (!kind || 'error' in r) return this.update(file, undefined);
    return this.update(file, r.text, kind);
  }
}
