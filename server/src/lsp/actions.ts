// Code actions: each finding's fix, "Create rehearsal receipt for this trigger" on a
// trigger, fix-all of the safe edits, and "New rehearsal receipt" as a source action.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Project } from '../engine/project';
import type { RunbookModel } from '../model/runbook';
import type { ReceiptModel } from '../model/receipt';
import type { Finding, TextEdit as SpanEdit } from '../model/types';
import type { Trigger } from '../model/triggers';
import { defaultTrigger } from '../model/scaffold';
import { factFreeEdits } from '../model/text';
import { CONFIRM_KIND, CREATE_RECEIPT_COMMAND, SHOW_RECEIPT_COMMAND } from './protocol';
import { rangeOf } from './diagnostics';
import { plannedReceipt, receiptEdit } from './receipts';
import { pathToUri } from './uri';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.runbook-lint`;
export const NEW_RECEIPT_KIND = `${CodeActionKind.Source}.runbook-lint.newReceipt`;
export const CREATE_RECEIPT_KIND = `${CodeActionKind.Refactor}.runbook-lint.createReceipt`;

export interface ActionContext {
  project: Project;
  file: string;
  uri: string;
  version: number | null;
  today: string;
  /** The client can create files through a WorkspaceEdit. */
  canCreateFiles: boolean;
  /** The findings of the current text. */
  findings: Finding[];
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

function textEdit(ctx: ActionContext, edits: { range: Diagnostic['range']; newText: string }[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: ctx.uri, version: ctx.version }, edits }] };
}

function createReceiptAction(ctx: ActionContext, runbook: RunbookModel, trigger: Trigger | undefined, title: string, kind: string, diagnostics?: Diagnostic[]): CodeAction {
  const action: CodeAction = { title, kind, diagnostics };
  if (ctx.canCreateFiles) {
    const plan = plannedReceipt(ctx.project, runbook, trigger, ctx.today);
    action.edit = receiptEdit(plan);
    // Then show it, the cursor on when the clock started (window/showDocument).
    action.command = { title: 'Show the new receipt', command: SHOW_RECEIPT_COMMAND, arguments: [{ uri: plan.uri, selection: firstBlank(plan.content) }] };
  } else {
    action.command = { title, command: CREATE_RECEIPT_COMMAND, arguments: [{ runbookUri: ctx.uri, trigger: trigger?.name }] };
  }
  return action;
}

/** The range of the first value only the rehearsal can tell: observed_at's. */
function firstBlank(content: string): Range | undefined {
  const lines = content.split(/\r\n|\r|\n/);
  const i = lines.findIndex((l) => l.startsWith('observed_at:'));
  if (i < 0) return undefined;
  const start = /^observed_at:\s*/.exec(lines[i])![0].length;
  return { start: { line: i, character: start }, end: { line: i, character: lines[i].length } };
}

/** Non-overlapping safe edits, in order. */
function safeEdits(findings: Finding[]): SpanEdit[] {
  const all = factFreeEdits(findings).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: SpanEdit[] = [];
  let end = -1;
  for (const e of all) {
    if (e.start < end || (out.length && e.start === end && e.start === e.end && out[out.length - 1].start === e.start)) continue;
    out.push(e);
    end = e.end;
  }
  return out;
}

const sameRange = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

export function codeActions(ctx: ActionContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const model = ctx.project.model(ctx.file);
  if (!model) return [];
  const out: CodeAction[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === 'runbook-lint');

  // `only: ['quickfix.runbook-lint.confirm']` (VS Code's "apply the first of this kind") asks for the suggestions alone.
  if (wants(only, CodeActionKind.QuickFix) || wants(only, CONFIRM_KIND)) {
    for (const d of ours) {
      // The fix of the finding the server holds for this text, not one echoed back by the client:
      // a diagnostic of an older version (no finding at its range any more) gets none.
      const finding = ctx.findings.find((f) => f.ruleId === d.code && sameRange(rangeOf(model.lines, f.span), d.range));
      const fix = finding?.fix;
      if (!fix) continue;
      if (fix.edits?.length) {
        const edit = textEdit(ctx, fix.edits.map((e) => ({ range: rangeOf(model.lines, e), newText: e.newText })));
        // A fact a person must decide is offered, never preferred: "auto fix" would apply it unread.
        const action: CodeAction = fix.statesFact ? { title: fix.title, kind: CONFIRM_KIND, diagnostics: [d], edit } : { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit };
        if (wants(only, action.kind!)) out.push(action);
      } else if (fix.createFile && model.kind === 'runbook' && wants(only, CodeActionKind.QuickFix)) {
        const named = finding.data?.trigger;
        const trigger = typeof named === 'string' ? model.triggers.triggers.find((t) => t.name === named) : undefined;
        const first = trigger ?? defaultTrigger(model);
        const a = createReceiptAction(ctx, model, first, fix.title, CodeActionKind.QuickFix, [d]);
        a.isPreferred = true;
        out.push(a);
      }
    }
  }

  if (model.kind === 'runbook' && wants(only, CREATE_RECEIPT_KIND)) {
    const start = model.lines.offset(params.range.start);
    const end = model.lines.offset(params.range.end);
    for (const t of model.triggers.triggers) {
      if (t.span.start > end || t.span.end < start) continue;
      out.push(createReceiptAction(ctx, model, t, `Create rehearsal receipt for this trigger: ${t.name}`, CREATE_RECEIPT_KIND));
    }
  }

  if (wants(only, FIX_ALL_KIND)) {
    const edits = safeEdits(ctx.findings);
    if (edits.length) {
      out.push({
        title: 'Fix all runbook-lint problems that have a safe fix',
        kind: FIX_ALL_KIND,
        edit: textEdit(ctx, edits.map((e) => ({ range: rangeOf(model.lines, e), newText: e.newText }))),
      });
    }
  }

  if (wants(only, NEW_RECEIPT_KIND)) {
    const runbook = model.kind === 'runbook' ? model : ctx.project.runbooksFor(model as ReceiptModel)[0];
    out.push({
      title: 'New rehearsal receipt',
      kind: NEW_RECEIPT_KIND,
      // A server command, so it runs in any LSP client; the VS Code extension puts its pickers in front of it.
      command: { title: 'New rehearsal receipt', command: CREATE_RECEIPT_COMMAND, arguments: runbook ? [{ runbookUri: runbook === model ? ctx.uri : pathToUri(runbook.path) }] : [] },
    });
  }
  return out;
}
