/**
 * Issue 14 item 2, on the real server: an anonymous shopper's verification lapses after
 * `verificationIdleMinutes` without a turn from their connection (here 3 s instead of 5 minutes,
 * so the test sleeps a few seconds, not minutes). After that the order is not shown again, a
 * cancellation waiting for its "yes" asks the question again, and `history` hides the order on
 * the very connection that verified it. A turn in between keeps the proof alive.
 */
import { cardsOf, textOf } from '../helpers/chat-client';
import { customerOf, lastFour, orderWith } from '../helpers/shop-fixture';
import { useChatServer } from '../helpers/use-chat-server';
import { PHRASES } from './verification-phrases';

const IDLE_SECONDS = 3;

const pause = (seconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

describe.each(['zh', 'en'] as const)('verification that expires when idle (%s)', (lang) => {
  const say = PHRASES[lang];
  const chat = useChatServer({ verificationIdleMinutes: IDLE_SECONDS / 60 });

  it('should ask again, and hide the order in history, once the shopper was idle too long', async () => {
    const order = orderWith(['shipped'], lang === 'zh' ? 0 : 1);
    const tracking = order.shipping!.trackingNumber!;
    const shopper = await chat.connect({ locale: lang });
    await shopper.say(say.status(order.id));
    const shown = await shopper.say(lastFour(customerOf(order)));
    expect(cardsOf(shown, 'order')[0]).toMatchObject({ orderId: order.id, trackingNumber: tracking });
    await pause(IDLE_SECONDS + 0.5);

    expect(JSON.stringify(await shopper.history())).not.toContain(tracking);
    const again = await shopper.say(say.status(order.id));
    expect(cardsOf(again, 'order')).toEqual([]);
    expect(textOf(again)).toMatch(say.askVerification);
    const reverified = await shopper.say(lastFour(customerOf(order)));
    expect(cardsOf(reverified, 'order')[0]).toMatchObject({ orderId: order.id, trackingNumber: tracking });
    expect(JSON.stringify(await shopper.history())).toContain(tracking);
  });

  it('should ask again before cancelling when the "yes" comes after the proof lapsed', async () => {
    const order = orderWith(['paid', 'pending'], lang === 'zh' ? 0 : 1);
    const shopper = await chat.connect({ locale: lang });
    await shopper.say(say.cancel(order.id));
    const confirm = await shopper.say(lastFour(customerOf(order)));
    expect(cardsOf(confirm, 'order')[0]).toMatchObject({ orderId: order.id });
    await pause(IDLE_SECONDS + 0.5);

    const yes = await shopper.say(say.yes);
    expect(textOf(yes)).toMatch(say.askVerification);
    expect((await chat.server.stores.orders.getOrder(order.id))?.status).toBe(order.status);
    const confirmAgain = await shopper.say(lastFour(customerOf(order)));
    expect(cardsOf(confirmAgain, 'order')[0]).toMatchObject({ orderId: order.id });
    const cancelled = await shopper.say(say.yes);
    expect(cardsOf(cancelled, 'order')[0]).toMatchObject({ orderId: order.id, status: 'cancelled' });
  });

  it('should keep the proof while the shopper keeps talking', async () => {
    const order = orderWith(['shipped'], lang === 'zh' ? 2 : 3);
    const shopper = await chat.connect({ locale: lang });
    await shopper.say(say.status(order.id));
    expect(cardsOf(await shopper.say(lastFour(customerOf(order))), 'order')).toHaveLength(1);
    // Each pause alone is shorter than the idle time; both together are longer.
    await pause(IDLE_SECONDS * 0.6);
    await shopper.say(say.other);
    await pause(IDLE_SECONDS * 0.6);
    const shown = await shopper.say(say.status(order.id));
    expect(cardsOf(shown, 'order')[0]).toMatchObject({ orderId: order.id });
  });
});
