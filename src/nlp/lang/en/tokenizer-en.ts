/**
 * @module nlp/lang/en/tokenizer-en
 * English stage: a run of letters and spaces is split into words (apostrophes and inner hyphens
 * stay inside: don't, t-shirt) and each word is Porter-stemmed for `norm`. The split is a regex
 * rather than natural's tokenizers because those do not report offsets.
 */
import type { LanguageStage } from '../language-stage';
import type { NluToken } from '../../token-types';
import { stemEn } from './stemmer-en';
import { STOPWORDS_EN } from './stopwords-en';
import { CHAT_WORDS_EN } from './chat-words-en';
import { allMatches } from '../../all-matches';

const WORD = /[\p{L}\p{M}]+(?:['-][\p{L}\p{M}]+)*/gu;

export const tokenizerEn: LanguageStage = {
  locale: 'en',
  stopwords: STOPWORDS_EN,
  tokenize(original, norm, start, end) {
    const tokens: NluToken[] = [];
    const run = norm.slice(start, end);
    for (const m of allMatches(WORD, run)) {
      const from = start + (m.index ?? 0);
      const to = from + m[0].length;
      // A chat spelling reads as the word it stands for (pls → please).
      const norm = stemEn(CHAT_WORDS_EN[m[0]] ?? m[0]);
      tokens.push({ text: original.slice(from, to), norm, start: from, end: to, kind: 'word' });
    }
    return tokens;
  },
};
