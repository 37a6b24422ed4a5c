// Validation: lint, cache the findings, publish them; the debounce of edits. The one
// place that owns what the client was last told (yaml-language-server's
// validationHandlers play this part there).
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../model/text';
import { readRegularFile } from '../engine/read';
import { MAX_CONFIG_BYTES } from '../engine/config';
import type { Finding } from '../model/types';
import type { LintWorkspace } from './workspace';
import { toDiagnostic } from './diagnostics';
import { pathToUri, uriToPath } from './uri';

export type Validation = ReturnType<typeof createValidation>;

export function createValidation(connection: Connection, documents: TextDocuments<TextDocument>, ws: LintWorkspace, log: (m: string) => void, ready: Promise<void>) {
  /** The URI each file's diagnostics were last published under, how many, and what they said (a digest). */
  const published = new Map<string, { uri: string; count: number; digest: string }>();
  /**
   * Findings of the text the project holds, for actions and hover: kept for open documents only.
   * 5,000 closed receipts' findings (with their fixes) are megabytes nobody asks for again; the
   * digest in `published` is enough to tell whether they changed (issue 13: RSS after 300 edits).
   */
  const lastFindings = new Map<string, Finding[]>();

  function findingsOf(file: string): Finding[] {
    let f = lastFindings.get(file);
    if (!f) {
      f = ws.project.has(file) ? ws.project.lint(file) : [];
      lastFindings.set(file, f);
    }
    return f;
  }

  /** While the index is under way, closed files are published by it, once, at its end. */
  let deferred: Set<string> | undefined;

  const digestOf = (fs: Finding[]) => createHash('sha1').update(fs.map((f) => `${f.ruleId}\0${f.severity}\0${f.span.start}\0${f.span.end}\0${f.message}`).join('\n')).digest('base64');

  /**
   * Lint and publish. `now`: publish a closed file even while the index is under way;
   * `ifChanged`: not when the findings are those last published (an open document the index
   * completed is published again only if its receipts changed something).
   */
  function publish(files: Iterable<string>, now = false, ifChanged = false): void {
    for (const file of new Set(files)) {
      try {
        const open = ws.open.get(file);
        if (deferred && !now && !open) {
          deferred.add(file);
          continue;
        }
        if (open) {
          const doc = documents.get(open.uri);
          // A newer text is waiting for its debounce: its own lint publishes; never a stale one.
          if (doc && doc.version !== open.version) {
            lastFindings.delete(file);
            continue;
          }
        }
        const model = ws.project.model(file);
        const findings = model ? ws.project.lint(file) : [];
        const digest = digestOf(findings);
        const unchanged = ifChanged && published.get(file)?.digest === digest;
        if (open) lastFindings.set(file, findings);
        else lastFindings.delete(file);
        if (unchanged) continue;
        const refused = open && ws.refused.get(file);
        const diagnostics: Diagnostic[] = refused
          ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: 'runbook-lint', message: `Not linted: ${refused}.` }]
          : model
            ? findings.map((f) => toDiagnostic(f, model.lines))
            : [];
        const uri = open?.uri ?? pathToUri(file);
        const prev = published.get(file);
        if (prev && prev.uri !== uri && prev.count) connection.sendDiagnostics({ uri: prev.uri, diagnostics: [] });
        if (!open && !diagnostics.length && !(prev && prev.uri === uri && prev.count)) {
          published.delete(file);
          continue;
        }
        connection.sendDiagnostics({ uri, version: open?.version, diagnostics });
        if (diagnostics.length || open) published.set(file, { uri, count: diagnostics.length, digest });
        else published.delete(file);
      } catch (e) {
        log(`runbook-lint: linting ${file} failed: ${(e as Error).stack ?? e}`);
      }
    }
  }

  const configPublished = new Set<string>();
  const settingsShown = new Set<string>();
  let configSent = '';
  /** Show the configuration problems found so far; nothing is sent while they are those last shown. */
  function publishConfigProblems(): void {
    const problems = ws.configProblems();
    const sent = JSON.stringify(problems);
    if (sent === configSent) return;
    configSent = sent;
    const byFile = new Map<string, Diagnostic[]>();
    for (const p of problems) {
      let range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      if (p.span) {
        const read = readRegularFile(p.file, { maxBytes: MAX_CONFIG_BYTES });
        if ('text' in read) {
          const lines = new LineIndex(read.text);
          range = { start: lines.position(p.span.start), end: lines.position(p.span.end) };
        }
      }
      const list = byFile.get(p.file) ?? [];
      list.push({ range, severity: DiagnosticSeverity.Error, source: 'runbook-lint', message: p.message });
      byFile.set(p.file, list);
    }
    for (const file of configPublished) if (!byFile.has(file)) connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: [] });
    configPublished.clear();
    for (const [file, diagnostics] of byFile) {
      if (!path.isAbsolute(file)) {
        // A problem of the editor's settings (runbookLint.runbooks …) has no file to show it on.
        for (const d of diagnostics) {
          if (settingsShown.has(d.message)) continue;
          settingsShown.add(d.message);
          log(`runbook-lint: settings: ${d.message}`);
          void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Runbook Lint settings: ${d.message}` });
        }
        continue;
      }
      configPublished.add(file);
      connection.sendDiagnostics({ uri: pathToUri(file), diagnostics });
    }
  }

  const timers = new Map<string, NodeJS.Timeout>();

  /** Lint an open document now: its text into the project, then it and its dependents. */
  function flush(uri: string): void {
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.delete(uri);
    const doc = documents.get(uri);
    const file = uriToPath(uri);
    if (!doc || !file) return;
    const kind = ws.classify(file);
    if (!kind) {
      if (ws.open.has(file)) publish(ws.closed(file));
      return;
    }
    const known = ws.open.get(file);
    if (known && known.version === doc.version && ws.project.textOf(file) === doc.getText()) return;
    ws.open.set(file, { uri, version: doc.version });
    // Opened while the index is under way: what it is linted with is read first, the rest can wait.
    ws.readInputsOf(file);
    const [self, ...dependents] = ws.update(file, doc.getText(), kind);
    // The document first; the files its edit affects (a budget's receipts) right after, in slices.
    publish([self]);
    // Its folder's configuration may be read for the first time just now.
    publishConfigProblems();
    later(dependents);
  }

  /** Files to lint and publish once the current message is answered, a slice at a time. */
  const pending = new Set<string>();
  let draining = false;
  const SLICE_MS = 20;

  function later(files: string[]): void {
    for (const f of files) {
      pending.add(f);
      // Until it is linted again, a request about it (code actions, hover) lints it afresh.
      lastFindings.delete(f);
    }
    if (pending.size && !draining) {
      draining = true;
      setImmediate(drain);
    }
  }

  function drain(): void {
    const until = performance.now() + SLICE_MS;
    for (const f of pending) {
      pending.delete(f);
      publish([f]);
      if (performance.now() > until) break;
    }
    if (pending.size) setImmediate(drain);
    else draining = false;
  }

  function schedule(uri: string, immediate: boolean): void {
    const prev = timers.get(uri);
    if (prev) clearTimeout(prev);
    const delay = immediate ? 0 : ws.settings.debounceMs;
    timers.set(
      uri,
      setTimeout(() => {
        void ready.then(() => {
          try {
            flush(uri);
          } catch (e) {
            log(`runbook-lint: lint of ${uri} failed: ${(e as Error).stack ?? e}`);
          }
        });
      }, delay),
    );
  }

  /** Before answering a request: the project holds the document's latest text. */
  async function fresh(uri: string): Promise<string | undefined> {
    await ready;
    const file = uriToPath(uri);
    if (!file) return undefined;
    const doc = documents.get(uri);
    if (doc && (timers.has(uri) || ws.open.get(file)?.version !== doc.version)) flush(uri);
    return ws.project.has(file) ? file : undefined;
  }

  return {
    findingsOf,
    publish,
    /** Lint and publish after the current message, a slice at a time (a large batch of changes on disk). */
    later,
    publishConfigProblems,
    flush,
    schedule,
    fresh,
    /** While the index is under way, closed files wait in this set and are published once, at its end. */
    get deferred() {
      return deferred;
    },
    set deferred(d: Set<string> | undefined) {
      deferred = d;
    },
    /** Forget the findings (a new index), or one file's (closed). */
    forget(file?: string) {
      if (file) lastFindings.delete(file);
      else lastFindings.clear();
    },
    /** Drop a pending lint: of one document, or of all. */
    cancel(uri?: string) {
      for (const [u, t] of timers) {
        if (uri && u !== uri) continue;
        clearTimeout(t);
        timers.delete(u);
      }
    },
  };
}
