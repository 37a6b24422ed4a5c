import type { RunbookRule } from './rule';
import { MATCH } from '../model/vocabulary';
import type { Section } from '../model/sections';
import type { Span } from '../model/types';
import { isReverseMigration, isStopTraffic, type Step } from '../model/rollback';
import { plainText } from '../model/markdown';
import { memoized } from '../model/text';

// A line that tells you to test or avoid something, not to do it now.
const ADVICE = /^\s*(?:[-*+]\s*|\d+[.)]\s*)?(?:\*\*)?(?:test|rehearse|practi[cs]e|make sure|ensure|document|plan|consider|avoid|never|do not|don't)\b/i;

// A checklist item that says the reversal is ready ("**Migration rollback script ready**: Down migration tested") runs nothing.
const READINESS = /\b(?:ready|tested|available|in place|prepared|documented|verified)(?:\s*(?:\*\*|__))?\s*[:：]|\b(?:ready|tested|available|in place|prepared|verified)(?:\s*[.)])?\s*$/i;

// A label, a warning, a decision tree's question ("Is down migration available?") or branch ("├── Yes → Run down migration").
const NOT_A_STEP = /^\s*(?:[-*+]\s*)?(?:[❌🚫⛔├└│]|\*\*[^*\n]{1,80}\*\*(?:\s*\([^)\n]{0,40}\))?\s*$)|[:：?？]\s*$|≠/u;

// A command that writes a migration file ("npm run db:generate -- --name revert_x", "rails g migration") changes no schema yet.
// Neither is a command that only opens a session ("flyctl postgres connect", "psql $DATABASE_URL"): the statements after it are judged themselves.
const NOT_THE_REVERSAL = [
  /\b(?:db|migrate|migration|migrations):(?:generate|make|create|new)\b|\b(?:generate|g)\s+migration\b|\bmigrate\s+(?:new|create)\b|\bmakemigrations\b/i,
  /\b(?:connect|ssh|console|shell)\b|^\s*(?:psql|mysql|sqlite3|mongosh?)\b(?![^\n]*(?:\s-[fce]\b|<|--file|--command|--execute))/i,
];

// A backup ("mariadb-dump -u root irohaboard > /backup/irohaboard_phase5_rollback.sql") writes the state down; it reverses nothing.
const BACKUP = /^\s*(?:sudo\s+)?(?:mysqldump|mariadb-dump|pg_dump|pg_dumpall|mongodump|pg_basebackup)\b/;

/**
 * What a step's text says, asked once per text (every step, on every edit): it stops traffic, it stops
 * traffic only if something holds ("STOP TRAFFIC (nếu có thể)", "Enable maintenance mode if needed":
 * a stop that may not happen stops nothing), or it reverses a migration.
 */
const stepKind = memoized((text: string): 'stop' | 'stop if' | 'reversal' | undefined => {
  if (isStopTraffic(text)) return MATCH.conditional.test(text) ? 'stop if' : 'stop';
  // "-- KHÔNG DROP COLUMN", "never run the down migration", "❌ DROP TABLE": a warning, not a step; and
  // "**Option A: Down Migration**", "或执行数据库迁移回滚:" name the step that follows, which is judged itself.
  // The reversal is the command that runs, never the comment that names it nor an overview table's row.
  if (!isReverseMigration(text) || ALERT.test(text) || ADVICE.test(text) || READINESS.test(text) || BACKUP.test(text) || MATCH.negative.test(text) || NOT_A_STEP.test(text) || MATCH.pathHeading.test(text.trim())) return undefined;
  return 'reversal';
}, 10_000);

const CHANGE_DIR = /^\s*(?:cd|pushd|set-location)\s+\S+\s*$/i;

// A GitHub alert ("> [!CAUTION]" over "Rollback Migration … có thể dẫn đến mất dữ liệu") warns; it runs nothing.
const ALERT = /^\s*\[!(?:caution|warning|important|note|tip)\]/i;

/** Between a comment and its command only a line break, or lines that print ("echo \"Reverting schema changes...\""). */
function onlyOutputBetween(gap: string): boolean {
  const lines = gap.split(/\r?\n/);
  return lines.length >= 2 && lines[0] === '' && lines[lines.length - 1] === '' && lines.slice(1, -1).every((l) => /^\s*(?:echo|printf)\b/.test(l));
}

/** The section each step stands in, in one pass over both (steps and sections are in document order). */
function sectionsOf(sections: Section[], offsets: number[]): Array<Section | undefined> {
  const out: Array<Section | undefined> = [];
  let k = -1;
  for (const offset of offsets) {
    if (k >= 0 && sections[k].span.start > offset) k = -1; // out of order: start again
    while (k + 1 < sections.length && sections[k + 1].span.start <= offset) k++;
    out.push(k >= 0 ? sections[k] : undefined);
  }
  return out;
}

