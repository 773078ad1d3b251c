/**
 * @module console/dashboard
 * Dashboard: conversations per day (handled by the bot vs. with a human), the share handled
 * without a human, handoff and fallback (`oos`) rates, the shoppers' mood (share of negative
 * turns and count of angry turns per day), top intents and thumbs up/down per intent, over the
 * last 7, 14 or 30 days.
 */
import { api, query } from './api.js';
import { el, replace } from './dom.js';
import { errorText, fmtDay, fmtNumber, fmtPercent, intentLabel, t } from './i18n.js';
import { divergingBars, hBars, rateLines, stackedBars } from './charts.js';

const RANGES = [7, 14, 30];
let remembered = 14;

function ratio(a, b) {
  return b > 0 ? a / b : null;
}

/** From UTC midnight `days - 1` days ago to the next UTC midnight: whole days, as the server counts them. */
function rangeOf(days) {
  const end = new Date();
  end.setUTCHours(0, 0, 0, 0);
  end.setUTCDate(end.getUTCDate() + 1);
  const start = new Date(end);
  start.setUTCDate(start.getUTCDate() - days);
  return { from: start.toISOString(), to: end.toISOString() };
}

function kpi(label, value, sub, testid) {
  return el('div', { class: 'kpi', 'data-testid': testid }, [
    el('span', { class: 'kpi-label', text: label }),
    el('span', { class: 'kpi-value', text: value }),
    sub ? el('span', { class: 'kpi-sub muted', text: sub }) : null,
  ]);
}

function panel(title, body, testid) {
  return el('section', { class: 'panel', 'data-testid': testid }, [el('h2', { text: title }), body]);
}

/** The drawing width of one chart: the panel's inner width (two columns on wide screens). */
function chartWidth(body) {
  const total = body.clientWidth || 640;
  const cols = window.matchMedia('(min-width: 800px)').matches ? 2 : 1;
  return Math.round(Math.max(280, Math.min(720, (total - 16 * (cols - 1)) / cols - 34)));
}

function render(stats, width) {
  const days = stats.days || [];
  const totals = stats.totals || { conversations: 0, handledByBot: 0, handedOff: 0, turns: 0, oosTurns: 0, negativeTurns: 0, angryTurns: 0 };
  const labels = days.map((d) => fmtDay(d.date));
  const pct = (v) => (v == null ? '—' : fmtPercent(v));
  const empty = (text) => el('p', { class: 'empty', text });
  return [
    el('div', { class: 'kpis' }, [
      kpi(t('kpiConversations'), fmtNumber(totals.conversations), t('kpiTurns', { n: fmtNumber(totals.turns) }), 'kpi-conversations'),
      kpi(t('kpiBotShare'), pct(ratio(totals.handledByBot, totals.conversations)), t('kpiOfConversations', { n: fmtNumber(totals.handledByBot) }), 'kpi-bot-share'),
      kpi(t('kpiHandoffRate'), pct(ratio(totals.handedOff, totals.conversations)), t('kpiOfConversations', { n: fmtNumber(totals.handedOff) }), 'kpi-handoff'),
      kpi(t('kpiOosRate'), pct(ratio(totals.oosTurns, totals.turns)), t('kpiOfTurns', { n: fmtNumber(totals.oosTurns) }), 'kpi-oos'),
      kpi(t('kpiNegativeRate'), pct(ratio(totals.negativeTurns || 0, totals.turns)), t('kpiOfTurns', { n: fmtNumber(totals.negativeTurns || 0) }), 'kpi-negative'),
      kpi(t('kpiAngryTurns'), fmtNumber(totals.angryTurns || 0), t('kpiOfTurns', { n: fmtNumber(totals.turns) }), 'kpi-angry'),
    ]),
    el('div', { class: 'charts' }, [
      panel(t('chartPerDay'), stackedBars({
        width,
        labels,
        label: t('chartPerDay'),
        series: [
          { name: t('seriesBot'), cls: 's1', values: days.map((d) => d.handledByBot) },
          { name: t('seriesHuman'), cls: 's2', values: days.map((d) => d.handedOff) },
        ],
      }), 'chart-per-day'),
      panel(t('chartRates'), rateLines({
        width,
        labels,
        label: t('chartRates'),
        fmt: (v) => fmtPercent(v),
        series: [
          { name: t('kpiBotShare'), cls: 's1', values: days.map((d) => ratio(d.handledByBot, d.conversations)) },
          { name: t('kpiHandoffRate'), cls: 's2', values: days.map((d) => ratio(d.handedOff, d.conversations)) },
          { name: t('kpiOosRate'), cls: 's3', values: days.map((d) => ratio(d.oosTurns, d.turns)) },
        ],
      }), 'chart-rates'),
      panel(t('chartNegative'), rateLines({
        width,
        labels,
        label: t('chartNegative'),
        fmt: (v) => fmtPercent(v),
        series: [{ name: t('kpiNegativeRate'), cls: 's2', values: days.map((d) => ratio(d.negativeTurns || 0, d.turns)) }],
      }), 'chart-negative'),
      panel(t('chartAngry'), stackedBars({
        width,
        labels,
        label: t('chartAngry'),
        series: [{ name: t('kpiAngryTurns'), cls: 's3', values: days.map((d) => d.angryTurns || 0) }],
      }), 'chart-angry'),
      panel(t('chartTopIntents'), (stats.topIntents || []).length
        ? hBars({ width, label: t('chartTopIntents'), items: stats.topIntents.map((x) => ({ label: intentLabel(x.intent), value: x.turns })) })
        : empty(t('noData')), 'chart-top-intents'),
      panel(t('chartFeedback'), (stats.feedbackByIntent || []).length
        ? divergingBars({ width, label: t('chartFeedback'), upName: t('ratingUp'), downName: t('ratingDown'), items: stats.feedbackByIntent.map((x) => ({ label: intentLabel(x.intent), up: x.up, down: x.down })) })
        : empty(t('noFeedback')), 'chart-feedback'),
    ]),
  ];
}

export function mount(root, ctx) {
  let closed = false;
  const body = el('div', { class: 'dashboard-body', 'data-testid': 'dashboard' }, [el('p', { class: 'muted', text: t('loading') })]);
  const range = el('select', { 'data-testid': 'dashboard-range', 'aria-label': t('range') }, RANGES.map((d) => el('option', { value: String(d), text: t('lastDays', { n: d }) })));
  range.value = String(remembered);
  replace(root, el('div', { class: 'page' }, [
    el('div', { class: 'pane-head' }, [el('h1', { text: t('nav_dashboard') }), range]),
    body,
  ]));

  async function load() {
    try {
      const stats = await api('GET', '/api/staff/dashboard' + query(rangeOf(remembered)));
      if (!closed) replace(body, render(stats, chartWidth(body)));
    } catch (err) {
      if (!closed) replace(body, el('p', { class: 'empty empty--error', role: 'alert', text: errorText(err) }));
    }
  }
  range.addEventListener('change', () => {
    remembered = Number(range.value);
    load();
  });
  load();
  return {
    unmount() {
      closed = true;
    },
  };
}
