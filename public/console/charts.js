/**
 * @module console/charts
 * Small charts as inline SVG (drawn at the width they are shown at, so text stays legible) built with DOM APIs (no library, no HTML strings): stacked bars
 * per day, rate lines, horizontal bars and a diverging up/down bar per row. Each chart has a
 * `<title>` per mark for hover and screen readers, and an aria-label summary.
 */
import { el, svg } from './dom.js';


function niceMax(v) {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** A scale for counts: four whole-number steps. */
function countMax(v) {
  const step = v <= 4 ? 1 : Math.ceil(niceMax(v / 4));
  return step * 4;
}

function legend(series) {
  return el('ul', { class: 'legend' }, series.map((s) => el('li', {}, [el('span', { class: `swatch ${s.cls}`, 'aria-hidden': 'true' }), el('span', { text: s.name })])));
}

function frame(W, height, label, children) {
  return svg('svg', { viewBox: `0 0 ${W} ${height}`, class: 'chart', role: 'img', 'aria-label': label, preserveAspectRatio: 'xMidYMid meet' }, children);
}

/** Y grid lines with tick labels; `fmt` formats a tick value. */
function grid(W, top, bottom, left, max, fmt) {
  const out = [];
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const y = bottom - ((bottom - top) * i) / 4;
    out.push(svg('line', { x1: left, x2: W - 8, y1: y, y2: y, class: 'grid' }));
    out.push(svg('text', { x: left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, [fmt(v)]));
  }
  return out;
}

function xLabels(labels, left, step, y) {
  const every = Math.max(1, Math.ceil(44 / step)); // about 44px per date label
  return labels.map((l, i) => (i % every === 0 ? svg('text', { x: left + step * (i + 0.5), y, class: 'tick', 'text-anchor': 'middle' }, [l]) : null));
}

/** Shortens a row label to about `px` pixels (a Han character is counted twice as wide). */
function fit(label, px) {
  const text = String(label);
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    width += text.charCodeAt(i) > 0x2e80 ? 12 : 6.5;
    if (width > px) return text.slice(0, Math.max(1, i - 1)) + '…';
  }
  return text;
}

/**
 * Stacked bars, one per label.
 * @example stackedBars({labels: ['11-20'], series: [{name: 'Bot', cls: 's1', values: [3]}], label: 'Conversations per day'})
 */
export function stackedBars({ labels, series, label, width: W = 640 }) {
  const H = 220, top = 12, bottom = H - 26, left = 40;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] || 0), 0));
  const max = countMax(Math.max(0, ...totals));
  const step = (W - 8 - left) / Math.max(1, labels.length);
  const bw = Math.max(2, Math.min(28, step * 0.6));
  const marks = [];
  labels.forEach((l, i) => {
    let y = bottom;
    for (const s of series) {
      const v = s.values[i] || 0;
      if (!v) continue;
      const h = ((bottom - top) * v) / max;
      y -= h;
      marks.push(svg('rect', { x: left + step * (i + 0.5) - bw / 2, y, width: bw, height: h, rx: 2, class: `bar ${s.cls}` }, [svg('title', {}, [`${l} · ${s.name}: ${v}`])]));
    }
  });
  return el('figure', { class: 'figure' }, [
    frame(W, H, label, [...grid(W, top, bottom, left, max, (v) => String(Math.round(v))), ...marks, ...xLabels(labels, left, step, H - 8)]),
    legend(series),
  ]);
}

/** Lines of rates (0…1) per label; `null` values leave a gap. */
export function rateLines({ labels, series, label, fmt, width: W = 640 }) {
  const H = 200, top = 12, bottom = H - 26, left = 44;
  const all = series.flatMap((s) => s.values.filter((v) => typeof v === 'number'));
  const max = Math.min(1, niceMax(Math.max(0.1, ...all)));
  const step = (W - 8 - left) / Math.max(1, labels.length);
  const marks = [];
  for (const s of series) {
    let d = '';
    s.values.forEach((v, i) => {
      if (typeof v !== 'number') return;
      const x = left + step * (i + 0.5);
      const y = bottom - ((bottom - top) * v) / max;
      d += `${d && s.values[i - 1] != null ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
      marks.push(svg('circle', { cx: x, cy: y, r: 3, class: `dot ${s.cls}` }, [svg('title', {}, [`${labels[i]} · ${s.name}: ${fmt(v)}`])]));
    });
    if (d) marks.unshift(svg('path', { d, class: `line ${s.cls}` }));
  }
  return el('figure', { class: 'figure' }, [
    frame(W, H, label, [...grid(W, top, bottom, left, max, fmt), ...marks, ...xLabels(labels, left, step, H - 8)]),
    legend(series),
  ]);
}

/** Horizontal bars: one row per item, longest first as given. */
export function hBars({ items, label, cls = 's1', width: W = 640 }) {
  const row = 26, left = Math.min(170, Math.round(W * 0.36));
  const H = Math.max(row, items.length * row) + 6;
  const max = niceMax(Math.max(1, ...items.map((x) => x.value)));
  const marks = items.flatMap((x, i) => {
    const y = 4 + i * row;
    const w = ((W - left - 60) * x.value) / max;
    return [
      svg('text', { x: left - 8, y: y + 15, class: 'tick tick--label', 'text-anchor': 'end' }, [fit(x.label, left - 12)]),
      svg('rect', { x: left, y: y + 3, width: Math.max(1, w), height: row - 10, rx: 2, class: `bar ${cls}` }, [svg('title', {}, [`${x.label}: ${x.value}`])]),
      svg('text', { x: left + w + 6, y: y + 15, class: 'tick' }, [String(x.value)]),
    ];
  });
  return el('figure', { class: 'figure' }, [frame(W, H, label, marks)]);
}

/** Up to the right, down to the left of a centre line, one row per item. */
export function divergingBars({ items, label, upName, downName, width: W = 640 }) {
  const row = 26, left = Math.min(170, Math.round(W * 0.36)), mid = left + (W - left) / 2;
  const H = Math.max(row, items.length * row) + 6;
  const max = niceMax(Math.max(1, ...items.flatMap((x) => [x.up, x.down])));
  const half = (W - left) / 2 - 34;
  const marks = [svg('line', { x1: mid, x2: mid, y1: 0, y2: H, class: 'axis' })];
  items.forEach((x, i) => {
    const y = 4 + i * row;
    const wu = (half * x.up) / max;
    const wd = (half * x.down) / max;
    marks.push(
      svg('text', { x: left - 8, y: y + 15, class: 'tick tick--label', 'text-anchor': 'end' }, [fit(x.label, left - 12)]),
      svg('rect', { x: mid - wd, y: y + 3, width: Math.max(0, wd), height: row - 10, rx: 2, class: 'bar s-down' }, [svg('title', {}, [`${x.label} · ${downName}: ${x.down}`])]),
      svg('rect', { x: mid, y: y + 3, width: Math.max(0, wu), height: row - 10, rx: 2, class: 'bar s-up' }, [svg('title', {}, [`${x.label} · ${upName}: ${x.up}`])]),
      svg('text', { x: mid - wd - 6, y: y + 15, class: 'tick', 'text-anchor': 'end' }, [String(x.down)]),
      svg('text', { x: mid + wu + 6, y: y + 15, class: 'tick' }, [String(x.up)]),
    );
  });
  return el('figure', { class: 'figure' }, [
    frame(W, H, label, marks),
    legend([{ name: downName, cls: 's-down' }, { name: upName, cls: 's-up' }]),
  ]);
}
