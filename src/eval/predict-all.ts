/**
 * @module eval/predict-all
 * Runs a recogniser over test examples and times it: a warm-up pass first (JIT, caches, lazy
 * dictionaries), then one timed pass in this process, so `predictPerSecond` is single-core speed.
 */
import { performance } from 'node:perf_hooks';
import type { ScoredPrediction } from './scored-prediction';

/** What a system answers for one text: the top intent and its confidence. */
export type PredictFn = (text: string) => { name: string; score: number };

export interface PredictAllResult {
  predictions: ScoredPrediction[];
  /** Timed predictions per second (after warm-up). */
  predictPerSecond: number;
}

/**
 * @param warmup how many examples (from the start) are predicted once before timing. @default 50
 * @example const { predictions } = predictAll((t) => engine.recognizeSync(t).topIntent, test);
 */
export function predictAll(predict: PredictFn, examples: readonly { text: string; intent: string }[], warmup = 50): PredictAllResult {
  for (const ex of examples.slice(0, warmup)) predict(ex.text);
  const t0 = performance.now();
  const predictions = examples.map((ex) => {
    const top = predict(ex.text);
    return { text: ex.text, gold: ex.intent, predicted: top.name, score: top.score };
  });
  const seconds = (performance.now() - t0) / 1000;
  return { predictions, predictPerSecond: Math.round(examples.length / Math.max(seconds, 1e-9)) };
}

/** What an asynchronous system (NLP.js) answers for one text. */
export type PredictAsyncFn = (text: string) => Promise<{ name: string; score: number }>;

/** `predictAll` for promise-returning systems; one prediction at a time, as a chat server would. */
export async function predictAllAsync(predict: PredictAsyncFn, examples: readonly { text: string; intent: string }[], warmup = 50): Promise<PredictAllResult> {
  for (const ex of examples.slice(0, warmup)) await predict(ex.text);
  const t0 = performance.now();
  const predictions = [];
  for (const ex of examples) {
    const top = await predict(ex.text);
    predictions.push({ text: ex.text, gold: ex.intent, predicted: top.name, score: top.score });
  }
  const seconds = (performance.now() - t0) / 1000;
  return { predictions, predictPerSecond: Math.round(examples.length / Math.max(seconds, 1e-9)) };
}
