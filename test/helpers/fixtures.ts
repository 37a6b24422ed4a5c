// Rule fixtures with inline expected markers, as markdownlint does it: a `{RB005}`
// anywhere on a line expects that rule to report a finding starting on that line;
// `<!-- expect RB005:14 -->` expects one on line 14 (1-based) where a marker would
// disturb the Markdown (inside a table, say).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Project, classify } from '../../server/src/engine/project';
import { ConfigResolver } from '../../server/src/engine/config';
import { LineIndex } from '../../server/src/model/text';
import type { Finding } from '../../server/src/model/types';

export const FIXTURE_TODAY = '2026-06-01';
export const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'rules');

export interface Expectation {
  file: string;
  ruleId: string;
  line: number;
}

export function markersIn(file: string, text: string): Expectation[] {
  const out: Expectation[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((l, i) => {
    for (const m of l.matchAll(/\{(R[BR]\d{3})\}/g)) out.push({ file, ruleId: m[1], line: i + 1 });
    for (const m of l.matchAll(/<!--\s*expect\s+(R[BR]\d{3}):(\d+)\s*-->/g)) out.push({ file, ruleId: m[1], line: Number(m[2]) });
  });
  return out;
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

export interface LoadedCase {
  name: string;
  project: Project;
  files: string[];
  expected: Expectation[];
}

/** A case is one .md file (a runbook unless the globs say receipt) or a folder (a workspace). */
export function loadCase(casePath: string, today = FIXTURE_TODAY): LoadedCase {
  const isDir = fs.statSync(casePath).isDirectory();
  const root = isDir ? casePath : path.dirname(casePath);
  const resolver = new ConfigResolver(root);
  const project = new Project({ today: () => today, configFor: (f) => resolver.forFile(f) });
  const files = isDir ? markdownFiles(casePath) : [casePath];
  const expected: Expectation[] = [];
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    project.set(f, text, classify(f, resolver.forFile(f)) ?? 'runbook');
    expected.push(...markersIn(f, text));
  }
  return { name: path.relative(FIXTURES, casePath), project, files, expected };
}

export function findingLine(project: Project, f: Finding): number {
  return new LineIndex(project.textOf(f.file)!).position(f.span.start).line + 1;
}

export function key(e: Expectation): string {
  return `${path.basename(e.file)}:${e.line} ${e.ruleId}`;
}
