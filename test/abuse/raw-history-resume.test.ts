/**
 * Issue 14, finding 2 (a shared computer), with `KEFU_RAW_RETENTION_DAYS` on: the raw copy of a
 * shopper's words is shown only to a signed-in owner. Whoever resumes an anonymous conversation by
 * its id (the widget keeps it in localStorage) reads the redacted copy: no phone number or address.
 */
import { signCustomerToken } from '../../src/auth/customer-token';
import { ChatClient } from '../helpers/chat-client';
import { startTestServer, TEST_SECRET, type TestServer } from '../helpers/test-server';

const CASES = [
  ['zh', '我的电话是13812345678，地址是上海市浦东新区世纪大道100号', '13812345678'],
  ['en', 'my phone is 415-555-0123, can you call me', '555-0123'],
] as const;

describe('history of a resumed conversation with raw retention on', () => {
  let server: TestServer;
  const before = process.env.KEFU_RAW_RETENTION_DAYS;
  beforeAll(async () => {
    process.env.KEFU_RAW_RETENTION_DAYS = '1';
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
    if (before === undefined) delete process.env.KEFU_RAW_RETENTION_DAYS;
    else process.env.KEFU_RAW_RETENTION_DAYS = before;
  });

  it.each(CASES)('should show the next person at the computer only the redacted words (%s)', async (locale, text, secret) => {
    const first = await ChatClient.connect(server.url, { locale });
    await first.say(text);
    const conversationId = first.session.conversationId;
    first.close();
    const next = await ChatClient.connect(server.url, { locale, conversationId });
    try {
      expect(next.session.resumed).toBe(true);
      const shopperTexts = (await next.history()).filter((a) => a.from.role === 'user').map((a) => a.text ?? '');
      expect(shopperTexts).toHaveLength(1);
      expect(shopperTexts[0]).not.toContain(secret);
    } finally {
      next.close();
    }
  });

  it.each(CASES)('should still show a signed-in owner their own words (%s)', async (locale, text, secret) => {
    const customerToken = signCustomerToken('C001', TEST_SECRET, 3600);
    const first = await ChatClient.connect(server.url, { locale, customerToken });
    await first.say(text);
    const conversationId = first.session.conversationId;
    first.close();
    const again = await ChatClient.connect(server.url, { locale, customerToken, conversationId });
    try {
      const shopperTexts = (await again.history()).filter((a) => a.from.role === 'user').map((a) => a.text ?? '');
      expect(shopperTexts.some((t) => t.includes(secret))).toBe(true);
    } finally {
      again.close();
    }
  });
});
