/**
 * @module dialogs/order/order-text
 * Reading order numbers and yes/no answers from what the shopper typed or tapped.
 */
import type { KefuRecognizerResult } from '../../core/nlu';
import { parsePostbackValue } from '../../bot/postback';
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

const NO = /^\s*(不|别|否|算了|不用|不要|no\b|nope|nah|don'?t|do not|never ?mind|cancel that|keep it)/i;
const YES = /^\s*(是|是的|对|对的|好|好的|行|确认|确定|嗯|可以|没问题|要|yes|y\b|yeah|yep|sure|ok|okay|confirm|go ahead|please do|do it)/i;

/** true, false, or null when the answer is neither. */
export function yesNoFrom(text: string, postback?: string): boolean | null {
  const pb = parsePostbackValue(postback);
  if (pb?.kind === 'answer') return pb.yes;
  if (NO.test(text)) return false;
  if (YES.test(text)) return true;
  return null;
}

const LATEST = /最近|最新|刚(刚)?(买|下|拍)|上一(个|单|笔)|latest|last|recent|newest|just (bought|ordered)/i;
export function wantsLatest(text: string): boolean {
  return LATEST.test(text);
}
