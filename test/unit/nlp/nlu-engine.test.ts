import { DEFAULT_FEATURE_OPTIONS } from '../../../src/nlp/classifier/features';
import { join } from 'path';
import { NluEngine } from '../../../src/nlp/nlu-engine';
import { NO_THRESHOLD } from '../../../src/nlp/classifier/calibrate-on-folds';
import { loadIntentCorpus } from '../../../src/nlp/corpus';
import { buildShopLexicon } from '../../../src/nlp/lexicon';
import type { Product } from '../../../src/core/shop';
import type { IntentExample } from '../../../src/nlp/corpus-types';
import products from '../../fixtures/nlp/products.json';

const corpus = loadIntentCorpus(join(__dirname, '../../fixtures/nlp/intents'));
const lexicon = buildShopLexicon(products as Product[]);

describe('NluEngine', () => {
  const engine = NluEngine.train(corpus.train, lexicon);

  it('should recognise the held-out tests of a small bilingual corpus', async () => {
    let correct = 0;
    for (const ex of corpus.tests) if ((await engine.recognize(ex.text)).topIntent.name === ex.intent) correct++;
    expect(correct / corpus.tests.length).toBeGreaterThanOrEqual(0.9);
  });

  it('should return intents sorted by score, the locale and the entities', async () => {
    const r = await engine.recognize('订单DD20261101008到哪了');
    expect(r.text).toBe('订单DD20261101008到哪了');
    expect(r.locale).toBe('zh');
    expect(r.topIntent.name).toBe('order.status');
    const scores = Object.values(r.intents).map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Object.keys(r.intents)[0]).toBe('order.status');
    expect(r.entities).toEqual([{ type: 'orderId', value: 'DD20261101008', text: 'DD20261101008', start: 2, end: 15 }]);
  });

  it('should keep the locale it is given', async () => {
    expect((await engine.recognize('hello', 'zh')).locale).toBe('zh');
    expect((await engine.recognize('where is my order')).locale).toBe('en');
  });

  it('should answer out-of-scope questions with oos', async () => {
    expect((await engine.recognize('明天天气怎么样')).topIntent.name).toBe('oos');
    expect((await engine.recognize('tell me a joke')).topIntent.name).toBe('oos');
  });

  it('should store a versioned model with its config, and read traditional Chinese as simplified', () => {
    const json = engine.toJSON();
    expect(json.format).toBeGreaterThanOrEqual(2);
    expect(typeof json.createdAt).toBe('string');
    expect(json.config?.classifier).toBe('logreg');
    const reloaded = NluEngine.fromJSON(JSON.parse(JSON.stringify(json)), lexicon);
    expect(reloaded.recognizeSync('我的訂單到哪了').topIntent).toEqual(engine.recognizeSync('我的订单到哪了').topIntent);
  });

  it.each([
    ['my order please', 'en'],
    ['我的订单呢', 'zh'],
  ])('should send every answer whose oos margin is below the stored threshold to oos (%s, %s)', async (text) => {
    const json = engine.toJSON();
    const { margin, top } = engine.classify(text);
    expect(top.name).toBe('order.status');
    const strict = NluEngine.fromJSON({ ...json, threshold: margin + 1e-9 }, lexicon);
    const loose = NluEngine.fromJSON({ ...json, threshold: margin - 1e-9 }, lexicon);
    expect((await strict.recognize(text)).topIntent).toEqual({ name: 'oos', score: 1 - top.score });
    expect((await loose.recognize(text)).topIntent).toEqual(top);
  });

  it.each([
    ['my order please', 'en'],
    ['我的订单呢', 'zh'],
  ])('should measure the margin as the best raw score ahead of the oos intent\'s (%s, %s)', (text) => {
    // A known request beats oos by a clear margin; the model's own threshold lies between.
    const { margin } = engine.classify(text);
    expect(margin).toBeGreaterThan(engine.threshold);
    expect(engine.classify(text === '我的订单呢' ? '明天天气怎么样' : 'tell me a joke').margin).toBeLessThan(engine.threshold);
  });

  it('should send nothing to oos when training had no oos intent', () => {
    const noOos = corpus.train.filter((e) => e.intent !== 'oos');
    const trained = NluEngine.train(noOos, lexicon, { classifier: 'naive-bayes' });
    expect(trained.threshold).toBe(NO_THRESHOLD);
    expect(trained.heldOut.n).toBe(noOos.length);
    expect(trained.recognizeSync('明天天气怎么样').topIntent.name).not.toBe('oos');
    expect(trained.recognizeSync('tell me a joke').topIntent.name).not.toBe('oos');
  });

  it('should refuse word vectors with naive Bayes, which counts features', () => {
    const features = { ...DEFAULT_FEATURE_OPTIONS, embeddings: 0.5 };
    expect(() => NluEngine.train(corpus.train, lexicon, { classifier: 'naive-bayes', features })).toThrow('features.embeddings needs the logistic regression classifier');
  });

  it('should predict exactly the same after toJSON/fromJSON', async () => {
    const copy = NluEngine.fromJSON(JSON.parse(JSON.stringify(engine.toJSON())), lexicon);
    expect(copy.threshold).toBe(engine.threshold);
    for (const ex of [...corpus.tests, { text: '3000以内的华为手机', intent: '', locale: 'zh' } as IntentExample]) {
      expect(await copy.recognize(ex.text)).toEqual(await engine.recognize(ex.text));
    }
  });

  it('should work with naive Bayes too', async () => {
    const nb = NluEngine.train(corpus.train, lexicon, { classifier: 'naive-bayes' });
    expect((await nb.recognize('取消订单')).topIntent.name).toBe('order.cancel');
    const copy = NluEngine.fromJSON(JSON.parse(JSON.stringify(nb.toJSON())), lexicon);
    expect(await copy.recognize('取消订单')).toEqual(await nb.recognize('取消订单'));
  });

  describe('with the TensorFlow.js neural fallback', () => {
    let neural: NluEngine;
    beforeAll(async () => {
      neural = await NluEngine.trainAsync(corpus.train, lexicon, { neural: { mode: 'average', minDf: 1, hidden: 32, maxEpochs: 40, learningRate: 0.01 } });
    }, 120000);

    it('should train it, use it, and store its weights with the model', async () => {
      let correct = 0;
      for (const ex of corpus.tests) if ((await neural.recognize(ex.text)).topIntent.name === ex.intent) correct++;
      expect(correct / corpus.tests.length).toBeGreaterThanOrEqual(0.8);
      expect(neural.neuralConsulted).toBeGreaterThan(0);
      const json = neural.toJSON();
      expect(json.neural?.mode).toBe('average');
      expect(json.neural?.mlp.w1.length).toBe((json.neural?.mlp.inputs.length ?? 0) * 32);
      expect(json.config?.neural).toEqual(expect.objectContaining({ mode: 'average' }));
    });

    it('should predict exactly the same after toJSON/fromJSON, without training', async () => {
      const copy = NluEngine.fromJSON(JSON.parse(JSON.stringify(neural.toJSON())), lexicon);
      for (const ex of corpus.tests) expect(await copy.recognize(ex.text)).toEqual(await neural.recognize(ex.text));
      expect(copy.toJSON().neural).toEqual(neural.toJSON().neural);
    });

    it('should refuse neural weights of other labels, and a synchronous train with it', () => {
      const json = neural.toJSON();
      const mlp = json.neural?.mlp as NonNullable<typeof json.neural>['mlp'];
      expect(() => NluEngine.fromJSON({ ...json, neural: { mode: 'average', margin: 0.1, mlp: { ...mlp, labels: [...mlp.labels].reverse() } } }, lexicon)).toThrow(/labels/);
      expect(() => NluEngine.train(corpus.train, lexicon, { neural: {} })).toThrow(/trainAsync/);
    });
  });

  it('should refuse a model of another format and an empty corpus', () => {
    expect(() => NluEngine.fromJSON({ ...engine.toJSON(), format: 0 }, lexicon)).toThrow(/format/);
    expect(() => NluEngine.train([], lexicon)).toThrow(/empty/);
  });
});
