import { MISSPELLINGS_EN } from '../../../../../src/nlp/lang/en/misspellings-en';
import { CHAT_WORDS_EN } from '../../../../../src/nlp/lang/en/chat-words-en';
import { tokenize } from '../../../../../src/nlp/tokenizer';

const norms = (text: string): string[] => tokenize(text).map((t) => t.norm);

describe('MISSPELLINGS_EN', () => {
  it('should read a misspelt shop word as the word', () => {
    expect(norms('i havent recieved my pakage')).toEqual(norms("i haven't received my package"));
    expect(norms('wrong adress on my oder')).toEqual(norms('wrong address on my order'));
    expect(norms('cancle it tommorow')).toEqual(norms('cancel it tomorrow'));
  });

  it('should read chat shortenings as their words', () => {
    expect(norms('wen wil u ship')).toEqual(norms('when will you ship'));
    expect(norms('tyvm')).toEqual(norms('thanks'));
  });

  it('should never map a word that is itself a correct spelling, nor disagree with the chat words', () => {
    const targets = new Set([...Object.values(MISSPELLINGS_EN), ...Object.values(CHAT_WORDS_EN)]);
    for (const [wrong, right] of Object.entries(MISSPELLINGS_EN)) {
      expect(targets.has(wrong)).toBe(false);
      expect(wrong).not.toBe(right);
      expect(CHAT_WORDS_EN[wrong] ?? right).toBe(right);
    }
  });
});
