// Shared reading of a trigger's text: a threshold, a failing check, a way it is observed, a window.
import { findDurations, isWindowAt } from '../../model/duration';
import { MATCH, MINUTE_OR_LONGER_UNIT_SOURCE } from '../../model/vocabulary';
import { memoized } from '../../model/text';
import type { Trigger } from '../../model/triggers';

const THRESHOLD = /[<>≤≥]=?\s*(?:~\s*)?\d|\b(?:above|below|over|under|exceeds?|exceeding|more than|less than|greater than|at least|drops? (?:below|to)|spikes? (?:above|to)|rises? (?:above|to))\s+~?\d|\d\s*(?:x|×)\s*(?:baseline|normal|usual|average|the )|\+\s*\d+\s*%|(?<!\d)\d+(?:\.\d+)?\s*%|\bp(?:50|90|95|99|999)\b|\b\d+\s*\/\s*(?:min|s|sec|hour|h)\b|\b\d+\s*(?:ms|errors?|requests?|failures?|alerts?)\b|\b[45]xx\b|\bhttp\s*[45]\d\d\b|\b[45]\d\d\b|\b\d+\+?\s*times\b/i;
const FAILING = /\b(?:fail(?:s|ed|ing|ure|ures)?|red|broken|down|unavailable|unreachable|unresponsive|crash(?:es|ed|ing)?|crashloop\w*|time[sd]?\s*out|timeouts?|errors?|exceptions?|panic\w*|corrupt\w*|lost|loss|breach\w*|outage|cannot|can't|unable|not (?:respond\w*|load\w*|start\w*|work\w*|reachable)|rejected|refused|oom\w*|killed|restarts?|restarting|alerts?|alarms?|firing|fires|pages?|paged|stuck|missing|leak\w*|exhausted|invalid|wrong|incorrect|inconsisten\w*|degrad\w*|spike\w*|drop\w*|stops?|stopped|blocked|regress\w*|mismatch\w*|unhealthy|not healthy|complain\w*|not\s+\w+ing|backlog|saturat\w*|locked out|imagepullbackoff|5xx|4xx)\b/i;
const OBSERVED = /\b(?:manual(?:ly)? check\w*|checked by|dashboard\w*|smoke tests?|synthetic\w*|monitor\w*|alert\w*|grafana|datadog|prometheus|lighthouse|web vitals|pagerduty|opsgenie|sentry|new relic|cloudwatch|stackdriver|honeycomb|kibana|logs?|health ?checks?|probes?|pipeline|ci\b|status page|support tickets?|customer reports?|on-?call|pager|metrics?|slo|sli|canary|tests?\b|you\b|observed)\b/i;
const RATE = /\b(?:rate|performance|latenc\w+|p(?:50|90|95|99|999)|errors?|5xx|4xx|response times?|throughput|queue (?:depth|length)|lag|apdex)\b/i;
const WINDOW = /\bfor\s+(?:at least\s+|more than\s+|over\s+)?\d+(?:[.,]\d+)?(?![\d.,]|\s*%)|\bover\s+(?:the\s+)?(?:last\s+)?\d+\s*(?:s|sec|m|min|h|minutes?|seconds?|hours?)\b|\bwithin\s+\d|\[\d+[smh]\]|\b\d+\s*(?:s|m|min|minute|h)\s+window\b|\bfor\s+(?:a|one|two|three|five|ten)\s+(?:minute|min)|\bover\s+\d+\s+(?:checks|probes|requests)\b|\bper\s+\d+\s*(?:s|m|min|minutes?)\b|\bduring\s+\d|\bduration\s*(?:>=?|≥)\s*\d/i;

/** A number with its unit, before a comparison word written after it ("10秒以上"). */
const NUMBER_WITH_UNIT = /\d+(?:[.,]\d+)?\s*(?:%|ms|毫秒|分钟|分鐘|[秒分倍件回초분건회])?/g;
/** A comparison with a number: what a rate or latency trigger needs to have a window at all. */
const NUMERIC = /[<>≤≥]=?\s*(?:~\s*)?\d|\b(?:above|below|over|under|exceeds?|exceeding|more than|less than|greater than|at least)\s+~?\d|\d\s*(?:x|×)\s*(?:baseline|normal|usual|average)|\+\s*\d+\s*%|(?<!\d)\d+(?:\.\d+)?\s*%/i;

export function hasNumericThreshold(text: string): boolean {
  if (NUMERIC.test(text)) return true;
  // "p95 superior a 2 segundos", "plus de 5 erreurs": a comparison word of the languages, then the number.
  const word = MATCH.comparators.find(text);
  if (word && /^\s*~?\d/.test(text.slice(word.index + word.length, word.index + word.length + 8))) return true;
  // "処理速度50%以上低下", "API応答時間10秒以上": the comparison word after the number.
  for (const m of text.matchAll(NUMBER_WITH_UNIT)) if (MATCH.comparatorAfter.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return true;
  return false;
}

export function hasThreshold(text: string): boolean {
  return THRESHOLD.test(text);
}
export function hasFailingCheck(text: string): boolean {
  return FAILING.test(text) || MATCH.events.test(text);
}
// A metric's selector names where it is read: `http_requests_total{status="5xx"}`.
const METRIC_SELECTOR = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\{/;

export function hasObservation(text: string): boolean {
  return OBSERVED.test(text) || METRIC_SELECTOR.test(text);
}
const OFF = /(?<![/\w-])off(?![/\w-])/i;

export function isVague(text: string): boolean {
  // "off" alone, not the "OFF" of "ON/OFF".
  return MATCH.mood.test(text) || OFF.test(text);
}
/** camelCase metric names: `taskFailureRate`, `p99Latency`. */
const CAMEL_RATE = /[a-z0-9](?:Rate|Latency|Errors?|Lag)\b/;

/** A share of something that fails: "Failed transactions > 0.1%", "Fallos en pagos superiores al 5%"; not a share of users ("> 50% người dùng"). */
const PERCENT = /\d\s*%/g;

function isFailureShare(text: string): boolean {
  if (!MATCH.failures.test(text)) return false;
  for (const m of text.matchAll(PERCENT)) if (!MATCH.users.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) return true;
  return false;
}

// Asked of every trigger by several rules on every edit.
export const isRateOrLatency: (text: string) => boolean = memoized(
  (text: string) => RATE.test(text) || CAMEL_RATE.test(text) || MATCH.rates.test(text) || isFailureShare(text),
  10_000,
);
/** "> 10/min", "> 100/小時": a count per minute or longer is counted over that time, its own window. */
const PER_UNIT = new RegExp(`\\d\\s*\\/\\s*(?:${MINUTE_OR_LONGER_UNIT_SOURCE})(?![\\p{L}])`, 'iu');

export function hasWindow(text: string): boolean {
  if (PER_UNIT.test(text)) return true;
  // The window words of every language ("trong 10 phút", "voor 10 minutes", "durante 5 minutos", "5分間継続").
  // "API応答時間10秒以上" is the latency's value, not how long it lasts.
  return WINDOW.test(text) || MATCH.windowSteady.test(text) || findDurations(text).some((d) => isWindowAt(text, d.start, d.end) && !MATCH.rateBefore.test(text.slice(Math.max(0, d.start - 30), d.start)));
}

/**
 * The trigger's text without its budget, taken out where it stands (at the end): a budget cell
 * ("< 15 min") is no threshold, and "durante 5 minutos (budget 5 min)" keeps its window. A budget
 * that is the trigger's own window stays.
 */
export function withoutBudget(t: Trigger): string {
  // Only a budget written in the item: the document's RTO ("5 minutos") is not cut out of "durante más de 5 minutos".
  const own = !!t.budgetSpan && t.budgetSpan.start >= t.span.start && t.budgetSpan.end <= t.span.end;
  const cut = t.budgetText && own && !t.budgetIsWindow ? t.fullText.lastIndexOf(t.budgetText) : -1;
  return cut >= 0 ? t.fullText.slice(0, cut) + t.fullText.slice(cut + t.budgetText!.length) : t.fullText;
}
