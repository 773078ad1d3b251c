import { unstretchEn } from '../../../../../src/nlp/lang/en/elongation-en';
import { tokenize } from '../../../../../src/nlp/tokenizer';

describe('unstretchEn', () => {
  it('should shrink a letter repeated three or more times to one', () => {
    expect(unstretchEn('pleeeease')).toBe('please');
    expect(unstretchEn('sooooo')).toBe('so');
    expect(unstretchEn('hiiii')).toBe('hi');
    expect(unstretchEn('thanksss')).toBe('thanks');
    expect(unstretchEn('pleeeaaase')).toBe('please');
  });

  it('should shrink to two letters when that spells a common doubled word', () => {
    expect(unstretchEn('goooood')).toBe('good');
    expect(unstretchEn('sooon')).toBe('soon');
    expect(unstretchEn('helllllo')).toBe('hello');
    expect(unstretchEn('adddress')).toBe('address');
  });

  it('should leave words without a stretch as they are, doubled letters included', () => {
    for (const word of ['address', 'too', 'book', 'order', 'a', '']) expect(unstretchEn(word)).toBe(word);
  });
});

describe('tokenizerEn with stretched words', () => {
  it('should give a stretched word the norm of the plain word and keep its own text and offsets', () => {
    const text = 'Pleeease help, sooo slow';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(tokenize('please help, so slow').map((t) => t.norm));
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[0]).toMatchObject({ text: 'Pleeease', start: 0, end: 8 });
  });
});
