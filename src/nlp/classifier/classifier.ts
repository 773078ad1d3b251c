/**
 * @module nlp/classifier/classifier
 * What the engine needs from a classifier on sparse vectors, and the registry that reads a stored
 * one back by its type name.
 */
import type { SparseVector, Scores } from './sparse-vector';
import type { LabelledVector, NaiveBayesJSON } from './naive-bayes';
import type { LogisticRegressionJSON } from './logistic-regression';
import { NaiveBayes } from './naive-bayes';
import { LogisticRegression } from './logistic-regression';

export interface Classifier {
  readonly labels: string[];
  /** Raw class scores, in `labels` order (higher is better). */
  scores(v: SparseVector): Scores;
  /** `scores` written into `out` (length ≥ labels), for the prediction path. */
  scoreInto(v: SparseVector, out: Float64Array): void;
  /** The softmax sharpness: probabilities are softmax(scale × scores). */
  readonly scale: number;
  /** softmax(scale × scores), in `labels` order. */
  probabilities(v: SparseVector, scale?: number): Scores;
  /** The softmax sharpness, fitted on held-out scores after training. */
  setScale(scale: number): void;
  toJSON(): unknown;
}

export type ClassifierType = 'logreg' | 'naive-bayes';

/** A stored classifier: its type and its own JSON. */
export type ClassifierJSON =
  | { type: 'logreg'; model: LogisticRegressionJSON }
  | { type: 'naive-bayes'; model: NaiveBayesJSON };

/** Trains a classifier of the given type with its default options. */
export function trainClassifier(type: ClassifierType, examples: readonly LabelledVector[], dimension: number, alpha: number): Classifier {
  const trainers: Record<ClassifierType, () => Classifier> = {
    logreg: () => LogisticRegression.train(examples, dimension),
    'naive-bayes': () => NaiveBayes.train(examples, dimension, { alpha }),
  };
  return trainers[type]();
}

export function classifierToJSON(type: ClassifierType, classifier: Classifier): ClassifierJSON {
  return { type, model: classifier.toJSON() } as ClassifierJSON;
}

export function classifierFromJSON(json: ClassifierJSON): Classifier {
  if (json?.type === 'logreg') return LogisticRegression.fromJSON(json.model);
  if (json?.type === 'naive-bayes') return NaiveBayes.fromJSON(json.model);
  throw new Error(`unknown classifier type ${JSON.stringify((json as { type?: unknown })?.type)}`);
}
