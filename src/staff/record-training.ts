/**
 * @module staff/record-training
 * Scores a freshly trained (or reused) model on the held-out lists and appends the run to
 * `<modelDir>/training-runs.jsonl`.
 */
import type { Recognizer } from '../core/nlu';
import { loadIntentCorpus } from '../nlp/corpus';
import { heldOutAccuracy } from './held-out-accuracy';
import { recordTrainingRun, type TrainingRun } from './training-runs';

/**
 * @example const run = await recordTraining(engine, { intentsDir, modelDir, acceptedAnnotations: extra.length });
 */
export async function recordTraining(
  recognizer: Recognizer,
  where: { intentsDir: string; modelDir: string; acceptedAnnotations: number },
): Promise<TrainingRun> {
  const heldOut = await heldOutAccuracy(recognizer, loadIntentCorpus(where.intentsDir).tests);
  const run: TrainingRun = { at: new Date().toISOString(), acceptedAnnotations: where.acceptedAnnotations, heldOut };
  recordTrainingRun(where.modelDir, run);
  return run;
}
