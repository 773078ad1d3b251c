/**
 * @module bench/nlu-dev-bench-result
 * One row of the dev-set part of `bench:nlu`: kefu's shipped model on a dev set, with its top
 * confusions and its misses by id (never by text).
 */
import type { ConfusedPair } from '../eval/confusion';

export interface DevSetMiss {
  id: string;
  gold: string;
  predicted: string;
  score: number;
}

export interface DevSetResult {
  set: string;
  lang: string;
  status: 'ok' | 'skipped';
  note?: string;
  n?: number;
  accuracy?: number;
  inScopeAccuracy?: number | null;
  oosRecall?: number | null;
  oosPrecision?: number | null;
  macroF1?: number;
  /** Expected calibration error of the top-1 confidence (10 bins). */
  ece?: number | null;
  /** Examples answered `oos`, right or wrong. */
  predictedOos?: number;
  /** Steady-state predictions per second (`predictAll`); indicative only on a shared machine. */
  predictPerSecond?: number;
  /** The most frequent gold → predicted errors. */
  topConfusions?: ConfusedPair[];
  /** Every miss, by id (no text). */
  misses?: DevSetMiss[];
}

export interface DevBenchReport {
  /** Utterances of `intents/` the model was trained on. */
  trainExamples: number;
  trainSeconds: number;
  /** The same model on the held-out `tests` of `intents/`, per language (the acceptance lists). */
  heldOut?: { locale: string; n: number; accuracy: number }[];
  results: DevSetResult[];
}
