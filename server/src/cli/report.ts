// Output formats: the JSON the spec fixes (version 1), SARIF 2.1.0, GitLab Code Quality, and eslint-like text.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { LineIndex } from '../model/text';
import { docsPath } from '../rules/rule';
import { RULES } from '../rules';
import type { ConfigProblem, Finding } from '../model/types';
import type { WalkProblem } from '../engine/files';
import type { CliIO } from './usage';

export interface PublicFinding {
  file: string;
  ruleId: string;
  ruleName: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  docs: string;
  fixable: boolean;
}

export function toPublic(findings: Finding[], textOf: (file: string) => string, cwd: string): PublicFinding[] {
  const indexes = new Map<string, LineIndex>();
  const out = findings.map((f) => {
    let idx = indexes.get(f.file);
    if (!idx) {
      idx = new LineIndex(textOf(f.file));
      indexes.set(f.file, idx);
    }
    const s = idx.position(f.span.start);
    const e = idx.position(f.span.end);
    return {
      file: path.relative(cwd, f.file).split(path.sep).join('/') || path.basename(f.file),
      ruleId: f.ruleId,
      ruleName: f.ruleName,
      severity: f.severity,
      message: f.message,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      docs: docsPath(f.ruleId),
      fixable: !!f.fix?.edits?.length,
    };
  });
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)));
}

export function formatJson(findings: PublicFinding[], filesLinted: number): string {
  return JSON.stringify({ version: 1, filesLinted, findings }, null, 2);
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note' };

function docsUrl(ruleId: string): string {
  return `https://github.com/runbook-lint/runbook-lint/blob/main/${docsPath(ruleId)}`;
}

export function formatSarif(findings: PublicFinding[], version: string): string {
  const rules = RULES.map((r) => {
    const helpUri = docsUrl(r.id);
    return {
      id: r.id,
      name: r.name,
      shortDescription: { text: r.description },
      // GitHub code scanning requires both (the Multitool's GH2012); the page holds the rest.
      fullDescription: { text: r.description },
      help: {
        text: `${r.id} ${r.name}: ${r.description} Failing and passing examples, and how to fix it: ${helpUri}`,
        markdown: `**${r.id} ${r.name}**: ${r.description}\n\nFailing and passing examples, and how to fix it: [${docsPath(r.id)}](${helpUri})`,
      },
      helpUri,
      defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    };
  });
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'runbook-lint', version, informationUri: 'https://github.com/runbook-lint/runbook-lint', rules } },
          // What the columns count, said rather than left to the default (the same: UTF-16 code units, as LSP and JSON output).
          columnKind: 'utf16CodeUnits',
          results: findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column + 1 : 1) },
                },
              },
            ],
          })),
        },
      ],
    },
    null,
    2,
  );
}

const CODEQUALITY_SEVERITY: Record<string, string> = { error: 'major', warning: 'minor', information: 'info' };

/**
 * GitLab Code Quality (a subset of Code Climate's issue format), as
 * markdownlint-cli2-formatter-codequality writes it. Paths are relative to where the CLI runs:
 * GitLab wants them relative to the repository root.
 */
export function formatCodeQuality(findings: PublicFinding[]): string {
  const seen = new Map<string, number>();
  const issues = findings.map((f) => {
    const key = `${f.file}\n${f.ruleId}\n${f.line}\n${f.message}`;
    // GitLab matches issues across pipelines by fingerprint, so two findings alike but for the
    // column get an occurrence number (stable: the findings are sorted) instead of one collapsing.
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      type: 'issue',
      check_name: f.ruleId,
      description: `${f.ruleId}/${f.ruleName}: ${f.message}`,
      content: { body: `[${f.ruleId} ${f.ruleName}](${docsUrl(f.ruleId)}): what it catches, why, failing and passing examples.` },
      categories: ['Style'],
      location: {
        path: f.file,
        // A span ending at column 1 ends with the line before it.
        lines: { begin: f.line, end: f.endLine > f.line && f.endColumn === 1 ? f.endLine - 1 : f.endLine },
      },
      severity: CODEQUALITY_SEVERITY[f.severity] ?? 'info',
      fingerprint: createHash('sha256').update(n === 1 ? key : `${key}\n${n}`).digest('hex'),
    };
  });
  return JSON.stringify(issues, null, 2);
}

/**
 * Text safe to print on a terminal or into a CI log: control characters (ESC and the rest of C0
 * and C1, DEL) and the bidirectional overrides are shown as `\u001b`, never sent raw, so a
 * document cannot move the cursor, erase a line or reorder what a reader sees (issue 16).
 * JSON and SARIF need no such step: JSON.stringify escapes C0 itself; C1 and the bidi controls
 * are harmless inside a string a program parses.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\n]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The configuration and I/O problems on stderr, one line each; true when there were any (exit 2). */
export function printProblems(config: readonly ConfigProblem[], problems: readonly WalkProblem[], io: CliIO): boolean {
  for (const p of config) io.stderr(`runbook-lint: ${printable(path.relative(io.cwd, p.file) || p.file)}: ${printable(p.message)}\n`);
  for (const p of problems) io.stderr(`runbook-lint: ${printable(p.path)}: ${printable(p.message)}\n`);
  return config.length > 0 || problems.length > 0;
}

export function formatText(findings: PublicFinding[], color: boolean): string {
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev: Record<string, string> = { error: c('31', 'error'), warning: c('33', 'warning'), information: c('36', 'info') };
  const lines: string[] = [];
  let current = '';
  for (const f of findings) {
    if (f.file !== current) {
      if (current) lines.push('');
      lines.push(c('4', printable(f.file)));
      current = f.file;
    }
    lines.push(`  ${`${f.line}:${f.column}`.padEnd(8)} ${sev[f.severity].padEnd(color ? 16 : 7)}  ${printable(f.message)}  ${c('2', f.ruleId)}`);
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const e = count('error');
  const w = count('warning');
  const i = count('information');
  if (findings.length) {
    lines.push('');
    const summary = `✖ ${findings.length} problem${findings.length === 1 ? '' : 's'} (${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info)`;
    lines.push(e ? c('31;1', summary) : c('33;1', summary));
  }
  return lines.join('\n');
}
