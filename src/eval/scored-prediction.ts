/**
 * @module eval/scored-prediction
 * One scored test example: gold intent, predicted intent and the confidence of the prediction.
 */
export interface ScoredPrediction {
  text: string;
  gold: string;
  predicted: string;
  /** Confidence of `predicted`, 0…1 (the recogniser's top score). */
  score: number;
}
