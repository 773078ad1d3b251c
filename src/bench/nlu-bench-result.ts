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
  /** Dev examples answered `oos` (NLP.js: `None`), right or wrong. */
  predictedOos?: number;
  trainSeconds?: number;
  /** One process, one prediction at a time, after a warm-up of 1,000 (`predictAll`). */
  predictPerSecond?: number;
  /** The same predictions per second of the process's CPU time (not inflated when the machine is shared). */
  predictPerCpuSecond?: number;
  /** kefu only: `engine.classify` (intent without entities), same timing rules. */
  classifyPerSecond?: number;
  /** The serialised model written to a temporary file. */
  modelBytes?: number;
  /** `process.resourceUsage().maxRSS` of the child process that trained and scored (whole process). */
  peakRssBytes?: number;
}
