import type { RunbookRule } from './rule';

const WORDS_PER_MINUTE = 150; // a reasonable pace, read aloud
const MAX_SECONDS = 10;
const MAX_WORDS = (WORDS_PER_MINUTE / 60) * MAX_SECONDS; // 25

export const RB020: RunbookRule = {
  id: 'RB020',
  name: 'unreadable-trigger',
  severity: 'information',
  appliesTo: 'runbook',
  fixable: false,
  description: 'A trigger that takes over 10 seconds to read aloud.',
  check({ model, report }) {
    for (const t of model.triggers.triggers) {
      const words = t.name.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      if (words <= MAX_WORDS) continue;
      const seconds = Math.round((words * 60) / WORDS_PER_MINUTE);
      report({
        span: t.nameSpan,
        message: `This trigger takes about ${seconds} seconds to read aloud (${words} words at ${WORDS_PER_MINUTE} words a minute): anything over ${MAX_SECONDS} seconds gets rewritten. Keep the condition and threshold, move the explanation below the list.`,
        data: { trigger: t.name, words, seconds },
      });
    }
  },
};
