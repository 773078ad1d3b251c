/**
 * @module eval/predict-all
 * Runs a recogniser over test examples and times it, one prediction at a time in this process
 * (single-core speed):
 * 1. a JIT warm-up on the first `warmup` examples (V8 optimises the hot path only after a few
 *    hundred calls; 50 warm-up predictions left kefu's 310-text lists timed half interpreted);
 * 2. the first pass over all examples, timed: `firstPassPerSecond`. Most words are new to the
 *    per-word caches (stems, n-gram hashes), as for a server that has just started;
 * 3. `STEADY_PASSES` more passes, each timed: `predictPerSecond` is the fastest, the steady state
 *    of a server whose caches hold the vocabulary it is sent (they keep 50,000 words). The
 *    fastest rather than the mean, as Python's `timeit` advises: on a machine shared with other
 *    work the slower passes measure the other work (on this project's 2-core machine passes of
 *    one run differed by up to 2×). The predictions come from the last pass (the same answers
 *    every pass: prediction is deterministic).
 */
import { performance } from 'node:perf_hooks';
import type { ScoredPrediction } from './scored-prediction';

/** Predictions run before the first timed pass. */
export const WARMUP = 200;

/** Timed passes after the first; the fastest gives `predictPerSecond`. */
export const STEADY_PASSES = 3;

/** What a system answers for one text: the top intent and its confidence. */
export type PredictFn = (text: string) => { name: string; score: number };

export interface PredictAllResult {
  predictions: ScoredPrediction[];
  /** Predictions per second of the fastest pass after the first (steady state). */
  predictPerSecond: number;
  /** Predictions per second of the first timed pass (words new to the caches). */
  firstPassPerSecond: number;
}

type Example = { text: string; intent: string };

const rate = (n: number, since: number): number => Math.round(n / Math.max((performance.now() - since) / 1000, 1e-9));

/**
 * @param warmup how many of the first examples are predicted before timing. @default WARMUP
 * @example const { predictions } = predictAll((t) => engine.recognizeSync(t).topIntent, test);
 */
export function predictAll(predict: PredictFn, examples: readonly Example[], warmup = WARMUP): PredictAllResult {
  for (const ex of examples.slice(0, warmup)) predict(ex.text);
  let started = performance.now();
  for (const ex of examples) predict(ex.text);
  const firstPassPerSecond = rate(examples.length, started);
  let predictions: ScoredPrediction[] = [];
  let predictPerSecond = 0;
  for (let pass = 0; pass < STEADY_PASSES; pass++) {
    started = performance.now();
    predictions = examples.map((ex) => {
      const top = predict(ex.text);
      return { text: ex.text, gold: ex.intent, predicted: top.name, score: top.score };
    });
    predictPerSecond = Math.max(predictPerSecond, rate(examples.length, started));
  }
  return { predictions, predictPerSecond, firstPassPerSecond };
}

/** What an asynchronous system (NLP.js) answers for one text. */
export type PredictAsyncFn = (text: string) => Promise<{ name: string; score: number }>;

/** `predictAll` for promise-returning systems; one prediction at a time, as a chat server would. */
export async function predictAllAsync(predict: PredictAsyncFn, examples: readonly Example[], warmup = WARMUP): Promise<PredictAllResult> {
  for (const ex of examples.slice(0, warmup)) await predict(ex.text);
  let started = performance.now();
  for (const ex of examples) await predict(ex.text);
  const firstPassPerSecond = rate(examples.length, started);
  let predictions: ScoredPrediction[] = [];
  let predictPerSecond = 0;
  for (let pass = 0; pass < STEADY_PASSES; pass++) {
    started = performance.now();
    predictions = [];
    for (const ex of examples) {
      const top = await predict(ex.text);
      predictions.push({ text: ex.text, gold: ex.intent, predicted: top.name, score: top.score });
    }
    predictPerSecond = Math.max(predictPerSecond, rate(examples.length, started));
  }
  return { predictions, predictPerSecond, firstPassPerSecond };
}
