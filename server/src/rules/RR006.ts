import type { ReceiptRule } from './rule';
import { parseTimestamp, type FrontMatterField } from '../model/receipt';
import { field } from './helpers/receiptUtil';
import { dayOf } from '../model/rehearsals';

export const RR006: ReceiptRule = {
  id: 'RR006',
  name: 'timestamps-out-of-order',
  severity: 'error',
  appliesTo: 'receipt',
  fixable: false,
  description: 'Recovered before observed, timeline out of order, or a date in the future.',
  check({ model, today, report }) {
    const observed = field(model, 'observed_at');
    const recovered = field(model, 'recovered_at');
    const date = field(model, 'date');
    const o = parseTimestamp(observed?.value);
    const r = parseTimestamp(recovered?.value);
    if (o !== undefined && r !== undefined && r < o) {
      report({
        span: recovered!.valueSpan,
        message: `recovered_at (${recovered!.source.trim()}) is before observed_at (${observed!.source.trim()}): the clock starts when the trigger is observed and stops when prod is back; fix the timestamps.`,
      });
    }
    const d = dayOf(date?.value);
    if (d && d > today) {
      report({ span: date!.valueSpan, message: `date ${d} is in the future (today is ${today}): a receipt records a rehearsal that already happened; write the day it ran.` });
    }
    for (const [name, f] of [['observed_at', observed], ['recovered_at', recovered]] as [string, FrontMatterField | undefined][]) {
      const day = dayOf(f?.value);
      if (!day || !f) continue;
      if (day > today && day !== d) {
        report({ span: f.valueSpan, message: `${name} ${day} is in the future (today is ${today}): write when it really happened.` });
      } else if (name === 'observed_at' && d && d <= today && day !== d) {
        report({ span: f.valueSpan, message: `observed_at is on ${day} but date is ${d}: the rehearsal's date is the day the clock started; make them agree.` });
      }
    }
    const entries = model.timelineEntries;
    for (const e of entries) {
      const [h, m] = model.text.slice(e.span.start, e.span.end).split(':').map(Number);
      if (h > 23 || m > 59) report({ span: e.span, message: `Timeline entry ${model.text.slice(e.span.start, e.span.end)} is not a time of day: write the real time, HH:MM from 00:00 to 23:59.` });
    }
    for (let i = 1; i < entries.length; i++) {
      const before = entries[i - 1].minutes;
      const now = entries[i].minutes;
      // Going back over 12 hours is crossing midnight, not disorder.
      if (now < before && before - now < 12 * 60) {
        const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        report({
          span: entries[i].span,
          message: `Timeline entry ${hhmm(now)} comes after ${hhmm(before)}: list the timeline in the order things happened, and check the time was written right.`,
        });
      }
    }
  },
};
