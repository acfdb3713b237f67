// Small daily bar charts for the admin overview, drawn on the server as inline SVG (no script,
// no CDN, nothing to load): 30 bars, stacked when the series are parts of one whole (digests by
// outcome, papers by source). Each chart is an image with a text alternative (role="img" and an
// aria-label with the totals), every day's bar has a tooltip, and the exact numbers are one click
// away in a table. A day with nothing draws nothing (no stray tick at zero).
import type { DailyOverview, DailySeries } from '@paperboy/core';
import { html, type SafeHtml } from '../views/html';

// Not admin-layout's fmt: that module imports CHART_STYLE from here.
const fmt = (n: number) => n.toLocaleString('en-US');

export interface ChartSeries extends DailySeries {
  label: string;
  /** A colour class from CHART_STYLE: c-good, c-bad, c-neutral, c-accent, c-warn, c-teal, c-pink. */
  tone: string;
}

const WIDTH = 300;
const HEIGHT = 64;
/** Colours for series without a fixed meaning (paper sources), in order. */
export const SOURCE_TONES = ['c-accent', 'c-teal', 'c-warn', 'c-pink', 'c-neutral'];

export const CHART_STYLE = `
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(17rem,100%),1fr));gap:1rem 1.5rem}
figure.chart{margin:0;min-width:0}figure.chart figcaption{font-weight:600;font-size:.92rem;margin-bottom:.35rem}
figure.chart svg{display:block;width:100%;height:4rem;border-bottom:1px solid var(--field-line)}
.chart .axis{display:flex;justify-content:space-between;font-size:.75rem;color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.2rem .8rem;font-size:.8rem;color:var(--muted);font-weight:400;margin-top:.15rem}
.legend i{display:inline-block;width:.7rem;height:.7rem;border-radius:2px;background:currentColor;margin-right:.3rem;vertical-align:-.05rem}
.legend b{color:var(--fg);font-weight:600}
.chart details{font-size:.8rem;margin-top:.25rem}.chart details summary{cursor:pointer;color:var(--muted)}
.chart details table td,.chart details table th{padding:.1rem .35rem}
.c-good{color:#067647}.c-bad{color:#b42318}.c-neutral{color:#667085}.c-accent{color:var(--accent)}
.c-warn{color:#b54708}.c-teal{color:#0e7490}.c-pink{color:#be185d}
@media (prefers-color-scheme:dark){.c-good{color:#47cd89}.c-bad{color:#f97066}.c-neutral{color:#98a2b3}.c-warn{color:#fdb022}.c-teal{color:#22ccee}.c-pink{color:#f670c7}}
`;

const total = (values: number[]) => values.reduce((sum, v) => sum + v, 0);

/** "Nov 3" from 2026-11-03 (UTC). */
function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/**
 * One chart: `series` stacked per day (one series: plain bars). `id` makes the element ids unique
 * on the page.
 */
export function dailyChart(id: string, title: string, days: string[], series: ChartSeries[]): SafeHtml {
  const perDay = days.map((_, i) => total(series.map((s) => s.values[i] ?? 0)));
  const max = Math.max(0, ...perDay);
  const slot = WIDTH / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.72);
  const bars = days.map((day, i) => {
    if (!perDay[i]) return '';
    let top = HEIGHT;
    const rects = series.map((s) => {
      const value = s.values[i] ?? 0;
      if (!value) return '';
      const h = (value / max) * (HEIGHT - 2);
      top -= h;
      return html`<rect class="${s.tone}" x="${(i * slot + (slot - barWidth) / 2).toFixed(2)}" y="${top.toFixed(2)}" width="${barWidth.toFixed(2)}" height="${h.toFixed(2)}" fill="currentColor"/>`;
    });
    const tip = `${shortDay(day)}: ${series.map((s) => `${fmt(s.values[i] ?? 0)} ${s.label}`).join(', ')}`;
    return html`<g><title>${tip}</title>${rects}</g>`;
  });
  const totals = series.map((s) => `${s.label} ${fmt(total(s.values))}`).join(', ');
  const today = series.map((s) => `${fmt(s.values.at(-1) ?? 0)} ${s.label}`).join(', ');
  const label = `${title}, last ${days.length} days: ${totals || 'nothing'} in total; today ${today || 'nothing'}.`;
  const legend = series.map(
    (s) => html`<span><i class="${s.tone}"></i>${s.label} <b>${fmt(total(s.values))}</b></span>`,
  );
  const table = html`<table><thead><tr><th>Day (UTC)</th>${series.map((s) => html`<th class="num">${s.label}</th>`)}</tr></thead><tbody>${days
    .map(
      (day, i) =>
        html`<tr><td>${day}</td>${series.map((s) => html`<td class="num">${fmt(s.values[i] ?? 0)}</td>`)}</tr>`,
    )
    .reverse()}</tbody></table>`;
  return html`<figure class="chart" id="chart-${id}"><figcaption>${title}<span class="legend">${legend}</span></figcaption>
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${label}">${bars}</svg>
<div class="axis" aria-hidden="true"><span>${days.length ? shortDay(days[0]!) : ''}</span><span>${max ? `max ${fmt(max)} a day` : 'none yet'}</span><span>today</span></div>
<details><summary>Numbers</summary>${table}</details></figure>`;
}

const SOURCE_LABELS: Record<string, string> = {
  hf: 'Hugging Face',
  'hf-daily': 'HF daily papers',
  'hf-trending': 'HF trending',
  arxiv: 'arXiv',
  api: 'admin API',
  file: 'file import',
};

/** The overview's "Last 30 days" card; a snapshot cached before the series existed shows a note. */
export function dailyChartsCard(daily: DailyOverview | undefined): SafeHtml {
  if (!daily)
    return html`<div class="card"><h2>Last 30 days</h2><p class="muted small">Not in this snapshot yet: <a href="/admin?fresh=1">recompute now</a>.</p></div>`;
  const pick = (list: DailySeries[], key: string) =>
    list.find((s) => s.key === key) ?? { key, values: daily.days.map(() => 0) };
  const digests: ChartSeries[] = [
    { ...pick(daily.digests, 'sent'), label: 'sent', tone: 'c-good' },
    { ...pick(daily.digests, 'failed'), label: 'failed', tone: 'c-bad' },
    { ...pick(daily.digests, 'skipped'), label: 'skipped', tone: 'c-neutral' },
  ];
  const one = (key: string, label: string, tone: string): ChartSeries[] => [
    { ...pick(daily.readers, key), label, tone },
  ];
  const papers: ChartSeries[] = daily.papers.map((s, i) => ({
    ...s,
    label: SOURCE_LABELS[s.key] ?? s.key,
    tone: SOURCE_TONES[Math.min(i, SOURCE_TONES.length - 1)]!,
  }));
  return html`<div class="card"><h2>Last 30 days <span class="muted small">per UTC day</span></h2><div class="charts">
${dailyChart('digests', 'Digests', daily.days, digests)}
${dailyChart('signups', 'Sign-ups', daily.days, one('signups', 'sign-ups', 'c-accent'))}
${dailyChart('confirmations', 'Confirmations', daily.days, one('confirmations', 'confirmed', 'c-good'))}
${dailyChart('unsubscribes', 'Unsubscribes', daily.days, one('unsubscribes', 'unsubscribed', 'c-warn'))}
${dailyChart('papers', 'New papers by source', daily.days, papers)}
</div></div>`;
}
