/**
 * @module eval/eval-report
 * Everything `kefu eval --report DIR` writes: the summary, per-intent scores, the most confused
 * pairs, the sparse confusion matrix, the confidence histogram, the calibration (ECE and the
 * reliability table) and the misses, as `report.json`
 * and as a self-contained `report.html`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { calibration } from './calibration';
import type { Calibration } from './calibration';
import { confidenceHistogram } from './confidence-histogram';
import type { HistogramBin } from './confidence-histogram';
import { confusedPairs, confusionCounts } from './confusion';
import type { ConfusedPair } from './confusion';
import type { EvalSummary } from './eval-summary';
import type { IntentMetrics } from './intent-metrics';
import { renderReportHtml } from './report-html';
import type { ScoredPrediction } from './scored-prediction';

export interface IntentRow {
  intent: string;
  n: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  /** ISO time of the run. */
  date: string;
  /** Where the data came from (file names, model), free text. */
  source: { train: string | null; test: string; lang: string };
  summary: EvalSummary;
  /** Gold intents, by name. */
  perIntent: IntentRow[];
  /** Most frequent errors first. */
  confusedPairs: ConfusedPair[];
  /** Every non-zero cell, diagonal included. */
  confusion: ConfusedPair[];
  histogram: HistogramBin[];
  /** Expected calibration error and the reliability table (10 equal-width bins of top-1 confidence). */
  calibration: Calibration;
  /** The misses (at most `maxErrors`), least confident first. */
  errors: ScoredPrediction[];
  /** Needed to redraw the matrix; not written to `report.json`. */
  predictions: ScoredPrediction[];
}

export interface EvalReportInput {
  source: EvalReport['source'];
  summary: EvalSummary;
  metrics: IntentMetrics;
  predictions: ScoredPrediction[];
}

/** @example const report = buildEvalReport({ source, summary, metrics, predictions }); */
export function buildEvalReport(input: EvalReportInput, maxPairs = 30, maxErrors = 500): EvalReport {
  const perIntent = Object.entries(input.metrics.perIntent)
    .map(([intent, s]) => ({ intent, n: s.n, precision: s.precision, recall: s.recall, f1: s.f1 }))
    .sort((a, b) => (a.intent < b.intent ? -1 : a.intent > b.intent ? 1 : 0));
  const confusion: ConfusedPair[] = [];
  for (const [gold, row] of confusionCounts(input.predictions)) {
    for (const [predicted, count] of row) confusion.push({ gold, predicted, count });
  }
  return {
    date: new Date().toISOString(),
    source: input.source,
    summary: input.summary,
    perIntent,
    confusedPairs: confusedPairs(input.predictions, maxPairs),
    confusion,
    histogram: confidenceHistogram(input.predictions),
    calibration: calibration(input.predictions),
    errors: input.predictions.filter((p) => p.gold !== p.predicted).sort((a, b) => a.score - b.score).slice(0, maxErrors),
    predictions: input.predictions,
  };
}

/** Writes `DIR/report.json` and `DIR/report.html` (the folder is created). Returns both paths. */
export function writeEvalReport(dir: string, report: EvalReport): { json: string; html: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'report.json');
  const html = path.join(dir, 'report.html');
  const { predictions: _omitted, ...rest } = report;
  fs.writeFileSync(json, JSON.stringify(rest, null, 2) + '\n');
  fs.writeFileSync(html, renderReportHtml(report));
  return { json, html };
}
