/**
 * @module dialogs/turn/postback
 * The small grammar of postback values the bot puts on its buttons:
 * `intent:<name>[|<orderId>]`, `order:<id>`, `answer:yes|no`, `refine:cheaper|more|pricier`,
 * `clarify:<intent>|<activityId>` (a button of the clarifying question: the intent meant by the
 * shopper's message with that id), `product:<intent>|<productId>` (a button of "which one?" after
 * "is it any good?" among several cards: that question, about that product).
 */
export type Postback =
  | { kind: 'intent'; intent: string; orderId?: string }
  | { kind: 'order'; orderId: string }
  | { kind: 'answer'; yes: boolean }
  | { kind: 'refine'; how: 'cheaper' | 'more' | 'pricier' }
  | { kind: 'clarify'; intent: string; activityId: string }
  | { kind: 'product'; intent: string; productId: string };

export const postbacks = {
  /** `orderId` ties the tap to one order, as on an order card's buttons. */
  intent: (intent: string, orderId?: string): string => `intent:${intent}${orderId ? '|' + orderId : ''}`,
  order: (orderId: string): string => `order:${orderId}`,
  yes: 'answer:yes',
  no: 'answer:no',
  refine: (how: 'cheaper' | 'more' | 'pricier'): string => `refine:${how}`,
  clarify: (intent: string, activityId: string): string => `clarify:${intent}|${activityId}`,
  product: (intent: string, productId: string): string => `product:${intent}|${productId}`,
};

export function parsePostbackValue(value: string | undefined): Postback | null {
  if (!value) return null;
  const [kind, arg] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  switch (kind) {
    case 'intent': {
      const [intent, orderId] = arg.split('|');
      return orderId ? { kind, intent, orderId: orderId.toUpperCase() } : { kind, intent };
    }
    case 'order':
      return { kind, orderId: arg.toUpperCase() };
    case 'answer':
      return arg === 'yes' || arg === 'no' ? { kind, yes: arg === 'yes' } : null;
    case 'refine':
      return arg === 'cheaper' || arg === 'more' || arg === 'pricier' ? { kind, how: arg } : null;
    case 'clarify': {
      const bar = arg.indexOf('|');
      const [intent, activityId] = [arg.slice(0, bar), arg.slice(bar + 1)];
      return bar > 0 && activityId ? { kind, intent, activityId } : null;
    }
    case 'product': {
      const bar = arg.indexOf('|');
      const [intent, productId] = [arg.slice(0, bar), arg.slice(bar + 1)];
      return bar > 0 && productId ? { kind, intent, productId } : null;
    }
    default:
      return null;
  }
}
