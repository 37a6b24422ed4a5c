// A fault-injection hook for the resilience tests (issue 6): RUNBOOK_LINT_FAULT="RB014:marker"
// makes rule RB014 throw on any file whose text contains "marker", so a protocol test can
// watch a failing rule be contained. Unset (always, outside the tests), rules pass through.
import type { Rule } from '../rules/rule';

export function withFault(rules: Rule[], spec = process.env.RUNBOOK_LINT_FAULT): Rule[] {
  const m = /^(\w+):(.+)$/.exec(spec ?? '');
  if (!m) return rules;
  const [, id, marker] = m;
  return rules.map((rule) => {
    if (rule.id !== id) return rule;
    const check = rule.check as (ctx: { model: { text: string } }) => void;
    return {
      ...rule,
      check(ctx: { model: { text: string } }) {
        if (ctx.model.text.includes(marker)) throw new Error(`injected fault (${marker})`);
        check(ctx);
      },
    } as Rule;
  });
}
