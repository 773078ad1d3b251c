/**
 * Order privacy against guessing, on the real server. An anonymous shopper proves an order is
 * theirs with the last four digits of its phone: 10,000 possibilities, and "after three wrong
 * answers the flow ends". But the count lives in one flow of one conversation: asking again, or
 * opening another conversation (free on every channel), gives three more tries, so the digits can
 * be walked through.
 *
 * KNOWN OPEN FINDING (not fixed here: the count belongs in `src/dialogs/order/`, outside this
 * review's files). The test states the property kefu should have and is marked `failing` until
 * it does: when it starts to pass, jest reports it, and `it.failing` becomes `it`.
 */
import { ChatClient } from '../helpers/chat-client';
import { customerOf, lastFour, orderWith } from '../helpers/shop-fixture';
import { startTestServer, type TestServer } from '../helpers/test-server';

const ASK = { zh: (id: string) => `帮我查下订单${id}到哪了`, en: (id: string) => `where is my order ${id}` } as const;

describe('order verification guessing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it.failing.each(['zh', 'en'] as const)('should not show an order after 9 wrong answers from other conversations (%s)', async (locale) => {
    const order = orderWith(['shipped'], locale === 'zh' ? 0 : 1);
    const right = lastFour(customerOf(order));
    const wrong = ['0000', '1111', '2222', '3333', '4444', '5555', '6666', '7777', '8888', '9999'].filter((g) => g !== right);
    // Three conversations, three wrong answers each: each flow ends with "too many tries".
    for (let c = 0; c < 3; c++) {
      const guesser = await ChatClient.connect(server.url, { locale });
      try {
        await guesser.say(ASK[locale](order.id));
        for (let g = 0; g < 3; g++) await guesser.say(wrong[c * 3 + g]);
      } finally {
        guesser.close();
      }
    }
    // A fourth conversation tries the next number (here: the right one).
    const fourth = await ChatClient.connect(server.url, { locale });
    try {
      await fourth.say(ASK[locale](order.id));
      const answer = await fourth.say(right);
      expect(JSON.stringify(answer.messages)).not.toContain(order.shipping!.trackingNumber!);
    } finally {
      fourth.close();
    }
  });
});
