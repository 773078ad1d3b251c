/**
 * @module dialogs/order/order-text
 * Reading order numbers and yes/no answers from what the shopper typed or tapped. The words
 * (yes, no, latest) are the domain's keyword lists (`domain.json` `keywords`); callers pass
 * `wordsOf(services.domain)`, the built-in domain's words are the default.
 */
import type { KefuRecognizerResult } from '../../core/nlu';
import { parsePostbackValue } from '../turn/postback';
import { builtInDomain } from '../../domain/built-in-domain';
import { wordsOf, type KeywordMatcher } from '../../domain/keyword-matcher';
import type { OrderIdPattern } from './order-id-pattern';

export const ORDER_ID_PATTERN = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{8,14}(?![A-Za-z0-9])/;

export function orderIdFrom(
  text: string,
  recognition?: KefuRecognizerResult,
  postback?: string,
  pattern?: OrderIdPattern,
): string | undefined {
  const pb = parsePostbackValue(postback);
  if (pb?.kind === 'order') return pb.orderId;
  // The shop's own shapes first: the NLU's generic entity does not know them.
  const own = pattern?.find(text);
  if (own) return own;
  const entity = recognition?.entities.find((e) => e.type === 'orderId');
  if (entity) return String(entity.value).toUpperCase();
  return text.match(ORDER_ID_PATTERN)?.[0].toUpperCase();
}

/** true, false, or null when the answer is neither (a tapped yes/no button, else the `no` then the `yes` words). */
export function yesNoFrom(text: string, postback?: string, words: KeywordMatcher = wordsOf(builtInDomain())): boolean | null {
  const pb = parsePostbackValue(postback);
  if (pb?.kind === 'answer') return pb.yes;
  return words.yesNo(text);
}

/** Whether the shopper means their latest order (the `latest` words: 最近的, "my last order"). */
export function wantsLatest(text: string, words: KeywordMatcher = wordsOf(builtInDomain())): boolean {
  return words.latest(text);
}
