/**
 * @module eval/predict-all
 * Runs a recogniser over test examples and times it: a warm-up first (JIT, caches, lazy
 * dictionaries), then one timed pass in this process, so `predictPerSecond` is single-core speed.
 * The warm-up predicts `warmup` texts, cycling through the examples: V8 compiles the hot path
 * with its optimising tier only after a few hundred calls, and a chat server runs warm (50
 * warm-up predictions left kefu's 310-text lists timed half in the interpreter).
 * The pass is timed twice: by the wall clock, and by the CPU time this process used (which a
 * machine shared with other work does not inflate by the time the process waited for a core).
 */
import { performance } from 'node:perf_hooks';
import type { ScoredPrediction } from './scored-prediction';

/** Predictions run before timing starts. */
export const WARMUP = 1000;

/** What a system answers for one text: the top intent and its confidence. */
export type PredictFn = (text: string) => { name: string; score: number };

export interface PredictAllResult {
  predictions: ScoredPrediction[];
  /** Timed predictions per second of wall time (after warm-up). */
  predictPerSecond: number;
  /** The same predictions per second of CPU time used by this process (user + system). */
  predictPerCpuSecond: number;
}

/** Starts a wall-clock and a CPU-time stopwatch; the returned function gives both rates for `n` items. */
function stopwatch(): (n: number) => { predictPerSecond: number; predictPerCpuSecond: number } {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  return (n) => {
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    return {
      predictPerSecond: Math.round(n / Math.max(seconds, 1e-9)),
      predictPerCpuSecond: Math.round(n / Math.max(cpuSeconds, 1e-6)),
    };
  };
}

/**
 * @param warmup how many predictions (cycling through the examples) run before timing. @default WARMUP
 * @example const { predictions } = predictAll((t) => engine.recognizeSync(t).topIntent, test);
 */
export function predictAll(predict: PredictFn, examples: readonly { text: string; intent: string }[], warmup = WARMUP): PredictAllResult {
  for (let i = 0; i < warmup && examples.length > 0; i++) predict((examples[i % examples.length] as { text: string }).text);
  const stop = stopwatch();
  const predictions = examples.map((ex) => {
    const top = predict(ex.text);
    return { text: ex.text, gold: ex.intent, predicted: top.name, score: top.score };
  });
  return { predictions, ...stop(examples.length) };
}

/** What an asynchronous system (NLP.js) answers for one text. */
export type PredictAsyncFn = (text: string) => Promise<{ name: string; score: number }>;

/** `predictAll` for promise-returning systems; one prediction at a time, as a chat server would. */
export async function predictAllAsync(predict: PredictAsyncFn, examples: readonly { text: string; intent: string }[], warmup = WARMUP): Promise<PredictAllResult> {
  for (let i = 0; i < warmup && examples.length > 0; i++) await predict((examples[i % examples.length] as { text: string }).text);
  const stop = stopwatch();
  const predictions = [];
  for (const ex of examples) {
    const top = await predict(ex.text);
    predictions.push({ text: ex.text, gold: ex.intent, predicted: top.name, score: top.score });
  }
  return { predictions, ...stop(examples.length) };
}
