/**
 * Issue 14 item 2, on the real server: an anonymous shopper's answer to the verification question
 * holds for the connection that gave it. The widget keeps the conversation id in `localStorage`,
 * so the next person at a shared computer resumes the conversation from a new socket: they must
 * be asked to verify again, read no tracking number in `history`, not receive the order live
 * while the first shopper is still connected, and not finish a flow the first one started.
 */
import type { ChatActivity } from '../../src/core/conversation';
import { cardsOf, ChatClient, textOf } from '../helpers/chat-client';
import { customerOf, lastFour, orderWith } from '../helpers/shop-fixture';
import { useChatServer } from '../helpers/use-chat-server';
import { PHRASES } from './verification-phrases';

const ORDER_CARD = 'application/vnd.kefu.order+json';
const orderCardsIn = (activities: ChatActivity[]): unknown[] =>
  activities.flatMap((a) => (a.attachments ?? []).filter((x) => x.contentType === ORDER_CARD));

/** Waits until `client` has received the end of the turn that answered `replyToId`. */
async function turnEndSeen(client: ChatClient, replyToId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (client.received.some((a) => a.type === 'event' && a.name === 'turn.end' && a.replyToId === replyToId)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no turn.end for ${replyToId}`);
}

describe.each(['zh', 'en'] as const)('verification and a resume from another connection (%s)', (lang) => {
  const say = PHRASES[lang];
  const chat = useChatServer();

  it('should ask again and hide the order in history after a new socket resumes the conversation', async () => {
    const order = orderWith(['shipped'], lang === 'zh' ? 0 : 1);
    const tracking = order.shipping!.trackingNumber!;
    const first = await chat.connect({ locale: lang });
    await first.say(say.status(order.id));
    const shown = await first.say(lastFour(customerOf(order)));
    expect(cardsOf(shown, 'order')[0]).toMatchObject({ orderId: order.id, trackingNumber: tracking });
    // The connection that verified still reads it in its history.
    expect(JSON.stringify(await first.history())).toContain(tracking);
    first.close();

    const next = await chat.connect({ locale: lang, conversationId: first.session.conversationId });
    expect(next.session).toMatchObject({ conversationId: first.session.conversationId, resumed: true });
    const history = await next.history();
    expect(JSON.stringify(history)).not.toContain(tracking);
    expect(orderCardsIn(history)).toEqual([]);
    const placeholder = history.find((a) => Array.isArray(a.channelData?.orderHidden));
    expect(placeholder).toMatchObject({ from: { role: 'bot' }, channelData: { orderHidden: [order.id] } });
    expect(placeholder!.text).toMatch(say.hidden);

    const again = await next.say(say.status(order.id));
    expect(cardsOf(again, 'order')).toEqual([]);
    expect(textOf(again)).toMatch(say.askVerification);
    expect(JSON.stringify(again.messages)).not.toContain(tracking);
    // The right answer from this connection shows it here too.
    const verified = await next.say(lastFour(customerOf(order)));
    expect(cardsOf(verified, 'order')[0]).toMatchObject({ orderId: order.id, trackingNumber: tracking });
  });

  it('should not send the order live to another socket of the same conversation', async () => {
    const order = orderWith(['shipped'], lang === 'zh' ? 2 : 3);
    const tracking = order.shipping!.trackingNumber!;
    const owner = await chat.connect({ locale: lang });
    await owner.say(say.status(order.id));
    // The conversation is stored with its first message; from then on it can be resumed.
    const onlooker = await chat.connect({ locale: lang, conversationId: owner.session.conversationId });
    expect(onlooker.session.resumed).toBe(true);
    const shown = await owner.say(lastFour(customerOf(order)));
    expect(cardsOf(shown, 'order')[0]).toMatchObject({ orderId: order.id, trackingNumber: tracking });
    await turnEndSeen(onlooker, shown.ack.ok ? shown.ack.id : '');
    const seen = onlooker.received.filter((a) => a.replyToId === (shown.ack.ok ? shown.ack.id : ''));
    expect(seen.some((a) => a.type === 'message')).toBe(true);
    expect(JSON.stringify(onlooker.received)).not.toContain(tracking);
    expect(orderCardsIn(onlooker.received)).toEqual([]);
  });

  it('should not let a new socket finish a cancellation the verified one started', async () => {
    const order = orderWith(['paid', 'pending'], lang === 'zh' ? 0 : 1);
    const first = await chat.connect({ locale: lang });
    await first.say(say.cancel(order.id));
    const confirm = await first.say(lastFour(customerOf(order)));
    expect(cardsOf(confirm, 'order')[0]).toMatchObject({ orderId: order.id });
    first.close();

    const next = await chat.connect({ locale: lang, conversationId: first.session.conversationId });
    const yes = await next.say(say.yes);
    expect(textOf(yes)).toMatch(say.askVerification);
    expect(cardsOf(yes, 'order')).toEqual([]);
    expect((await chat.server.stores.orders.getOrder(order.id))?.status).toBe(order.status);
  });
});
