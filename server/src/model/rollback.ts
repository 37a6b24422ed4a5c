// The rollback itself: the command to run right now, the paths (primary, fallback),
// an honest roll-forward-only statement, and the ordered procedure steps.
import type { Root, RootContent } from 'mdast';
import { NodeMemo, plainText, spanOf, walk, type Nodes } from './markdown';
import { contentOf, descendants, isRollbackTitle, isTriggerTitle, type Section } from './sections';
import { isStepList } from './triggers';
import { derivedFrom, isCommentLine } from './text';
import type { Span } from './types';
import { entrySource, MATCH, PATH_ID_SOURCE } from './vocabulary';

export type PathKind = 'pipeline' | 'console' | 'git-revert' | 'cli' | 'other';

export interface Command {
  text: string;
  span: Span;
  form: 'fenced' | 'inline' | 'action';
}

export interface RollbackPath {
  label?: string;
  primary: boolean;
  kind: PathKind;
  span: Span;
  /** Where the label or the section title stands: the place to report on. */
  labelSpan: Span;
  commands: Command[];
  text: string;
  /** The path, or a which-path guide that names it, says when it is the one to take ("Method 2 (if Method 1 fails)", "**Dùng khi:** …", "Если …", "## Qual Opção Usar?"). */
  conditional?: true;
  /** The environment or plan its label names: "Option A: Git-based rollback (staging)", "Opção B: Daily Backup (Free Plan)". */
  environment?: string;
  /** The section whose paths it is one of: "#### Option A" under "### Procédure rollback Vercel" is not a choice beside the database's Option A. */
  group?: Section;
  /** The section its heading opens, when its label is a heading: a choice made inside it ("#### Via Script" under "### Opzione 2") is not beside it. */
  section?: Section;
}

export interface Step {
  text: string;
  span: Span;
  /** A comment in a script ("# 3. Manually reverse migration"), a table row: they name a step or sum one up, they run nothing. */
  kind?: 'comment' | 'row';
  /** The fenced block a script line stands in. */
  block?: Span;
}

export interface RollbackModel {
  sections: Section[];
  commands: Command[];
  paths: RollbackPath[];
  rollForward?: { text: string; span: Span };
  steps: Step[];
}

