/** The linear sentiment model: training on a few texts, quantised JSON round trip, unknown text. */
import { trainSentimentModel } from '../../../../src/nlp/sentiment/train-sentiment-model';
import { SentimentModel } from '../../../../src/nlp/sentiment/sentiment-model';
import type { SentimentModelJSON } from '../../../../src/nlp/sentiment/sentiment-model';
import { ZhSentimentModels } from '../../../../src/nlp/sentiment/zh-sentiment-models';
import { tokenize } from '../../../../src/nlp/tokenizer';

const TRAIN = [
  { text: '很好，很满意', label: 'positive' as const },
  { text: '质量很好，喜欢', label: 'positive' as const },
  { text: '满意，推荐', label: 'positive' as const },
  { text: '很差，失望', label: 'negative' as const },
  { text: '质量差，退货', label: 'negative' as const },
  { text: '失望，不推荐', label: 'negative' as const },
  { text: 'great, love it', label: 'positive' as const },
  { text: 'awful, broken', label: 'negative' as const },
];

describe('SentimentModel', () => {
  const model = trainSentimentModel(TRAIN, { minDf: 1 }, { trainingSets: [{ name: 'unit', split: 'train', n: TRAIN.length }] });

  it('should learn the polarity of words it was trained on, zh and en', () => {
    expect(model.logit(tokenize('很满意'))).toBeGreaterThan(0);
    expect(model.logit(tokenize('很失望'))).toBeLessThan(0);
    expect(model.logit(tokenize('love it'))).toBeGreaterThan(0);
    expect(model.logit(tokenize('broken'))).toBeLessThan(0);
  });

  it('should answer null when it knows no feature of the text', () => {
    expect(model.logit(tokenize('xyzzy'))).toBeNull();
    expect(model.logit([])).toBeNull();
  });

  it('should predict exactly the same after a JSON round trip, and record its meta', () => {
    const back = SentimentModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())) as SentimentModelJSON);
    for (const text of ['很满意', '很失望，质量差', 'great', '推荐']) expect(back.logit(tokenize(text))).toBe(model.logit(tokenize(text)));
    expect(back.meta.trainingSets).toEqual([{ name: 'unit', split: 'train', n: 8 }]);
    expect(back.meta.trainedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(back.size).toBe(model.size);
  });

  it('should refuse a file that is not a sentiment model', () => {
    expect(() => SentimentModel.fromJSON({ format: 'other' } as unknown as SentimentModelJSON)).toThrow(/not a kefu sentiment model/);
    const json = model.toJSON();
    expect(() => SentimentModel.fromJSON({ ...json, values: '' })).toThrow(/differ in length/);
  });

  it('should pull the score of a message towards 0 as the subjectivity gate doubts it is an opinion', () => {
    const gate = trainSentimentModel(
      [...TRAIN.map((e) => ({ text: e.text, label: 'opinion' })), { text: '订单到哪了', label: 'neutral' }, { text: '包邮吗', label: 'neutral' }, { text: '订单怎么退货', label: 'neutral' }],
      { minDf: 1 },
      {},
      'opinion',
    );
    const models = ZhSentimentModels.fromJSON(JSON.parse(JSON.stringify(new ZhSentimentModels(model, gate).toJSON())));
    const opinion = models.score(tokenize('很满意'));
    expect(opinion).toBeGreaterThan(0);
    expect(Math.abs(models.score(tokenize('订单到哪了')))).toBeLessThan(Math.abs(models.polarityScore(tokenize('订单到哪了'))) + 1e-12);
    expect(models.score(tokenize('很满意'))).toBeCloseTo(models.polarityScore(tokenize('很满意')) * models.opinion(tokenize('很满意')), 12);
  });
});
