/**
 * @module eval/predict-all
 * Runs a recogniser over test examples and times it, one prediction at a time in this process
 * (single-core speed):
 * 1. a JIT warm-up on the first `warmup` examples (V8 optimises the hot path only after a few
 *    hundred calls; 50 warm-up predictions left kefu's 310-text lists timed half interpreted);
 * 2. the first pass over all examples, timed: `firstPassPerSecond`. Most words are new to the
 *    per-word caches (stems, n-gram hashes), as for a server that has just started;
 * 3. a second pass, timed: `predictPerSecond`, the steady state of a server whose caches hold
 *    the vocabulary it is sent (they keep 50,000 words). The predictions come from this pass
 *    (the same answers as the first: prediction is deterministic).
 */
import { performance } from 'node:perf_hooks';
import type { ScoredPrediction } from './scored-prediction';

/** Predictions run before the first timed pass. */
export const WARMUP = 200;

/** What a system answers for one text: the top intent and its confidence. */
export type PredictFn = (text: string) => { name: string; score: number };

export interface PredictAllResult {
  predictions: ScoredPrediction[];
  /** Predictions per second of the second timed pass (steady state). */
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
  started = performance.now();
  const predictions = examples.map((ex) => {
    const top = predict(ex.text);
    return { text: ex.text, gold: ex.intent, predicted: top.name, score: top.score };
  });
  return { predictions, predictPerSecond: rate(examples.length, started), firstPassPerSecond };
}

/** What an asynchronous system (NLP.js) answers for one text. */
export type PredictAsyncFn = (text: string) => Promise<{ name: string; score: number }>;

/** `predictAll` for promise-returning systems; one prediction at a time, as a chat server would. */
export async function predictAllAsync(predict: PredictAsyncFn, examples: readonly Example[], warmup = WARMUP): Promise<PredictAllResult> {
  for (const ex of examples.slice(0, warmup)) await predict(ex.text);
  let started = performance.now();
  for (const ex of examples) await predict(ex.text);
  const firstPassPerSecond = rate(examples.length, started);
  started = performance.now();
  const predictions: ScoredPrediction[] = [];
  for (const ex of examples) {
    const top = await predict(ex.text);
    predictions.push({ text: ex.text, gold: ex.intent, predicted: top.name, score: top.score });
  }
  return { predictions, predictPerSecond: rate(examples.length, started), firstPassPerSecond };
}
