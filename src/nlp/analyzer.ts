/**
 * @module nlp/analyzer
 * Index terms for FAQ retrieval and product search: the tokens' normalised forms (Chinese words,
 * stemmed English words, codes), without punctuation and stopwords of either language.
 */
import type { TextAnalyzer } from '../core/nlu';
import type { Locale } from '../core/shop';
import type { ShopLexicon } from './lexicon-types';
import { tokenize } from './tokenizer';
import { STAGES } from './lang/stages';
import { applyLexiconToJieba } from './jieba-user-dict';

/** Every language's stopwords: a mixed text may hold both, whatever its locale. */
const STOPWORDS: ReadonlySet<string> = new Set(Object.values(STAGES).flatMap((s) => [...s.stopwords]));

export class KefuTextAnalyzer implements TextAnalyzer {
  /** @param lexicon if given, its words are added to the Chinese segmenter first. */
  constructor(lexicon?: ShopLexicon) {
    if (lexicon) applyLexiconToJieba(lexicon);
  }

  /**
   * @example new KefuTextAnalyzer().terms('Sony 降噪耳机 shipping', 'zh') // ['soni', '降噪', '耳机', 'ship']
   */
  terms(text: string, _locale: Locale): string[] {
    return tokenize(text)
      .filter((t) => t.kind !== 'punct' && !STOPWORDS.has(t.norm))
      .map((t) => t.norm);
  }
}
