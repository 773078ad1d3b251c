/**
 * @module eval/intent-metrics
 * The numbers `kefu eval --json` prints: accuracy, macro-F1, in-scope accuracy, OOS recall and
 * precision (null without `oos` in the gold labels), per-intent precision/recall/F1, and the
 * expected calibration error of the top-1 confidence when the pairs carry a score.
 */
import { calibration } from './calibration';

export interface IntentMetrics {
  n: number;
  /** All examples, `oos` included. */
  accuracy: number;
  /** Mean F1 over the gold intents. */
  macroF1: number;
  /** Examples whose gold intent is not `oos`; predicting `oos` for them is wrong. Null if there are none. */
  inScopeAccuracy: number | null;
  /** Null when the test has no `oos` example. */
  oosRecall: number | null;
  /** Null when the test has no `oos` example. */
  oosPrecision: number | null;
  /**
   * Expected calibration error of the top-1 confidence, 10 equal-width bins (see `calibration`);
   * null when the pairs carry no `score`.
   */
  ece: number | null;
  perIntent: Record<string, { n: number; precision: number; recall: number; f1: number }>;
}

const OOS = 'oos';

export function intentMetrics(pairs: readonly { gold: string; predicted: string; score?: number }[]): IntentMetrics {
  const labels = new Set(pairs.map((p) => p.gold));
  const tp = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const goldCount = new Map<string, number>();
  let correct = 0;
  let inScope = 0;
  let inScopeCorrect = 0;
  for (const { gold, predicted } of pairs) {
    goldCount.set(gold, (goldCount.get(gold) ?? 0) + 1);
    predictedCount.set(predicted, (predictedCount.get(predicted) ?? 0) + 1);
    if (gold === predicted) {
      correct++;
      tp.set(gold, (tp.get(gold) ?? 0) + 1);
    }
    if (gold !== OOS) {
      inScope++;
      if (gold === predicted) inScopeCorrect++;
    }
  }
  const perIntent: IntentMetrics['perIntent'] = {};
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const precision = predictedCount.get(label) ? t / predictedCount.get(label)! : 0;
    const recall = t / goldCount.get(label)!;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perIntent[label] = { n: goldCount.get(label)!, precision, recall, f1 };
  }
  const f1s = Object.values(perIntent).map((s) => s.f1);
  const hasOos = labels.has(OOS);
  return {
    n: pairs.length,
    accuracy: pairs.length ? correct / pairs.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    inScopeAccuracy: inScope ? inScopeCorrect / inScope : null,
    oosRecall: hasOos ? perIntent[OOS].recall : null,
    oosPrecision: hasOos ? perIntent[OOS].precision : null,
    ece: pairs.length > 0 && pairs.every((p) => typeof p.score === 'number') ? calibration(pairs as { gold: string; predicted: string; score: number }[]).ece : null,
    perIntent,
  };
}
