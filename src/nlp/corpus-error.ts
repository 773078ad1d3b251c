/**
 * @module nlp/corpus-error
 * A broken intent corpus file: which file, and what is wrong with it.
 */

export class CorpusError extends Error {
  override readonly name = 'CorpusError';

  /**
   * @example throw new CorpusError('intents/order.zh.json', 'data[0].utterances must be a non-empty array of strings')
   */
  constructor(
    readonly file: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problem}`, options);
  }
}
