import { tokenizerEn } from '../../../../../src/nlp/lang/en/tokenizer-en';
import { tokenize } from '../../../../../src/nlp/tokenizer';
import { stemEn } from '../../../../../src/nlp/lang/en/stemmer-en';
import { seededRandom } from '../../../../../src/nlp/classifier/folds';

/** The stage's definition of a word (what its ASCII scan must find). */
const WORD = /[\p{L}\p{M}]+(?:['-][\p{L}\p{M}]+)*/gu;

describe('tokenizerEn', () => {
  it('should split ASCII runs into exactly the words of its regex, with offsets', () => {
    const random = seededRandom(7);
    const pieces = ['a', 'b', 'Z', 'ab', "'", '-', ' ', '  ', "''", '--', "-'", '\t', 'x-y', "don't"];
    for (let probe = 0; probe < 2000; probe++) {
      let run = '';
      for (let k = 1 + Math.floor(random() * 10); k > 0; k--) run += pieces[Math.floor(random() * pieces.length)];
      const text = `<${run}>`;
      const got = tokenizerEn.tokenize(text, text, 1, text.length - 1).map((t) => [t.start, t.end, t.text]);
      const want = [...run.matchAll(WORD)].map((m) => [1 + (m.index ?? 0), 1 + (m.index ?? 0) + m[0].length, m[0]]);
      expect(got).toEqual(want);
    }
  });

  it('should split runs with other letters and marks by its regex', () => {
    const text = 'café naïve re\u0301sume\u0301 t-shirt';
    expect(tokenizerEn.tokenize(text, text, 0, text.length).map((t) => t.text)).toEqual(['café', 'naïve', 're\u0301sume\u0301', 't-shirt']);
  });

  it('should read chat spellings as their words and any other word as itself', () => {
    expect(tokenize('pls thx u').map((t) => t.norm)).toEqual([stemEn('please'), stemEn('thanks'), 'you']);
    // Names of object properties are plain words, not lookups that crash.
    expect(tokenize('constructor toString __proto__ hasOwnProperty').map((t) => t.norm)).toEqual(['constructor', 'tostr', '_', 'proto', '_', 'hasownproperti']);
  });
});
