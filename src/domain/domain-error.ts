/**
 * @module domain/domain-error
 * A domain file that cannot be used: which file, where in it (a JSON path), and what is wrong.
 */

export class DomainError extends Error {
  override readonly name = 'DomainError';

  /**
   * @example throw new DomainError('shop/domain.json', 'intents["promo.info"].answer.kind', 'must be one of flow, faq, handoff, response, skill')
   */
  constructor(
    readonly file: string,
    readonly at: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${at ? at + ' ' : ''}${problem}`, options);
  }
}
