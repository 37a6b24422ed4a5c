// Findings -> LSP diagnostics: rule id as code, a link to the rule's docs page, the
// exact range, and in `data` what the code actions need (the fix, the trigger).
import * as path from 'node:path';
import { docsPath } from '../rules/rule';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { LineIndex } from '../model/text';
import type { Finding, Span } from '../model/types';
import { RULES } from '../rules';
import { pathToUri } from './uri';

/** The package beside the bundle: dist/server.js -> .. (docs/rules/ID.md lives there). */
const PACKAGE_ROOT = path.join(__dirname, '..');

function docsFile(ruleId: string): string {
  return path.join(PACKAGE_ROOT, docsPath(ruleId));
}

export function docsUri(ruleId: string): string {
  return pathToUri(docsFile(ruleId));
}

const SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function rangeOf(lines: LineIndex, span: Span): Range {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

export interface FindingData {
  ruleId: string;
  ruleName: string;
  fix?: {
    title: string;
    edits?: { range: Range; newText: string }[];
    createFile?: { path: string; uri: string };
  };
  /** The rule's own data (e.g. the trigger a finding is about). */
  detail?: Record<string, unknown>;
}

function jsonSafe(v: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!v) return undefined;
  try {
    return JSON.parse(JSON.stringify(v));
  } catch {
    return undefined;
  }
}

export function toDiagnostic(f: Finding, lines: LineIndex): Diagnostic {
  const data: FindingData = { ruleId: f.ruleId, ruleName: f.ruleName, detail: jsonSafe(f.data) };
  if (f.fix) {
    data.fix = {
      title: f.fix.title,
      edits: f.fix.edits?.map((e) => ({ range: rangeOf(lines, e), newText: e.newText })),
      createFile: f.fix.createFile ? { path: f.fix.createFile.path, uri: pathToUri(f.fix.createFile.path) } : undefined,
    };
  }
  return {
    range: rangeOf(lines, f.span),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.ruleId,
    codeDescription: { href: docsUri(f.ruleId) },
    source: 'runbook-lint',
    message: f.message,
    data,
  };
}

const descriptions = new Map(RULES.map((r) => [r.id, r.description]));

/** What a rule catches, in one line (its docs page, linked beside it, says the rest). */
export function ruleSummary(ruleId: string): string {
  return descriptions.get(ruleId) ?? '';
}
