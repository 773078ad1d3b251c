/**
 * @module eval/report-html
 * `report.html`: one self-contained page (inline CSS and SVG, no script, no external asset) that
 * opens from disk. Every user-supplied string goes through `escapeHtml`.
 */
import type { EvalReport } from './eval-report';
import { escapeHtml } from './escape-html';
import { renderConfusionSvg } from './svg-confusion-matrix';
import { renderHistogramSvg } from './svg-histogram';

const STYLE = `body{font:14px/1.45 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222;max-width:1100px}
table{border-collapse:collapse;margin:8px 0 24px}td,th{border:1px solid #ddd;padding:3px 8px}th{background:#f3f3f3;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.bad td{background:#fff3f3}.scroll{overflow:auto;max-height:640px;border:1px solid #eee}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:120px}.card b{display:block;font-size:20px}
small{color:#666}svg text{fill:#333}`;

const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

function card(label: string, value: string): string {
  return `<div class="card"><small>${label}</small><b>${escapeHtml(value)}</b></div>`;
}

/** @example fs.writeFileSync('report.html', renderReportHtml(report)); */
export function renderReportHtml(report: EvalReport): string {
  const s = report.summary;
  const matrix = renderConfusionSvg(report.predictions);
  const rows = [...report.perIntent]
    .sort((a, b) => a.f1 - b.f1 || (a.intent < b.intent ? -1 : 1))
    .map(
      (r) =>
        `<tr${r.f1 < 0.8 ? ' class="bad"' : ''}><td>${escapeHtml(r.intent)}</td><td class="num">${r.n}</td>` +
        `<td class="num">${pct(r.precision)}</td><td class="num">${pct(r.recall)}</td><td class="num">${pct(r.f1)}</td></tr>`,
    )
    .join('\n');
  const pairs = report.confusedPairs
    .map((p) => `<tr><td>${escapeHtml(p.gold)}</td><td>${escapeHtml(p.predicted)}</td><td class="num">${p.count}</td></tr>`)
    .join('\n');
  const reliability = report.calibration.bins
    .map((b) => {
      const gap = b.accuracy === null || b.confidence === null ? null : b.accuracy - b.confidence;
      return (
        `<tr${gap !== null && Math.abs(gap) > 0.1 ? ' class="bad"' : ''}><td>${b.from.toFixed(1)}–${b.to.toFixed(1)}</td><td class="num">${b.n}</td>` +
        `<td class="num">${pct(b.confidence)}</td><td class="num">${pct(b.accuracy)}</td><td class="num">${gap === null ? 'n/a' : `${gap >= 0 ? '+' : ''}${(gap * 100).toFixed(1)}`}</td></tr>`
      );
    })
    .join('\n');
  const errors = report.errors
    .slice(0, 100)
    .map((e) => `<tr><td>${escapeHtml(e.text)}</td><td>${escapeHtml(e.gold)}</td><td>${escapeHtml(e.predicted)}</td><td class="num">${e.score.toFixed(3)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>kefu eval — ${escapeHtml(report.source.test)}</title><style>${STYLE}</style></head><body>
<h1>kefu eval report · 意图评测报告</h1>
<p><small>${escapeHtml(report.date)} · test ${escapeHtml(report.source.test)} · train ${escapeHtml(report.source.train ?? 'model from intents/')} · lang ${escapeHtml(report.source.lang)}</small></p>
<div class="cards">${card('examples · 样本', String(s.n))}${card('accuracy · 准确率', pct(s.accuracy))}${card('macro-F1', pct(s.macroF1))}${card('in-scope accuracy · 域内准确率', pct(s.inScopeAccuracy))}${card('OOS recall · 域外召回', pct(s.oosRecall))}${card('OOS precision · 域外精确率', pct(s.oosPrecision))}${card('ECE · 校准误差', report.calibration.ece.toFixed(3))}${card('training · 训练', `${s.trainSeconds} s`)}${card('predictions/s · 每秒预测', String(s.predictPerSecond))}${card('first pass/s · 首轮每秒预测', String(s.firstPassPerSecond))}</div>
<h2>Most confused pairs · 最易混淆的意图</h2>
<table><tr><th>gold · 标注</th><th>predicted · 预测</th><th>count · 次数</th></tr>
${pairs || '<tr><td colspan="3">none · 无</td></tr>'}</table>
<h2>Confusion matrix · 混淆矩阵</h2>
<p><small>Rows gold, columns predicted; only intents with errors (${matrix.shown} of ${matrix.withErrors} with errors, ${report.perIntent.length} gold intents). Hover a cell for counts. Green: right (share of the row); red: wrong (relative to the largest error).
行为标注、列为预测；只画出有错误的意图，悬停查看次数。</small></p>
<div class="scroll">${matrix.svg}</div>
<h2>Confidence histogram · 置信度分布</h2>
<p><small>Top-intent confidence; green right, red wrong. 绿色为正确，红色为错误。</small></p>
${renderHistogramSvg(report.histogram)}
<h2>Calibration · 置信度校准</h2>
<p><small>Expected calibration error (ECE) ${report.calibration.ece.toFixed(3)}, maximum ${report.calibration.mce.toFixed(3)}; mean confidence ${pct(report.calibration.meanConfidence)} against accuracy ${pct(s.accuracy)}.
Each bin holds the predictions whose top-1 confidence falls in it; a calibrated model is right as often as it is confident (gap 0). ECE is the gap averaged over the bins, weighted by their size. Negative gap: over-confident.
每个区间内，校准良好的模型准确率应等于平均置信度；ECE 为各区间差距按样本数加权的平均值，负差距表示过于自信。</small></p>
<table><tr><th>confidence · 置信度区间</th><th>n</th><th>mean confidence · 平均置信度</th><th>accuracy · 准确率</th><th>gap (points) · 差距</th></tr>
${reliability}</table>
<h2>Per-intent scores · 各意图得分</h2>
<p><small>Worst F1 first. 按 F1 从低到高排列。</small></p>
<table><tr><th>intent · 意图</th><th>n</th><th>precision · 精确率</th><th>recall · 召回率</th><th>F1</th></tr>
${rows}</table>
<h2>Misses · 错误样本</h2>
<p><small>Least confident first, at most 100. 置信度最低的在前，最多 100 条。</small></p>
<table><tr><th>text · 文本</th><th>gold · 标注</th><th>predicted · 预测</th><th>score</th></tr>
${errors || '<tr><td colspan="4">none · 无</td></tr>'}</table>
</body></html>
`;
}
