/**
 * @module eval/svg-histogram
 * The confidence histogram as an inline SVG: stacked bars, right answers below, wrong above.
 */
import type { HistogramBin } from './confidence-histogram';
import { escapeHtml } from './escape-html';

/** @example renderHistogramSvg(confidenceHistogram(predictions)) */
export function renderHistogramSvg(bins: readonly HistogramBin[], width = 560, height = 220): string {
  const left = 44;
  const bottom = 28;
  const plotH = height - bottom - 10;
  const barW = (width - left - 10) / Math.max(1, bins.length);
  const max = Math.max(1, ...bins.map((b) => b.correct + b.wrong));
  const y = (n: number): number => (n / max) * plotH;
  const parts: string[] = [
    `<line x1="${left}" y1="${10 + plotH}" x2="${width - 10}" y2="${10 + plotH}" stroke="#555"/>`,
    `<text x="${left - 6}" y="14" text-anchor="end">${max}</text>`,
    `<text x="${left - 6}" y="${10 + plotH}" text-anchor="end">0</text>`,
  ];
  bins.forEach((b, i) => {
    const x = left + i * barW + 1;
    const hc = y(b.correct);
    const hw = y(b.wrong);
    const range = `${b.from.toFixed(2)}–${b.to.toFixed(2)}`;
    parts.push(`<rect x="${x.toFixed(1)}" y="${(10 + plotH - hc).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${hc.toFixed(1)}" fill="#2e7d32"><title>${escapeHtml(`${range}: ${b.correct} right`)}</title></rect>`);
    parts.push(`<rect x="${x.toFixed(1)}" y="${(10 + plotH - hc - hw).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${hw.toFixed(1)}" fill="#c62828"><title>${escapeHtml(`${range}: ${b.wrong} wrong`)}</title></rect>`);
    parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${height - 10}" text-anchor="middle">${b.from.toFixed(1)}</text>`);
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="11" ` +
    `role="img" aria-label="confidence histogram: green right, red wrong">${parts.join('')}</svg>`
  );
}
