import { evaluate } from '../../../src/nlp/eval-corpus';
import type { Recognizer, KefuRecognizerResult } from '../../../src/core/nlu';

/** Says order.status for anything with "order", else oos. */
const fake: Recognizer = {
  async recognize(text): Promise<KefuRecognizerResult> {
    const name = /order|订单/.test(text) ? 'order.status' : 'oos';
    return { text, locale: 'en', intents: { [name]: { score: 1 } }, entities: [], topIntent: { name, score: 1 } };
  },
};

describe('evaluate', () => {
  it('should report accuracy overall and per intent, with the misses', async () => {
    const r = await evaluate(fake, [
      { text: 'where is my order', intent: 'order.status', locale: 'en' },
      { text: '订单到哪了', intent: 'order.status', locale: 'zh' },
      { text: 'cancel my order', intent: 'order.cancel', locale: 'en' },
      { text: 'tell me a joke', intent: 'oos', locale: 'en' },
    ]);
    expect(r.n).toBe(4);
    expect(r.accuracy).toBe(0.75);
    expect(r.perIntent['order.status']).toEqual({ n: 2, correct: 2, accuracy: 1, precision: 2 / 3 });
    expect(r.perIntent['order.cancel']).toEqual({ n: 1, correct: 0, accuracy: 0, precision: 0 });
    expect(r.errors).toEqual([{ text: 'cancel my order', expected: 'order.cancel', got: 'order.status', score: 1 }]);
  });

  it('should handle an empty list', async () => {
    expect(await evaluate(fake, [])).toEqual({ n: 0, accuracy: 0, perIntent: {}, errors: [] });
  });
});
