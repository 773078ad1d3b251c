/**
 * @module catalogue/train-in-worker
 * Trains (or finds in the model cache) the NLU model of a bot in a worker thread, so the server
 * keeps answering while it trains (about 12–40 s for the demo corpus on two busy cores): the worker
 * writes the model to the cache, and the main thread then loads it from there (`buildBot` asks the
 * cache with the same `recognizerInput`). Progress and the held-out accuracy come back as messages.
 *
 * The shop lexicon comes from the main thread, computed there just before: `buildShopLexicon` cuts
 * titles with jieba, whose dictionary is per thread and grows with every lexicon applied, so a fresh
 * worker would derive a different lexicon (another model hash) than the main thread's `buildBot`.
 * With the main thread's lexicon (`ModelCacheInput.lexicon`) the worker writes the very file `buildBot` looks for.
 *
 * The worker runs this same file. Built (`dist/`), that is JavaScript; run from the TypeScript
 * sources (jest), the worker first compiles `.ts` files as it requires them, with esbuild (a dev
 * dependency, so only in a checkout).
 */
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ShopLexicon } from '../nlp/lexicon-types';
import { loadOrTrainModel } from '../nlp/model-cache';
import type { ProgressCallback } from '../nlp/progress-bar';
import { recordTraining } from '../staff/record-training';
import type { TrainingRun } from '../staff/training-runs';
import type { RecognizerInput } from './recognizer-input';

export interface TrainRequest {
  input: RecognizerInput;
  /** `buildShopLexicon(input.products, input.knowledge)` as the main thread computes it now. */
  lexicon: ShopLexicon;
  /** Score the model on the held-out lists and append the run to `training-runs.jsonl` (a retrain asked for). */
  record: boolean;
}

export interface TrainResult {
  /** False when the cache already held this model. */
  trained: boolean;
  /** When `record` was asked, or when the model was trained. */
  run?: TrainingRun;
}

type FromWorker = { kind: 'progress'; step: string; done: number; total: number } | { kind: 'done'; result: TrainResult } | { kind: 'failed'; message: string };

const WORKER_FLAG = 'kefuTrainWorker';

/** Loads the worker's file; a `.ts` file (jest) through esbuild's transform, a `.js` file as it is. */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const file = workerData.${WORKER_FLAG};
if (file.endsWith('.ts')) {
  const fs = require('node:fs');
  const { transformSync } = require('esbuild');
  require.extensions['.ts'] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: filename });
    module._compile(code, filename);
  };
}
require(file);
`;

/**
 * @example const { run } = await trainInWorker({ input, lexicon: buildShopLexicon(input.products, input.knowledge), record: true }, onProgress);
 * @throws Error with the worker's message when training failed (a corpus error, a full disk)
 */
export function trainInWorker(request: TrainRequest, onProgress: ProgressCallback = () => undefined): Promise<TrainResult> {
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { [WORKER_FLAG]: __filename, request } });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'progress') onProgress(message.step, message.done, message.total);
      else if (message.kind === 'done') settle(() => resolve(message.result));
      else settle(() => reject(new Error(message.message)));
    });
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the training worker exited (code ${code}) before it finished`))));
  });
}

async function work(request: TrainRequest): Promise<TrainResult> {
  const post = (message: FromWorker): void => parentPort!.postMessage(message);
  let trained = false;
  const engine = loadOrTrainModel({
    ...request.input,
    lexicon: request.lexicon,
    onProgress: (step, done, total) => post({ kind: 'progress', step, done, total }),
    onTrained: () => (trained = true),
  });
  if (!request.record && !trained) return { trained };
  const run = await recordTraining(engine, {
    intents: request.input.intents,
    ...(request.input.intentNames ? { intentNames: request.input.intentNames } : {}),
    modelDir: request.input.modelDir ?? join(request.input.dataDir, 'models'),
    acceptedAnnotations: request.input.extraExamples?.length ?? 0,
  });
  return { trained, run };
}

if (!isMainThread && workerData?.[WORKER_FLAG] === __filename) {
  const request = (workerData as { request: TrainRequest }).request;
  work(request).then(
    (result) => parentPort!.postMessage({ kind: 'done', result } satisfies FromWorker),
    (err: unknown) => parentPort!.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies FromWorker),
  );
}