/** A question's heading ("### Q: 回滾後數據庫遷移怎麼辦？"): what follows answers it in general, it is no procedure to run. */
const QUESTION = /[?？]\s*$/;

const SCALE_UP = /--replicas[= ]?[1-9]|\bscale\s+up\b|\bscale\b[^\n]{0,40}\bto\s+[1-9]/i;

/** A scale to zero followed, in the same section, within a few steps and before any reversal, by a scale up (of the stable version). */
function scalesUpAfter(steps: Step[], i: number, sectionOf: Array<Section | undefined>): boolean {
  if (!/\bscale\b/i.test(steps[i].text)) return false;
  for (let k = i + 1; k < Math.min(steps.length, i + 6) && sectionOf[k] === sectionOf[i] && !isReverseMigration(steps[k].text); k++) {
    if (SCALE_UP.test(steps[k].text)) return true;
  }
  return false;
}

/** The block's lead-in, its last line before the fence, is only an example word ("例:", "**Example:**"). */
function isIllustration(text: string, block: Span): boolean {
  const before = text.slice(Math.max(0, block.start - 200), block.start).trimEnd();
  const lead = before.slice(before.lastIndexOf('\n') + 1).replace(/\*\*|__/g, '').trim();
  return /[:：]$/.test(lead) && MATCH.example.test(lead.slice(0, -1).trim());
}

export const RB019: RunbookRule = {
  id: 'RB019',
  name: 'migration-reversed-under-traffic',
  severity: 'error',
  appliesTo: 'runbook',
  fixable: false,
  description: 'Steps reverse a migration before traffic is stopped.',
  check({ model, report }) {
    const sections = [...model.sections].sort((a, b) => a.span.start - b.span.start);
    // Traffic stopped in a section covers the steps after it there and in its subsections,
    // not a sibling path ("### Migration rollback (without full restore)").
    const stoppedIn = new Set<Section | undefined>();
    const covered = (s: Section | undefined) => {
      if (stoppedIn.has(undefined)) return true;
      for (let p = s; p; p = p.parent) if (stoppedIn.has(p)) return true;
      return false;
    };
    const steps = model.rollback.steps;
    // One finding per rollback path ("### Option A: Down migration", "방법 4"); one for the steps outside any.
    const flagged = new Set<number>();
    const pathAt = (offset: number) => model.rollback.paths.findIndex((p) => p.span.start <= offset && offset < p.span.end);
    // Sections of a rollback chapter that give advice rather than the procedure to run (vocabulary: advice).
    const advice = new Map<Section, boolean>();
    const isAdvice = (s: Section | undefined): boolean => {
      if (!s) return false;
      let v = advice.get(s);
      if (v === undefined) advice.set(s, (v = MATCH.advice.test(s.title) || QUESTION.test(s.title) || isAdvice(s.parent)));
      return v;
    };
    const procedureOf = (s: Section | undefined) => (s && MATCH.stageHeading.test(plainText(s.heading).trim()) ? s.parent : s);
    const sectionOf = sectionsOf(sections, steps.map((s) => s.span.start));
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      const section = sectionOf[i];
      if (isAdvice(section)) continue;
      const kind = stepKind(step.text);
      if (kind === 'stop' || kind === 'stop if') {
        // Nor does scaling the failed version to zero while the stable one is scaled up to take the traffic.
        if (kind === 'stop if' || scalesUpAfter(steps, i, sectionOf)) continue;
        // "#### Step 1: Stop New Traffic" covers "#### Step 3: Rollback Database Migration": stages of one sequence.
        stoppedIn.add(procedureOf(section));
        continue;
      }
      if (kind !== 'reversal' || covered(section) || step.kind === 'row') continue;
      // "例:" over the SQL, "### 4-2. 역순 SQL 작성": an illustration, or a file being written; the step that applies it is judged.
      if (step.block && (isIllustration(model.text, step.block) || MATCH.compose.test(section?.title ?? ''))) continue;
      // A comment that names the reversal ("# 2. Manually revert schema changes") is judged on the command on its next line.
      let at = step;
      if (step.kind === 'comment') {
        // "cd backend/src/Infrastructure" between them only moves to where the command runs.
        let k = i + 1;
        while (steps[k] && !steps[k].kind && CHANGE_DIR.test(steps[k].text) && onlyOutputBetween(model.text.slice(steps[k - 1].span.end, steps[k].span.start))) k++;
        const next = steps[k];
        if (!next || next.kind || NOT_THE_REVERSAL.some((re) => re.test(next.text)) || !onlyOutputBetween(model.text.slice(steps[k - 1].span.end, next.span.start))) continue;
        at = next;
      }
      const path = pathAt(at.span.start);
      if (flagged.has(path)) continue;
      flagged.add(path);
      report({
        span: at.span,
        message: 'This step reverses a migration while traffic may still be flowing: rows written by the new version can be lost. Stop traffic first (maintenance mode, scale to zero, drain), then reverse the migration, deploy the old code, and start traffic.',
      });
    }
  },
};