/** What marks a path as the one to take first: "Primary:", "(Recommended)", "use this first". */
export const PRIMARY = MATCH.preferred;
// "**Opción A: Git Checkout**", "**方案B：**": a path's word and id in any of the languages.
const PATH_LABEL = new RegExp(`^\\s*(?:(?:\\*\\*|__)\\s*)?(primary|fallback|secondary|backup|alternative|alternate|last resort|${PATH_ID_SOURCE})(?![\\p{L}\\p{N}])[^:：\\n]{0,60}?(?:\\*\\*|__)?\\s*[:：—–-]`, 'iu');
// "Primary path", "Fallback: console", "Path B — kubectl"; not "Backup requirements".
const PATH_HEADING = /^(?:(?:primary|fallback|secondary|backup|alternative|alternate|last resort)(?:\s*$|\s*[:(—–-]|\s+(?:path|method|option|plan|rollback|approach|route|procedure)\b)|(?:option|path|method|plan)\s+[a-z0-9]\b)/i;
const NAMED_ACTION =
  /\b(?:run|running|trigger|triggering|re-?run|start|execute|executing|use|click)\b[^.\n]{0,60}\b(?:pipeline|workflow|deploy(?:ment)? job|github action|job)\b|\/chatops\b|\bchatops\s+run\b|\bslash command\b|^[ \t]*\/[a-z][\w-]+\s+\w/im;
const COMMANDISH = /^(?:kubectl|helm|gh|gcloud|aws|az|git|terraform|argocd|flux|docker|npm|npx|yarn|make|\.\/|bash|sh|curl|fly|heroku|vercel|ssh|psql|rake|rails|python|node|ansible|cap|\/\w+|sudo|systemctl|kamal)\b/;
const ROLL_FORWARD =
  /\b(?:no\s+ability\s+(?:for\s+\w+\s+)?to\s+roll\s*-?back|(?:unable|not\s+able)\s+to\s+roll\s*-?back|roll(?:ing)?\s*-?back\s+is\s+not\s+possible|cannot\s+(?:be\s+)?roll(?:ed)?[\s-]{0,3}back|can(?:'|no)t\s+roll\s*-?back|no\s+rollback\s+(?:is\s+)?(?:possible|path)|there\s+is\s+no\s+rollback|rollback\s+(?:is\s+)?(?:impossible|not\s+supported|not\s+available))\b[^.\n]*|\b(?:we\s+)?(?:roll|fix)(?:ing)?[\s-]{0,3}forward\s+(?:by|with|via|instead|only)\b[^.\n]*/i;
const ROLL_OR_FORWARD = /roll|forward/i;
/** A command that undoes something: `kubectl rollout undo`, `migrate resolve --rolled-back`, `calico-upgrade abort`, `scripts/rollback.sh v0.9.9`. */
const ROLLS_BACK = /rollouts?\s+(?:undo|abort)|roll(?:ed|ing)?\s*-?back|revert|update-traffic|--to-revisions|image_tag|previous|downgrade|\babort\b|\bundo\b|\brestore\b/i;
const STOP_TRAFFIC =
  /\bstop(?:ping)?\s+(?:all\s+)?(?:the\s+)?(?:new\s+|incoming\s+)?(?:traffic|writes|the\s+app)|\bdrain\b|\bmaintenance[\s_-]mode\b|\bmaintenance[:_-](?:on|enable|start)\b|\benable\s+(?:the\s+)?maintenance\b|\bmaintenance\s+page\s+(?:on|up)\b|\bscale\b[^\n]{0,40}(?:--replicas[= ]0|\bto\s+0\b|\bto\s+zero\b|\bcount\s+0\b)|\bdisable\s+(?:all\s+)?traffic|\bout\s+of\s+(?:rotation|the\s+load\s+balancer)|\bweight\s*(?:to\s*)?0\b|\bread[- ]only\s+mode\b|\bblock\s+(?:all\s+)?(?:traffic|writes)|\bcordon\b/i;
const REVERSE_MIGRATION =
  /\b(?:migrat\w*\s+(?:down|rollback|revert|undo|reverse)|(?:reverse|revert|undo|roll\s*back)\s+(?:the\s+)?(?:db\s+|database\s+|schema\s+)?migration|db:rollback|db:migrate:(?:down|undo|rollback)|alembic\s+downgrade|flyway\s+undo|migrate:rollback|(?:reverse|revert|undo|roll\s*back)\s+(?:the\s+)?(?:db\s+|database\s+)?schema(?:\s+changes?)?\b|knex\s+migrate:(?:down|rollback)|sequelize\s+db:migrate:undo|prisma\s+migrate\s+reset|goose\s+down|liquibase\b[^\n]{0,80}?\brollback|manage\.py\s+migrate\s+\w+\s+\d{4}|\.down\b(?!\.(?!sql\b)))/i;

function pathKind(text: string, commands: Command[]): PathKind {
  const all = `${text}\n${commands.map((c) => c.text).join('\n')}`;
  if (/\b(?:pipeline|workflow|gh\s+workflow\s+run|deploy(?:ment)?\s+job|ci\/cd|argocd\s+app\s+(?:rollback|sync)|helm\s+rollback|redeploy|re-deploy|previous\s+(?:image\s+)?tag|image_tag|chatops)\b/i.test(all)) return 'pipeline';
  const onlyRevert = commands.length > 0 && commands.every((c) => /\bgit\s+(?:revert|push)\b/.test(c.text) || !c.text.trim());
  if (onlyRevert) return 'git-revert';
  if (commands.some((c) => c.form !== 'action')) return 'cli';
  // A click that ends with "make a revert commit to reflect the change in Git" is still a click.
  // The browser's developer console ("erro de javascript no console") is where one looks, not a console to click.
  if (MATCH.console.test(MATCH.browserConsole.without(all))) return 'console';
  if (commands.length === 0 && MATCH.gitRevert.test(all)) return 'git-revert';
  return 'other';
}

/**
 * Inline code that reads as a command: a known CLI, or a lowercase program name with
 * arguments (`flyctl releases rollback v12`). Not a UI label (`Dynamic Kubelet Config`),
 * an HTTP request line (`GET /api/orders`) or a single word.
 */
export function isInlineCommand(code: string): boolean {
  // `/api/health`, `/dashboard`: a URL's path, not a slash command (`/rollback`, `/deploy api v1.2`).
  if (/^\/[\w.~:{}/-]*$/.test(code) && !ROLLS_BACK.test(code)) return false;
  // A script by its path counts too (`scripts/rollback.sh v0.9.9`).
  return (
    COMMANDISH.test(code) ||
    /^[a-z][\w.-]*\s+\S/.test(code) ||
    // A bare `js/event-bindings.js` names a file; a shell script runs bare, another with its arguments.
    /^[\w.-]+(?:\/[\w.-]+)*\.(?:sh|bash|ps1)(?:\s|$)/.test(code) ||
    /^[\w.-]+(?:\/[\w.-]+)*\.(?:py|rb|js|mjs|ts)\s+\S/.test(code) ||
    // A flag flipped by its variable (`VALIDATION_ORCHESTRATOR_V2=false`), a request to a rollback endpoint (`POST /api/runs/:id/rollback`).
    /^[A-Z][A-Z0-9_]{2,}=\S+$/.test(code) ||
    (/^(?:POST|PUT|PATCH)\s+\/\S*$/.test(code) && ROLLS_BACK.test(code))
  );
}

const DATA_LANG = /^(?:ya?ml|json5?|txt|text|plain(?:text)?|md|markdown|csv|toml|ini|xml|html?|log)$/i;
const FORM_LINE = /^\s*[\p{L}][\p{L}\p{N} _-]{0,40}:\s+\S/u;
const FILE_NAME = /^\s*[^\s/]+\.[A-Za-z0-9]{1,5}\s*$/;

/**
 * A block that holds data, not a command: a config or a text file (```yaml, ```txt) with no known CLI
 * line, or an unlabelled one of only "Key: value" lines ("Deploy Request: #1234") or file names.
 */
function isDataBlock(lang: string | null | undefined, lines: string[]): boolean {
  if (lang && DATA_LANG.test(lang)) return !lines.some((l) => COMMANDISH.test(l.trim().replace(/^\$\s+/, '')));
  return !lang && lines.every((l) => FORM_LINE.test(l) || FILE_NAME.test(l));
}

const commandsOf = new NodeMemo<Command>();
const stepsOf = new NodeMemo<Step>();
const rollForwardOf = new NodeMemo<{ text: string; span: Span }>();

function commandsIn(nodes: RootContent[], text: string): Command[] {
  return commandsOf.in(nodes, (top) => commandsOfNode(top, text));
}

function commandsOfNode(top: RootContent, text: string): Command[] {
  const out: Command[] = [];
  walk(top as Nodes, (n) => {
    if (n.type === 'code') {
      // A block of comments only ("# Command to undo the action") is a template, not a command.
      const lines = n.value.split(/\r\n|\r|\n/).filter((l) => l.trim() && !isCommentLine(l));
      if (lines.length && !isDataBlock(n.lang, lines)) out.push({ text: n.value, span: spanOf(n), form: 'fenced' });
      return false;
    }
    if (n.type === 'inlineCode') {
      if (isInlineCommand(n.value.trim())) out.push({ text: n.value, span: spanOf(n), form: 'inline' });
      return false;
    }
    if (n.type === 'paragraph' || n.type === 'tableCell' || n.type === 'heading') {
      const s = spanOf(n);
      const t = text.slice(s.start, s.end);
      const m = NAMED_ACTION.exec(t);
      if (m) out.push({ text: m[0], span: { start: s.start + m.index, end: s.start + m.index + m[0].length }, form: 'action' });
      // Commands pasted without a fence: a line that starts with a known CLI and an argument.
      if (n.type === 'paragraph') {
        for (const lm of t.matchAll(/[^\r\n]+/g)) {
          const line = lm[0];
          const offset = s.start + (lm.index ?? 0);
          const bare = afterRunVerb(line.replace(/^\s*\$\s+/, ''));
          if (COMMANDISH.test(bare) && /^\S+\s+\S/.test(bare) && !/^\/\w+\s+[a-z]+\s+[a-z]+\s+[a-z]+/.test(bare)) {
            out.push({ text: line, span: { start: offset, end: offset + line.length }, form: 'inline' });
          }
        }
      }
    }
    return undefined;
  });
  return out;
}

/** "Esegui docker compose down && …", "Run: kubectl rollout undo …": the command after the verb that runs it. */
function afterRunVerb(line: string): string {
  const verb = MATCH.run.find(line.trimStart());
  if (!verb) return line;
  return line.trimStart().slice(verb.length).replace(/^[\s:：]+/, '');
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

function environmentOf(label: string): { environment?: string } {
  const at = MATCH.environments.find(label);
  return at ? { environment: label.slice(at.index, at.index + at.length).toLowerCase() } : {};
}

/**
 * "## Qual Opção Usar?" over "→ Use OPÇÃO B (Feature Flag Toggle) — mais rápido": a guide that names a
 * path says when to take it. Only its name counts ("opção b"), so a guide naming Option A leaves Option C open.
 */
function namedInGuide(paths: RollbackPath[], sections: Section[], text: string): void {
  if (!paths.some((p) => p.label && !p.conditional)) return;
  const guides: string[] = [];
  const visit = (s: Section) => {
    if (MATCH.pathChoice.test(s.title) && !paths.some((p) => p.labelSpan.start === s.span.start)) guides.push(contentOf(s).map((n) => text.slice(spanOf(n).start, spanOf(n).end)).join('\n').toLowerCase());
    else s.children.forEach(visit);
  };
  sections.forEach(visit);
  if (!guides.length) return;
  for (const p of paths) {
    if (!p.label || p.conditional) continue;
    const at = MATCH.pathHeading.find(p.label);
    const named = new RegExp(entrySource(at ? p.label.slice(at.index, at.index + at.length) : p.label), 'u');
    if (guides.some((g) => named.test(g))) p.conditional = true;
  }
}

/** "#### 5.1 Rollback via Vercel Dashboard" beside "#### 5.2 Rollback via Vercel CLI": two or more sibling headings that say how. */
function isViaPath(s: Section): boolean {
  return MATCH.pathVia.test(s.title) && !!s.parent && viaChildren(s.parent) >= 2;
}
// Counted once per parent, not once per child that asks.
const viaChildren = derivedFrom((parent: Section) => parent.children.filter((c) => MATCH.pathVia.test(c.title)).length);

/** "### Automated Rollback" beside "### Manual Rollback Steps", "### 자동 롤백" beside "### 수동 롤백": two ways back, not two triggers' sections. */
function isModePath(s: Section): boolean {
  return !!s.parent && modeChildren(s.parent).has(s);
}
const modeChildren = derivedFrom((parent: Section): ReadonlySet<Section> => {
  // "## Critérios de rollback (Triggers)" over "### Automático" / "### Manual": two tiers of triggers.
  for (let s: Section | undefined = parent; s; s = s.parent) if (isTriggerTitle(s.title)) return new Set();
  const ways = parent.children.filter((c) => !isTriggerTitle(c.title) && (MATCH.automatic.test(c.title) || MATCH.manual.test(c.title)));
  const both = ways.some((c) => MATCH.automatic.test(c.title)) && ways.some((c) => MATCH.manual.test(c.title));
  return new Set(both ? ways : []);
});

/** Split rollback content into labelled paths ("Primary: …", "Fallback: …", "### Path B"). */
function pathsIn(section: Section, text: string): RollbackPath[] {
  const paths: RollbackPath[] = [];
  const starts: { label: string; labelSpan: Span; index: number; section: Section; group: Section }[] = [];
  const flat: { node: RootContent; section: Section }[] = [];
  const visit = (s: Section) => {
    if ((PATH_HEADING.test(s.title) || MATCH.pathHeading.test(s.title) || isViaPath(s) || isModePath(s)) && s !== section) starts.push({ label: s.title, labelSpan: s.span, index: flat.length, section: s, group: s.parent ?? section });
    for (const n of s.own) {
      if (n.type === 'paragraph' || n.type === 'list') {
        const first = n.type === 'list' ? n.children[0]?.children[0] : n;
        const fs = first ? spanOf(first) : spanOf(n);
        const m = PATH_LABEL.exec(text.slice(fs.start, Math.min(fs.end, fs.start + 120)));
        if (m && n.type === 'paragraph') starts.push({ label: m[1], labelSpan: { start: fs.start, end: fs.start + m[0].length }, index: flat.length, section: s, group: s });
        if (m && n.type === 'list') {
          // A list of labelled paths: each item is a path.
          for (const item of n.children) {
            const is = spanOf(item);
            const im = PATH_LABEL.exec(text.slice(is.start, Math.min(is.end, is.start + 140)).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
            if (!im) continue;
            const itemText = text.slice(is.start, is.end);
            const commands = commandsIn([item as unknown as RootContent], text);
            paths.push({ label: im[1], primary: PRIMARY.test(im[0]), kind: pathKind(itemText, commands), span: is, labelSpan: is, commands, text: itemText, group: s, ...environmentOf(im[0]) });
          }
          flat.push({ node: n, section: s });
          continue;
        }
      }
      flat.push({ node: n, section: s });
    }
    for (const c of s.children) visit(c);
  };
  visit(section);
  if (paths.length) return paths;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i].index;
    const to = i + 1 < starts.length ? starts[i + 1].index : flat.length;
    const nodes = flat.slice(from, to).map((f) => f.node).filter((n) => n.type !== 'heading');
    const body = nodes.map((n) => text.slice(spanOf(n).start, spanOf(n).end)).join('\n');
    const commands = commandsIn(nodes, text);
    const labelText = text.slice(starts[i].labelSpan.start, starts[i].labelSpan.end);
    const span = nodes.length ? { start: Math.min(starts[i].labelSpan.start, spanOf(nodes[0]).start), end: spanOf(nodes[nodes.length - 1]).end } : starts[i].labelSpan;
    // "## Option A: via GitHub Actions" over "This is the preferred way, …": the path's first paragraph can mark it.
    const lead = nodes[0]?.type === 'paragraph' ? plainText(nodes[0]).slice(0, 200) : '';
    const heading = starts[i].section.span === starts[i].labelSpan;
    // "## Automated Rollback Procedure" over "### Using Rollback Script (Recommended)": the way it holds is the one to take.
    const primary =
      PRIMARY.test(labelText) ||
      (!!lead && PRIMARY.test(lead) && !MATCH.negative.test(lead)) ||
      (heading && descendants(starts[i].section).some((d) => PRIMARY.test(d.title) && !MATCH.negative.test(d.title)));
    // "**When to use**: If service becomes unresponsive" may follow the path's first steps.
    const conditional =
      MATCH.conditional.test(labelText) ||
      flat.slice(from, Math.min(to, from + 6)).some(({ node: n, section: at }) => {
        if (n.type !== 'paragraph' || at !== starts[i].section) return false;
        const t = plainText(n);
        return t.length <= 300 && MATCH.conditional.test(t.slice(0, 40));
      });
    paths.push({
      label: starts[i].label,
      primary,
      kind: pathKind(`${labelText}\n${body}`, commands),
      span,
      labelSpan: starts[i].labelSpan,
      commands,
      text: `${labelText}\n${body}`,
      group: starts[i].group,
      ...(heading ? { section: starts[i].section } : {}),
      ...(conditional ? { conditional: true as const } : {}),
      ...environmentOf(lineAt(text, starts[i].labelSpan.start)),
    });
  }
  return paths;
}

const PATH_COMMENT = /^\s*(?:#|\/\/|--)\s*(\S.*)$/;

/** "# 方案A：使用Git分支切换" … "# 方案B：使用备份文件" in one script: its paths, each the lines up to the next. */
function commentPathsIn(section: Section, text: string): RollbackPath[] {
  const out: RollbackPath[] = [];
  for (const s of [section, ...descendants(section)]) {
    for (const n of s.own) {
      if (n.type !== 'code') continue;
      const block = spanOf(n);
      const labels: { label: string; span: Span }[] = [];
      for (const m of text.slice(block.start, block.end).matchAll(/[^\r\n]+/g)) {
        const c = PATH_COMMENT.exec(m[0]);
        const label = c?.[1].trim() ?? '';
        const at = block.start + (m.index ?? 0);
        if (c && (PATH_HEADING.test(label) || MATCH.pathHeading.test(label))) labels.push({ label, span: { start: at, end: at + m[0].length } });
      }
      if (labels.length < 2) continue;
      labels.forEach((l, i) => {
        const span = { start: l.span.start, end: i + 1 < labels.length ? labels[i + 1].span.start : block.end };
        const body = text.slice(span.start, span.end);
        const commands: Command[] = body.split(/\r?\n/).some((x) => x.trim() && !isCommentLine(x) && !FENCE_LINE.test(x)) ? [{ text: body, span, form: 'fenced' }] : [];
        out.push({ label: l.label, primary: PRIMARY.test(l.label), kind: pathKind(body, commands), span, labelSpan: l.span, commands, text: body, group: s });
      });
    }
  }
  return out;
}

const COMMENT = /^\s*(?:#|\/\/|--)/;
/** A fence's opening or closing line, part of the block's source, not of its code. */
const FENCE_LINE = /^\s*(?:```|~~~)/;
const NUMBERED_COMMENT = /^\s*(?:#|\/\/|--)\s*(?:step\s+)?\d+[.):]\s/i;
/** What a script prints is not what it does: `echo "🚨 DATABASE MIGRATION ROLLBACK"`. */
const OUTPUT = /^\s*(?:echo|printf|log|write-host)\b/i;
/** A string in code is data: `'ALTER TABLE t DROP COLUMN c;',` stored in a table runs nothing. */
const STRING_LITERAL = /^\s*['"`]/;
/** `if [ -f "$PREVIOUS/rollback.sql" ]; then` tests that a file is there; the lines after it run it. */
const SHELL_TEST = /^\s*(?:el)?if\s+\[\[?\s[^\n]*\]\]?\s*;\s*then\s*$|^\s*(?:while|until)\s+\[\[?\s[^\n]*;\s*do\s*$/;
/** In SQL a quoted string is a value: `SHA2('ALTER TABLE t DROP COLUMN c;', 256)` drops nothing. */
const SQL_FENCE = /^(?:sql|mysql|pgsql|plpgsql|postgres(?:ql)?|sqlite|tsql|plsql)$/i;
const SQL_STRING = /'(?:[^'\n]|'')*'/g;
/** `cat > prisma/migrations/x/migration.sql << 'SQL'`: the lines up to SQL are a file's content, written, not run. */
const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_]\w*)\1/;
const WRITES_FILE = />\s*[^\s&|>]/;
function heredocToFile(line: string): string | undefined {
  const heredoc = HEREDOC.exec(line);
  if (!heredoc) return undefined;
  const before = line.slice(0, heredoc.index);
  const after = line.slice(heredoc.index + heredoc[0].length);
  if (/^\s*(?:sudo\s+)?tee\b/.test(before)) return heredoc[2];
  if (/^\s*(?:sudo\s+)?cat\b/.test(before) && (WRITES_FILE.test(before) || WRITES_FILE.test(after))) return heredoc[2];
  return undefined;
}
const FILE_NAME_COMMENT = /^\s*(?:--|#|\/\/)\s*[\w./-]+\.(?:sql|py|rb|js|ts|go|java|kt|php|exs?)\s*$/;
/** A warning's illustration: "5. **❌ 在迁移中删除表/列**" over the SQL not to run. */
const WARNING = /^\s*(?:(?:\*\*|__)\s*)?[❌🚫⛔]/u;

function stepsIn(nodes: RootContent[], text: string): Step[] {
  return stepsOf.in(nodes, (top) => stepsOfNode(top, text));
}

function stepsOfNode(top: RootContent, text: string): Step[] {
  const steps: Step[] = [];
  walk(top as Nodes, (n) => {
    if (n.type === 'code') {
      const s = spanOf(n);
      const body = text.slice(s.start, s.end);
      let offset = s.start;
      const lines = body.split(/\r?\n|\r/);
      // In a script whose steps are numbered comments ("# 1. Stop applications"), the comments
      // before the first step are its title ("# Database Migration Rollback"), not steps.
      // "-- U4__Undo_add_status_code.sql" as the first line: the block is that file's content, shown, not run.
      const opener = FENCE_LINE.test(lines[0]) ? 1 : 0;
      if (FILE_NAME_COMMENT.test(lines.find((l, i) => i >= opener && l.trim()) ?? '')) return false;
      const firstNumbered = lines.findIndex((l) => NUMBERED_COMMENT.test(l));
      let fileContentUntil: string | undefined;
      const sql = SQL_FENCE.test(n.lang ?? '');
      for (const [i, line] of lines.entries()) {
        const header = i < firstNumbered && COMMENT.test(line);
        const inFile = fileContentUntil !== undefined;
        if (inFile && line.trim() === fileContentUntil) fileContentUntil = undefined;
        const delimiter = inFile ? undefined : heredocToFile(line);
        if (delimiter) fileContentUntil = delimiter;
        const prev = steps[steps.length - 1];
        if (!inFile && prev?.block === s && !prev.kind && /\\\s*$/.test(prev.text) && line.trim()) {
          // "liquibase \" over "  rollback-to-tag v1.0": one command, continued.
          prev.text = `${prev.text.replace(/\\\s*$/, '')} ${line.trim()}`;
          prev.span = { start: prev.span.start, end: offset + line.length };
        } else if (!inFile && line.trim() && !FENCE_LINE.test(line) && !header && !OUTPUT.test(line) && !STRING_LITERAL.test(line) && !SHELL_TEST.test(line)) {
          steps.push({ text: sql ? line.replace(SQL_STRING, "''") : line, span: { start: offset, end: offset + line.length }, block: s, ...(COMMENT.test(line) ? { kind: 'comment' as const } : {}) });
        }
        offset += line.length + (text[offset + line.length] === '\r' && text[offset + line.length + 1] === '\n' ? 2 : 1);
      }
      return false;
    }
    if (n.type === 'listItem' && n.children[0]?.type === 'paragraph' && WARNING.test(plainText(n.children[0]))) {
      const s = spanOf(n.children[0]);
      steps.push({ text: plainText(n.children[0]), span: s });
      return false;
    }
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableRow') {
      const s = spanOf(n);
      steps.push({ text: plainText(n), span: s, ...(n.type === 'tableRow' ? { kind: 'row' as const } : {}) });
      return false;
    }
    return undefined;
  });
  return steps;
}

/**
 * A rollback section: its title says so, or a heading that usually heads triggers ("### Immediate Rollback")
 * holds only steps ("1. Execute: `npm run deploy:rollback`", "2. Verify: …").
 */
function isProcedure(s: Section): boolean {
  if (isRollbackTitle(s.title)) return true;
  if (!isTriggerTitle(s.title) || !MATCH.rollback.test(s.title)) return false;
  const lists = s.own.filter((n) => n.type === 'list');
  return lists.length > 0 && lists.every(isStepList);
}

/** The outermost rollback sections are the procedure; a rollback section inside one is part of it. */
function hasRollbackAncestor(section: Section): boolean {
  for (let p = section.parent; p; p = p.parent) if (isProcedure(p)) return true;
  return false;
}

export function extractRollback(root: Root, text: string, sections: Section[]): RollbackModel {
  const top = sections.filter((s) => isProcedure(s) && !hasRollbackAncestor(s));
  const nodes = top.flatMap(contentOf);
  const commands = commandsIn(nodes, text);
  const paths = top.flatMap((s) => pathsIn(s, text));
  namedInGuide(paths, sections, text);
  if (paths.length === 0 && top.length) {
    // One unlabelled path: all the rollback sections say ("## Basic concepts" may come before "## Procedure"), reported on the first.
    const s = top[0];
    const bodyText = nodes.map((n) => text.slice(spanOf(n).start, spanOf(n).end)).join('\n');
    if (commands.length || bodyText.trim()) {
      // "### App Store (iOS)" over "- Halt staged rollout": where the path is done is often only in its sub-headings.
      // Not a symptom's heading ("### Sintoma: botão não responde"): that says what goes wrong, not where the path is done.
      const titles = top.flatMap((t) => [t, ...descendants(t)].map((d) => d.title).filter((title) => !MATCH.symptom.test(title))).join('\n');
      paths.push({ primary: false, kind: pathKind(`${titles}\n${bodyText}`, commands), span: s.span, labelSpan: s.span, commands, text: bodyText });
    }
    // Beside it, paths a script names in its comments ("# 方案A：…", "# 方案B：…"): a choice of their own.
    paths.push(...top.flatMap((t) => commentPathsIn(t, text)));
  }
  let rollForward: RollbackModel['rollForward'];
  const searchable = root.children.filter((n) => n.type !== 'code');
  for (const n of searchable) {
    [rollForward] = rollForwardOf.of(n, () => {
      const s = spanOf(n);
      const slice = text.slice(s.start, s.end);
      // Every alternative of ROLL_FORWARD has "roll" or "forward" in it: skip the long regex where neither is.
      const m = ROLL_OR_FORWARD.test(slice) ? ROLL_FORWARD.exec(slice) : null;
      return m ? [{ text: m[0], span: { start: s.start + m.index, end: s.start + m.index + m[0].length } }] : [];
    });
    if (rollForward) break;
  }
  // Without a rollback section, commands anywhere that roll back still count.
  const looseCommands = top.length ? [] : commandsIn(root.children, text).filter((c) => ROLLS_BACK.test(c.text));
  return {
    sections: top,
    commands: commands.length ? commands : looseCommands,
    paths,
    rollForward,
    steps: stepsIn(nodes, text),
  };
}

// RB019 asks both once per step text (its stepKind is memoized).
export function isStopTraffic(step: string): boolean {
  return STOP_TRAFFIC.test(step);
}

export function isReverseMigration(step: string): boolean {
  // "Test migration rollback in staging" is a check, not a step that reverses one.
  if (/^\s*(?:[-*]\s*)?(?:\[[ xX]\]\s*)?(?:test|verify|check|practice|document|plan|review|ensure|confirm)\b/i.test(step)) return false;
  return REVERSE_MIGRATION.test(step) || MATCH.schemaReversal.test(step);
}
