/**
 * @module bench/nlu-bench-system
 * What `bench:nlu` compares: a system trains on labelled examples, predicts one text at a time,
 * and saves its model to a file (for the size on disk). One adapter per system.
 */
import type { Locale } from '../core/shop';

export interface NluBenchExample {
  text: string;
  intent: string;
}

export interface NluBenchSystem {
  /** Short name in the report, e.g. `kefu`, `nlp.js`. */
  readonly name: string;
  train(examples: readonly NluBenchExample[], lang: Locale): Promise<void>;
  /** Top intent and confidence; out of scope is reported as `oos`. */
  predict(text: string): Promise<{ name: string; score: number }>;
  /** Serialises the trained model to `file`; the bench reads its size. */
  save(file: string): Promise<void>;
}
