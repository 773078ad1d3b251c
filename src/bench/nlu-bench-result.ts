/**
 * @module bench/nlu-bench-result
 * One row of `bench:nlu`: a system on a dataset, scored on its dev split.
 */
export interface NluBenchResult {
  system: string;
  dataset: string;
  lang: string;
  /** `ok`, or why there is no score (time cap, crash). */
  status: 'ok' | 'skipped' | 'failed';
  note?: string;
  trainExamples?: number;
  n?: number;
  accuracy?: number;
  macroF1?: number;
  inScopeAccuracy?: number | null;
  oosRecall?: number | null;
  oosPrecision?: number | null;
  /** Expected calibration error of the top-1 confidence, 10 equal-width bins. */
  ece?: number | null;
  /** Dev examples answered `oos` (NLP.js: `None`), right or wrong. */
  predictedOos?: number;
  trainSeconds?: number;
  /** One process, one prediction at a time, steady state (fastest pass after the first, `predictAll`). */
  predictPerSecond?: number;
  /** The first timed pass of `predictAll`: words new to the per-word caches. */
  firstPassPerSecond?: number;
  /** kefu only: `engine.classify` (intent without entities), same timing rules. */
  classifyPerSecond?: number;
  /** The serialised model written to a temporary file. */
  modelBytes?: number;
  /** `process.resourceUsage().maxRSS` of the child process that trained and scored (whole process). */
  peakRssBytes?: number;
}
