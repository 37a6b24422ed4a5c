// One chart per trigger: minutes per rehearsal as bars, the budget as a dashed line. Hand-drawn
// SVG (about 60 lines, no dependency): Vega-Lite would add its runtime to the CLI, the server and
// the VSIX to draw these few rectangles. Colours come from CSS classes, so the same SVG follows
// the page's (or VS Code's) theme. Every text is escaped: trigger names come from documents.

export interface BarChart {
  title: string;
  labels: string[];
  values: (number | null)[];
  budget: number | null;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A round axis maximum at or above `max`: 1, 2 or 5 times a power of ten. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max)!;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function barChartSvg(chart: BarChart): string {
  const W = 520;
  const H = 220;
  const left = 44;
  const right = 12;
  const top = 16;
  const bottom = 36;
  const values = chart.values.map((v) => v ?? 0);
  const yMax = niceMax(Math.max(...values, chart.budget ?? 0) * 1.1);
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const slot = plotW / Math.max(1, values.length);
  const barW = Math.max(2, Math.min(40, slot * 0.6));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="rehearsal-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(chart.title)}">`);
  out.push(`<title>${escapeXml(chart.title)}</title>`);
  for (const tick of [0, yMax / 2, yMax]) {
    out.push(`<line class="grid" x1="${left}" x2="${W - right}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}"/>`);
    out.push(`<text class="tick" x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end">${fmt(tick)}</text>`);
  }
  out.push(`<text class="tick" x="12" y="${top + plotH / 2}" transform="rotate(-90 12 ${top + plotH / 2})" text-anchor="middle">minutes</text>`);
  chart.values.forEach((v, i) => {
    const x = left + slot * i + (slot - barW) / 2;
    const label = escapeXml(chart.labels[i] ?? '');
    if (v === null) {
      out.push(`<text class="tick missing" x="${(x + barW / 2).toFixed(1)}" y="${(top + plotH - 4).toFixed(1)}" text-anchor="middle">?</text>`);
    } else {
      const over = chart.budget !== null && v > chart.budget;
      out.push(`<rect class="bar${over ? ' over' : ''}" x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(top + plotH - y(v)).toFixed(1)}"><title>${label}: ${fmt(v)} min${over ? ' (over budget)' : ''}</title></rect>`);
    }
    if (values.length <= 24 || i % Math.ceil(values.length / 24) === 0) out.push(`<text class="tick" x="${(x + barW / 2).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle">${label}</text>`);
  });
  if (chart.budget !== null) {
    const by = y(chart.budget).toFixed(1);
    out.push(`<line class="budget" x1="${left}" x2="${W - right}" y1="${by}" y2="${by}"/>`);
    out.push(`<text class="budget-label" x="${W - right}" y="${(Number(by) - 4).toFixed(1)}" text-anchor="end">budget ${fmt(chart.budget)} min</text>`);
  }
  out.push(`<line class="axis" x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}"/>`);
  out.push('</svg>');
  return out.join('');
}
