/**
 * The TensorFlow.js neural fallback: trained for real (WebAssembly backend) on the small
 * classifier fixture; its plain-loop inference checked against TensorFlow.js itself.
 */
import * as tf from '@tensorflow/tfjs';
import { trainMlp } from '../../../../src/nlp/classifier/train-mlp';
import { Mlp } from '../../../../src/nlp/classifier/mlp';
import type { MlpJSON } from '../../../../src/nlp/classifier/mlp';
import { tokenize } from '../../../../src/nlp/tokenizer';
import { fixture, PROBES } from './classifier-fixture';

describe('Mlp', () => {
  const { vectorizer, examples } = fixture();
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  let mlp: Mlp;

  beforeAll(async () => {
    mlp = await trainMlp(examples, vectorizer.size, labels, { inputs: 256, minDf: 1, hidden: 16, validation: 0, maxEpochs: 80, learningRate: 0.02 });
  }, 60000);

  const probabilities = (m: Mlp, text: string): number[] => {
    const out = new Float64Array(labels.length);
    m.probabilitiesInto(vectorizer.transform(tokenize(text)), out);
    return Array.from(out);
  };

  it('should learn the fixture in zh and en', () => {
    for (const [text, label] of PROBES) {
      const p = probabilities(mlp, text);
      expect([text, labels[p.indexOf(Math.max(...p))]]).toEqual([text, label]);
    }
  });

  it('should predict what TensorFlow.js computes from the same weights', () => {
    const json = mlp.toJSON();
    const width = json.inputs.length;
    for (const [text] of PROBES) {
      const v = vectorizer.transform(tokenize(text));
      const x = new Float32Array(width);
      v.indices.forEach((i, k) => {
        const input = json.inputs.indexOf(i);
        if (input >= 0) x[input] = v.values[k] as number;
      });
      const norm = Math.hypot(...x) || 1;
      const want = tf.tidy(() => {
        const h = tf.relu(tf.add(tf.matMul(tf.tensor2d(x.map((a) => a / norm), [1, width]), tf.tensor2d(json.w1, [width, json.hidden])), tf.tensor1d(json.b1)));
        return tf.softmax(tf.add(tf.matMul(h, tf.tensor2d(json.w2, [json.hidden, labels.length])), tf.tensor1d(json.b2))).dataSync();
      });
      probabilities(mlp, text).forEach((p, c) => expect(p).toBeCloseTo(want[c] as number, 5));
    }
  });

  it('should predict exactly the same after a JSON round trip', () => {
    const copy = new Mlp(JSON.parse(JSON.stringify(mlp.toJSON())) as MlpJSON, vectorizer.size);
    for (const [text] of PROBES) expect(probabilities(copy, text)).toEqual(probabilities(mlp, text));
  });

  it('should record how training went', () => {
    const training = mlp.toJSON().training;
    expect(training?.epochs).toBe(80);
    expect(['wasm', 'cpu']).toContain(training?.backend);
  });

  it('should stop early on a validation slice', async () => {
    const stopped = await trainMlp(examples, vectorizer.size, labels, { inputs: 256, minDf: 1, hidden: 8, validation: 0.34, maxEpochs: 500, patience: 1, learningRate: 0.05 });
    const training = stopped.toJSON().training;
    expect(training?.epochs).toBeLessThan(500);
    expect(training?.validationAccuracy).toBeGreaterThanOrEqual(0);
    expect(training?.validationAccuracy).toBeLessThanOrEqual(1);
  }, 60000);

  it('should refuse weights whose shapes do not agree', () => {
    const json = mlp.toJSON();
    expect(() => new Mlp({ ...json, w2: json.w2.slice(1) }, vectorizer.size)).toThrow(/weight shapes/);
    expect(() => new Mlp({ ...json, inputs: json.inputs.map(() => vectorizer.size) }, vectorizer.size)).toThrow(/weight shapes/);
  });
});
