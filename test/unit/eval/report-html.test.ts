import { buildEvalReport } from '../../../src/eval/eval-report';
import { evalSummary } from '../../../src/eval/eval-summary';
import { intentMetrics } from '../../../src/eval/intent-metrics';
import { renderReportHtml } from '../../../src/eval/report-html';
import type { ScoredPrediction } from '../../../src/eval/scored-prediction';

function report(predictions: ScoredPrediction[]) {
  const metrics = intentMetrics(predictions);
  return buildEvalReport({ source: { train: 'train.jsonl', test: 'test.jsonl', lang: 'auto' }, summary: evalSummary(metrics, 1, { predictPerSecond: 100, firstPassPerSecond: 80 }), metrics, predictions });
}

describe('renderReportHtml', () => {
  const predictions: ScoredPrediction[] = [
    { text: 'hi <b>there</b>', gold: '<script>', predicted: 'greet', score: 0.4 },
    { text: '你好', gold: 'greet', predicted: 'greet', score: 0.9 },
    { text: 'a & b 退款', gold: 'greet', predicted: '<script>', score: 0.3 },
    { text: '"quoted"', gold: '<script>', predicted: 'greet', score: 0.8 },
  ];
  const html = renderReportHtml(report(predictions));

  it('should escape intent names and texts everywhere', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('hi &lt;b&gt;there&lt;/b&gt;');
    expect(html).toContain('a &amp; b 退款');
    expect(html).toContain('&quot;quoted&quot;');
  });

  it('should be self-contained: inline SVG, no script and no external asset', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg /g)?.length).toBe(2);
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
  });

  it('should show per-intent scores, confused pairs and Chinese text as it is', () => {
    expect(html).toContain('Per-intent scores');
    expect(html).toContain('Most confused pairs');
    expect(html).toContain('退款');
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('should say so when there are no errors', () => {
    const clean = renderReportHtml(report([{ text: 'x', gold: 'a', predicted: 'a', score: 1 }]));
    expect(clean).toContain('No errors');
  });

  it('should show the expected calibration error and the reliability table', () => {
    // scores 0.4 wrong, 0.9 right, 0.3 wrong, 0.8 wrong → ECE = (0.4 + 0.1 + 0.3 + 0.8) / 4 = 0.4
    const r = report(predictions);
    expect(r.calibration.ece).toBeCloseTo(0.4, 10);
    expect(r.summary.ece).toBeCloseTo(0.4, 10);
    expect(html).toContain('Calibration');
    expect(html).toContain('ECE · 校准误差');
    expect(html).toContain('<b>0.400</b>');
    expect(html).toMatch(/<td>0\.9–1\.0<\/td><td class="num">1<\/td><td class="num">90\.0%<\/td><td class="num">100\.0%<\/td><td class="num">\+10\.0<\/td>/);
    expect(html).toMatch(/<tr class="bad"><td>0\.8–0\.9<\/td><td class="num">1<\/td><td class="num">80\.0%<\/td><td class="num">0\.0%<\/td><td class="num">-80\.0<\/td>/);
    expect(html).toMatch(/<td>0\.0–0\.1<\/td><td class="num">0<\/td><td class="num">n\/a<\/td>/);
  });
});
