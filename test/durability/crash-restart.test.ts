/**
 * Durability: the real server as a child process is killed with SIGKILL right after it has
 * acknowledged a message (before or while it answers), then started again on the same data
 * directory. Every acknowledged message is in `history`, and the order flow resumes at the same
 * step: the verification answer given after the restart shows the order card.
 */
import type { AckReply } from '../helpers/chat-client';
import { cardsOf, textOf } from '../helpers/chat-client';
import { customerOf, lastFour, orderWith } from '../helpers/shop-fixture';
import { buildOnce } from './kefu-process';
import { useKefuProcesses } from './use-kefu-processes';

jest.setTimeout(240000);

const PHRASES = {
  zh: { status: (id: string) => `帮我查下订单${id}到哪了`, aside: '你们运费怎么算' },
  en: { status: (id: string) => `where is my order ${id}`, aside: 'how much is shipping' },
};

beforeAll(() => buildOnce(), 180000);

describe.each(['zh', 'en'] as const)('kefu serve after SIGKILL (%s)', (lang) => {
  const { start, connect } = useKefuProcesses(lang);

  it('should keep every acknowledged message and resume the order flow at the same step', async () => {
    const order = orderWith(['shipped']);
    const first = await start();
    const before = await connect(first.url);
    const conversationId = before.session.conversationId;

    const ask = await before.say(PHRASES[lang].status(order.id), 'm1');
    expect(cardsOf(ask, 'order')).toHaveLength(0);
    expect(ask.messages.length).toBeGreaterThan(0);

    // Acknowledged, then killed at once: its turn may or may not have run.
    const ack = await new Promise<AckReply>((resolve) => {
      before.socket.emit('message', { id: 'm2', text: PHRASES[lang].aside }, (reply: AckReply) => {
        first.child.kill('SIGKILL');
        resolve(reply);
      });
    });
    expect(ack).toEqual({ ok: true, id: 'm2' });
    await first.kill();
    before.close();

    const second = await start();
    const after = await connect(second.url, { conversationId });
    expect(after.session).toMatchObject({ conversationId, resumed: true });

    const history = await after.history();
    const ids = history.map((a) => a.id);
    expect(ids).toContain('m1');
    expect(ids).toContain('m2');
    expect(ids.indexOf('m1')).toBeLessThan(ids.indexOf('m2'));
    // The verification question that was sent before the crash is there too.
    for (const reply of ask.messages) expect(ids).toContain(reply.id);
    expect(new Set(ids).size).toBe(ids.length);

    const shown = await after.say(lastFour(customerOf(order)), 'm3');
    const [card] = cardsOf(shown, 'order');
    expect(card).toMatchObject({ orderId: order.id, status: 'shipped' });
    expect(textOf(shown)).toContain(order.shipping!.trackingNumber!);
  });

  it('should answer a retried message once, across a restart', async () => {
    const first = await start();
    const before = await connect(first.url);
    const conversationId = before.session.conversationId;
    const turn = await before.say(PHRASES[lang].aside, 'once');
    expect(turn.messages.length).toBeGreaterThan(0);
    await first.kill();

    const second = await start();
    const after = await connect(second.url, { conversationId });
    expect(await after.emit('message', { id: 'once', text: PHRASES[lang].aside })).toEqual({ ok: true, id: 'once' });
    const history = await after.history();
    expect(history.filter((a) => a.id === 'once')).toHaveLength(1);
    expect(history.filter((a) => a.replyToId === 'once' && a.type === 'message')).toHaveLength(turn.messages.length);
  });
});
