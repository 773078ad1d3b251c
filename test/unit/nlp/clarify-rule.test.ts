import { closeCall, DEFAULT_CLARIFY_RULE, rankedIntents } from '../../../src/nlp/clarify-rule';

const rule = { margin: 0.2, minSecond: 0.2, oosIntent: 'oos' };

describe('closeCall (the margin rule of the clarifying question)', () => {
  it('should offer the top two when their probabilities are closer than the margin (zh and en intents alike)', () => {
    expect(closeCall([{ name: 'order.status', score: 0.5 }, { name: 'return.request', score: 0.4 }, { name: 'oos', score: 0.1 }], rule)).toEqual([
      { name: 'order.status', score: 0.5 },
      { name: 'return.request', score: 0.4 },
    ]);
  });

  it('should not ask when the gap is the margin or more', () => {
    expect(closeCall([{ name: 'order.status', score: 0.75 }, { name: 'return.request', score: 0.5 }], { ...rule, margin: 0.25 })).toBeNull();
    expect(closeCall([{ name: 'order.status', score: 0.65 }, { name: 'return.request', score: 0.4 }], rule)).toBeNull();
    expect(closeCall([{ name: 'order.status', score: 0.9 }, { name: 'return.request', score: 0.05 }], rule)).toBeNull();
  });

  it('should not ask when either of the two is out of scope', () => {
    expect(closeCall([{ name: 'oos', score: 0.45 }, { name: 'complaint', score: 0.4 }], rule)).toBeNull();
    expect(closeCall([{ name: 'complaint', score: 0.45 }, { name: 'oos', score: 0.4 }], rule)).toBeNull();
  });

  it('should not ask between two weak guesses', () => {
    expect(closeCall([{ name: 'order.status', score: 0.19 }, { name: 'return.request', score: 0.15 }], rule)).toBeNull();
  });

  it('should never ask with margin 0, one intent, or scores that are not numbers', () => {
    expect(closeCall([{ name: 'order.status', score: 0.5 }, { name: 'return.request', score: 0.5 }], { ...rule, margin: 0 })).toBeNull();
    expect(closeCall([{ name: 'order.status', score: 1 }], rule)).toBeNull();
    expect(closeCall([], rule)).toBeNull();
    expect(closeCall([{ name: 'order.status', score: NaN }, { name: 'return.request', score: 0.4 }], rule)).toBeNull();
  });

  it('should have the margin chosen on the dev sets as its default', () => {
    expect(DEFAULT_CLARIFY_RULE).toEqual({ margin: 0.2, minSecond: 0.2, oosIntent: 'oos' });
  });
});

describe('rankedIntents', () => {
  it('should list the recogniser intents best first', () => {
    expect(rankedIntents({ intents: { a: { score: 0.1 }, b: { score: 0.7 }, c: { score: 0.2 } } }).map((i) => i.name)).toEqual(['b', 'c', 'a']);
  });
});
