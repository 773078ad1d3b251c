/**
 * @module nlp/lang/language-stage
 * What a language contributes to the pipeline: how to split a run of its script into tokens,
 * and which words carry no meaning for search. Stages are chosen by locale lookup.
 */
import type { Locale } from '../../core/shop';
import type { NluToken } from '../token-types';

export interface LanguageStage {
  locale: Locale;
  /**
   * Splits `norm.slice(start, end)` (a run of this language's script) into tokens whose offsets
   * index the original text (`original` and `norm` have the same length).
   */
  tokenize(original: string, norm: string, start: number, end: number): NluToken[];
  /** Normalised forms (as in `Token.norm`) that search ignores. */
  stopwords: ReadonlySet<string>;
}
