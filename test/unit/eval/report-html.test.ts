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
});
