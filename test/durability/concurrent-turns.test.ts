/**
 * Concurrency: 20 messages fired at once into one conversation (plus retries of some of them)
 * are acknowledged, stored once each, run one at a time in the order they were sent, and leave
 * the dialog state consistent (the verification answer sent last still opens the order card).
 */
import type { ChatActivity } from '../../src/core/conversation';
import { cardsOf, type AckReply } from '../helpers/chat-client';
import { customerOf, lastFour, orderWith } from '../helpers/shop-fixture';
import { useChatServer } from '../helpers/use-chat-server';

const ASIDES = {
  zh: ['你们运费怎么算', '支持七天无理由退货吗', '有什么优惠活动吗', '发什么快递'],
  en: ['how much is shipping', 'can i return an item within 7 days', 'any promotions right now', 'which courier do you use'],
};
const STATUS = { zh: (id: string) => `帮我查下订单${id}到哪了`, en: (id: string) => `where is my order ${id}` };

describe.each(['zh', 'en'] as const)('ChatService under 20 simultaneous messages (%s)', (lang) => {
  const chat = useChatServer({ rateLimit: { burst: 100, perSecond: 10 } });

  it('should store each message once and run the turns in sending order with consistent state', async () => {
    const order = orderWith(['shipped']);
    const c = await chat.connect({ locale: lang });
    const texts = [
      STATUS[lang](order.id),
      ...Array.from({ length: 18 }, (_, i) => ASIDES[lang][i % ASIDES[lang].length]),
      lastFour(customerOf(order)),
    ];
    const ids = texts.map((_, i) => `burst-${String(i).padStart(2, '0')}`);
    const allEnded = new Promise<void>((resolve) => {
      c.socket.on('activity', (a: ChatActivity) => {
        const ended = c.received.filter((x) => x.type === 'event' && x.name === 'turn.end').length;
        if (a.type === 'event' && a.name === 'turn.end' && ended >= texts.length) resolve();
      });
    });
    // All at once, plus a retry of every fifth message while they are in flight.
    const acks = await Promise.all([
      ...texts.map((text, i) => c.emit('message', { id: ids[i], text })),
      ...ids.filter((_, i) => i % 5 === 0).map((id, k) => c.emit('message', { id, text: texts[k * 5] })),
    ]);
    expect(acks.every((a: AckReply) => a.ok)).toBe(true);
    await allEnded;

    const ends = c.received.filter((a) => a.type === 'event' && a.name === 'turn.end').map((a) => a.replyToId);
    expect(ends).toEqual(ids);

    // Turns do not interleave: every activity of turn i arrives before any of turn i+1.
    const turnIndex = c.received.map((a) => ids.indexOf(a.replyToId ?? ''));
    expect(turnIndex).toEqual([...turnIndex].sort((a, b) => a - b));

    const history = [...(await c.history({ limit: 100 }))];
    const userIds = history.filter((a) => a.from.role === 'user').map((a) => a.id);
    expect(userIds).toEqual(ids);
    const messagesOfLast = c.received.filter((a) => a.replyToId === ids[19] && a.type === 'message');
    const [card] = messagesOfLast.flatMap((m) => cardsOf({ ack: { ok: true, id: ids[19] }, activities: [], messages: [m] }, 'order'));
    expect(card).toMatchObject({ orderId: order.id });
  });
});
