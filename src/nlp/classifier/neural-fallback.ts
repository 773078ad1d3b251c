/**
 * @module nlp/classifier/neural-fallback
 * How the TensorFlow.js MLP (`Mlp`) joins the linear classifier's decision. Off by default;
 * `NluEngine.trainAsync(…, { neural: {} })` or `kefu eval --mlp` turn it on.
 *
 * - `fallback`: the linear model decides alone, unless it is unsure (its answer is below the
 *   OOS threshold, or its top probability ahead of the runner-up by less than `margin`); then the mean of
 *   both models' probabilities decides.
 * - `average`: the mean of both models' probabilities always decides.
 * - `alone`: the MLP decides alone (for comparison).
 * The OOS threshold fitted for the linear model applies to the linear model's margin (`oosMargin`).
 *
 * Why the neural fallback is off by default: it did not beat the linear model anywhere.
 * Measured on the dev splits with `kefu eval --mlp --mlp-mode …` (default MLP: 1,024 χ² inputs,
 * 128 hidden units, 20 s budget; 2-core machine shared with other work), accuracy in %:
 *
 * | dev set                 | linear alone | fallback | average | MLP alone | MLP epochs, seconds |
 * |-------------------------|--------------|----------|---------|-----------|---------------------|
 * | clinc150 (acc/in/OOS)   | 91.3/92.6/53 | 91.2/92.4/55 | 90.5/91.6/57 | 63.1/62.9/67 | 2, 31–40 s (val. 69%) |
 * | banking77               | 93.0         | 92.7     | 92.6    | 76.7      | 2–3, 21–23 s (val. 72–76%) |
 * | cais (macro-F1)         | 96.5 (74.2)  | 96.3 (72.7) | 96.3 (69.5) | 94.2 (43.1) | 4–6, 20–24 s (val. 96%) |
 * | kefu dev zh / en        | 94.3 / 96.1  | 94.3 / 95.8 | 93.7 / 94.3 | 75.5 / 80.2 | 5, 22 s (val. 78%) |
 *
 * More time does not change the ranking: with 8 epochs (71 s) on clinc150 the MLP alone reached
 * 83.7% and the fallback 91.1%; with 10 epochs (40 s) on cais 95.2% and 96.4%. With all
 * features it cannot train in time (see `train-mlp.ts`), and on 1,024 of them it sees less
 * than the linear model does. On clinc150 the linear model alone already needs about 35 s of
 * the 60 s training budget, so the fallback would also put that budget at risk.
 */
import type { SparseVector } from './sparse-vector';
import { Mlp } from './mlp';
import type { MlpJSON } from './mlp';
import type { MlpOptions } from './train-mlp';

export type NeuralMode = 'fallback' | 'average' | 'alone';

export interface NeuralOptions extends MlpOptions {
  /** @default 'fallback' */
  mode: NeuralMode;
  /** `fallback`: the linear model is unsure when its top two probabilities are closer than this. @default 0.1 */
  margin: number;
}

export const DEFAULT_NEURAL_MODE: Pick<NeuralOptions, 'mode' | 'margin'> = { mode: 'fallback', margin: 0.1 };

export interface NeuralJSON {
  mode: NeuralMode;
  margin: number;
  mlp: MlpJSON;
}


export class NeuralFallback {
  private readonly linear: Float64Array;
  private readonly neural: Float64Array;
  /** Predictions the MLP took part in (for reports). */
  consulted = 0;

  constructor(
    readonly mode: NeuralMode,
    readonly margin: number,
    readonly mlp: Mlp,
  ) {
    this.linear = new Float64Array(mlp.labels.length);
    this.neural = new Float64Array(mlp.labels.length);
  }

  /**
   * Overwrites `scores` (the linear model's logits, softmax scale `scale`) with the log of the
   * combined probabilities, to be ranked with scale 1. `outOfScope`: the linear model's answer
   * is below the engine's OOS threshold (it is unsure).
   */
  combine(v: SparseVector, scores: Float64Array, scale: number, outOfScope: boolean): void {
    const n = this.linear.length;
    const p = this.linear;
    let max = -Infinity;
    for (let c = 0; c < n; c++) if ((scores[c] as number) > max) max = scores[c] as number;
    let sum = 0;
    for (let c = 0; c < n; c++) sum += p[c] = Math.exp(((scores[c] as number) - max) * scale);
    let top = 0;
    let second = 0;
    for (let c = 0; c < n; c++) {
      const x = (p[c] = (p[c] as number) / sum);
      if (x > top) [top, second] = [x, top];
      else if (x > second) second = x;
    }
    const consult = this.mode !== 'fallback' || outOfScope || top - second < this.margin;
    if (!consult) {
      for (let c = 0; c < n; c++) scores[c] = Math.log(p[c] as number);
      return;
    }
    this.consulted++;
    const q = this.neural;
    this.mlp.probabilitiesInto(v, q);
    for (let c = 0; c < n; c++) scores[c] = Math.log(this.mode === 'alone' ? (q[c] as number) : ((p[c] as number) + (q[c] as number)) / 2);
  }

  toJSON(): NeuralJSON {
    return { mode: this.mode, margin: this.margin, mlp: this.mlp.toJSON() };
  }

  static fromJSON(json: NeuralJSON, dimension: number, labels: readonly string[]): NeuralFallback {
    if (!['fallback', 'average', 'alone'].includes(json?.mode) || typeof json.margin !== 'number') throw new Error('invalid neural json: mode and margin');
    const mlp = new Mlp(json.mlp, dimension);
    if (mlp.labels.join('\n') !== labels.join('\n')) throw new Error('invalid neural json: its labels are not the classifier\'s');
    return new NeuralFallback(json.mode, json.margin, mlp);
  }
}
