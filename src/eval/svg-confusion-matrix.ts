/**
 * @module eval/svg-confusion-matrix
 * The confusion matrix as an inline SVG heatmap. With 150 intents a full matrix is unreadable, so
 * only intents that take part in an error (as gold or as prediction) get a row and a column, at
 * most `maxLabels` of them (those with the most errors); every cell has a hover title.
 */
import { confusionCounts } from './confusion';
import { escapeHtml } from './escape-html';

export interface ConfusionSvg {
  svg: string;
  /** Intents drawn. */
  shown: number;
  /** Intents involved in at least one error. */
  withErrors: number;
}

/** @example renderConfusionSvg(pairs).svg // '<svg …>…</svg>' */
export function renderConfusionSvg(pairs: readonly { gold: string; predicted: string }[], maxLabels = 60): ConfusionSvg {
  const counts = confusionCounts(pairs);
  const errors = new Map<string, number>();
  let maxOff = 0;
  for (const [gold, row] of counts) {
    for (const [predicted, n] of row) {
      if (predicted === gold) continue;
      errors.set(gold, (errors.get(gold) ?? 0) + n);
      errors.set(predicted, (errors.get(predicted) ?? 0) + n);
      maxOff = Math.max(maxOff, n);
    }
  }
  const labels = [...errors.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxLabels)
    .map(([label]) => label)
    .sort();
  if (labels.length === 0) return { svg: '<p>No errors: nothing to draw.</p>', shown: 0, withErrors: 0 };

  const cell = Math.max(10, Math.min(24, Math.floor(640 / labels.length)));
  const margin = Math.min(220, 8 + 7 * Math.max(...labels.map((l) => [...l].length)));
  const size = margin + cell * labels.length + 4;
  const width = size + Math.round(margin * 0.6); // rotated column labels lean right
  const font = Math.min(12, cell - 1);
  const parts: string[] = [];
  labels.forEach((label, i) => {
    const pos = margin + i * cell + cell / 2;
    const text = escapeHtml(label);
    parts.push(`<text x="${margin - 4}" y="${pos}" text-anchor="end" dominant-baseline="middle">${text}</text>`);
    parts.push(`<text transform="translate(${pos},${margin - 4}) rotate(-60)" text-anchor="start" dominant-baseline="middle">${text}</text>`);
  });
  parts.push(`<rect x="${margin}" y="${margin}" width="${cell * labels.length}" height="${cell * labels.length}" fill="#fafafa" stroke="#ccc"/>`);
  labels.forEach((gold, r) => {
    const row = counts.get(gold);
    const total = row ? [...row.values()].reduce((a, b) => a + b, 0) : 0;
    labels.forEach((predicted, c) => {
      const n = row?.get(predicted) ?? 0;
      if (n === 0) return;
      const diagonal = gold === predicted;
      const strength = diagonal ? n / total : n / maxOff;
      const fill = diagonal ? `rgba(46,125,50,${(0.15 + 0.6 * strength).toFixed(2)})` : `rgba(198,40,40,${(0.25 + 0.75 * strength).toFixed(2)})`;
      const share = total ? ` (${((100 * n) / total).toFixed(1)}% of ${total})` : '';
      const title = escapeHtml(`${gold} → ${predicted}: ${n}${share}`);
      parts.push(`<rect x="${margin + c * cell}" y="${margin + r * cell}" width="${cell}" height="${cell}" fill="${fill}"><title>${title}</title></rect>`);
    });
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="matrix" width="${width}" height="${size}" viewBox="0 0 ${width} ${size}" ` +
    `font-size="${font}" role="img" aria-label="confusion matrix: rows gold, columns predicted">${parts.join('')}</svg>`;
  return { svg, shown: labels.length, withErrors: errors.size };
}
