import type { RunbookRule } from './rule';
import { contentOf } from '../model/sections';
import { plainText, spanOf } from '../model/markdown';
import { isInlineCommand } from '../model/rollback';
import type { RunbookModel } from '../model/runbook';
import { MATCH } from '../model/vocabulary';

/**
 * A pipeline or ChatOps action named without a verb the engine knows:
 * 'CI/CD job "Rollback" restores previous artifact', 'the `rollback` workflow'.
 */
const NAMED_JOB =
  /\b(?:ci\/cd|ci|cd|pipeline|workflow|github\s+actions?|gitlab\s+ci|jenkins|argo\s*cd|spinnaker|deploy(?:ment)?)\s+(?:job|workflow|pipeline|action|stage)\s+["“'`][^"”'`\n]{1,60}["”'`]|["“'`][^"”'`\n]{1,60}["”'`]\s+(?:job|workflow|pipeline|github\s+action)\b/i;

export const RB010: RunbookRule = {
  id: 'RB010',
  name: 'no-rollback-command',
  severity: 'error',
  appliesTo: 'runbook',
  fixable: false,
  description: 'No command to run right now, and no honest roll-forward-only statement.',
  check({ model, report }) {
    const rb = model.rollback;
    if (rb.commands.some((c) => !observesOnly(c.text)) || rb.rollForward) return;
    const section = rb.sections[0];
    for (const s of rb.sections) {
      for (const n of contentOf(s)) {
        if (n.type === 'code') continue;
        const span = spanOf(n);
        if (NAMED_JOB.test(model.text.slice(span.start, span.end))) return;
      }
    }
    // "**Action**: `./scripts/flags/toggle-reporting.sh --percent 0`" under a trigger list: its answer is the command.
    if (actionUnderTriggers(model)) return;
    report({
      span: section ? section.span : model.anchor,
      message: section
        ? 'This rollback section has no command to run right now: add the exact command (a fenced block), or name the pipeline or ChatOps action that rolls back. If rollback is impossible, say so and name the roll-forward path.'
        : 'No rollback command: write what you run right now to roll back (a fenced command, or the pipeline or ChatOps action), or state honestly that rollback is not possible and how you roll forward.',
    });
  },
};

/**
 * `aws logs tail`, `kubectl get pods`, `curl …/health`: a command that only looks. A rollback section
 * whose every command looks still says nothing to run ("ECS タスク定義を前のリビジョンに戻す").
 */
const OBSERVE = /^\s*(?:sudo\s+)?(?:aws\s+logs\b|kubectl\s+(?:logs|get|describe|top)\b|docker\s+(?:ps|logs)\b|docker\s+compose\s+(?:ps|logs)\b|journalctl\b|tail\b|grep\b|less\b|watch\b|curl\b[^\n|;&]{0,200}\/(?:health|healthz|ready|readyz|status|ping)\b[^\n|;&]*$|(?:npm|pnpm|yarn)\s+(?:run\s+)?[\w:.-]{0,40}(?:health|verify|check|smoke|status)[\w:.-]{0,40}\s*$|node\s+[\w./\\-]{0,80}(?:health|verify|check|smoke)[\w.-]{0,40}\.m?js\s*$)/i;
function observesOnly(command: string): boolean {
  const lines = command.split(/\r?\n/).filter((l) => l.trim() && !/^\s*(?:#|\/\/|```|~~~)/.test(l));
  return lines.length > 0 && lines.every((l) => OBSERVE.test(l));
}

function actionUnderTriggers(model: RunbookModel): boolean {
  for (const a of model.triggers.announcements) {
    for (const n of a.section?.own ?? []) {
      if (n.type !== 'paragraph') continue;
      const t = plainText(n);
      const colon = t.search(/[:：]/);
      if (colon < 0 || !MATCH.stepLabel.test(t.slice(0, colon).trim().toLowerCase())) continue;
      if (n.children.some((c) => c.type === 'inlineCode' && isInlineCommand(c.value.trim()))) return true;
    }
  }
  return false;
}
