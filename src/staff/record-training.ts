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
 * @param where.intents the intent files the model was trained from (`shopContent(config).intentFiles`), or their folder
 * @param where.intentNames the intent names the corpus may use (the merged domain's); @default the built-in domain's intents
 * @example const run = await recordTraining(engine, { intents: content.intentFiles, modelDir, acceptedAnnotations: extra.length });
 */
export async function recordTraining(
  recognizer: Recognizer,
  where: { intents: string | readonly string[]; intentNames?: readonly string[]; modelDir: string; acceptedAnnotations: number },
): Promise<TrainingRun> {
  const heldOut = await heldOutAccuracy(recognizer, loadIntentCorpus(where.intents, { intents: where.intentNames }).tests);
  const run: TrainingRun = { at: new Date().toISOString(), acceptedAnnotations: where.acceptedAnnotations, heldOut };
  recordTrainingRun(where.modelDir, run);
  return run;
}
