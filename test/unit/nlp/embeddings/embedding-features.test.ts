import { tokenize } from '../../../../src/nlp/tokenizer';
import { TfidfVectorizer } from '../../../../src/nlp/classifier/tfidf-vectorizer';
import { DEFAULT_FEATURE_OPTIONS } from '../../../../src/nlp/classifier/features';
import { NluEngine } from '../../../../src/nlp/nlu-engine';
import { buildShopLexicon } from '../../../../src/nlp/lexicon';
import { shippedEmbedder } from '../../../../src/nlp/embeddings/message-embedder';

// Utterances written for this test.
const corpus = [
  ['order.status', 'zh', ['我的快递到哪了', '物流怎么还不更新', '包裹什么时候能到', '查一下我的订单物流', '快递几天能到']],
  ['return.request', 'zh', ['我要退货', '这个能退吗', '申请退款', '不想要了怎么退', '退货流程是什么']],
  ['order.status', 'en', ['where is my parcel', 'track my order please', 'when will my package arrive', 'has my order shipped yet', 'delivery status of my order']],
  ['return.request', 'en', ['i want to return this', 'how do i get a refund', 'can i send it back', 'start a return for me', 'return policy for this item']],
] as const;
const train = corpus.flatMap(([intent, locale, texts]) => texts.map((text) => ({ intent, locale, text })));
const features = { ...DEFAULT_FEATURE_OPTIONS, embeddings: 0.5 };

describe('TF-IDF features with the message vector (features.embeddings)', () => {
  it('should append the message vector, scaled to the option, after the sparse features', () => {
    const tokens = train.map((e) => tokenize(e.text));
    const plain = TfidfVectorizer.fit(tokens);
    const withVector = TfidfVectorizer.fit(tokens, features);
    const dim = shippedEmbedder().dim;
    expect(withVector.size).toBe(plain.size + dim);
    for (const text of ['快递到哪了', 'where is my parcel']) {
      const v = withVector.transform(tokenize(text));
      const dense = (v.indices as number[]).map((i, k) => [i, v.values[k] as number] as const).filter(([i]) => i >= plain.size);
      expect(dense.length).toBeGreaterThan(0);
      expect(Math.hypot(...dense.map(([, x]) => x))).toBeCloseTo(0.5, 6);
      const sparse = plain.transform(tokenize(text));
      expect((v.indices as number[]).slice(0, sparse.indices.length)).toEqual(sparse.indices);
    }
  });

  it('should train an engine on them that reads back from JSON and classifies the same (zh and en)', () => {
    const engine = NluEngine.train(train, buildShopLexicon([]), { features, folds: 3 });
    const back = NluEngine.fromJSON(JSON.parse(JSON.stringify(engine.toJSON())), buildShopLexicon([]));
    for (const text of ['包裹还没到', '我想退款', 'my package has not arrived', 'i would like a refund']) {
      expect(back.classify(text)).toEqual(engine.classify(text));
    }
    expect(engine.classify('包裹还没到').intents[0]?.name).toBe('order.status');
    expect(engine.classify('i would like a refund').intents[0]?.name).toBe('return.request');
  });
});
