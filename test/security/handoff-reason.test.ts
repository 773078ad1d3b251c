/**
 * The handoff reason quotes the shopper. On the real server it is stored redacted (also with
 * `KEFU_RAW_RETENTION_DAYS=0`, the default here) and cut at 200 characters at a space or
 * punctuation mark, so neither the queue in the database nor `kefu handoff list` holds a phone
 * number or an e-mail, whole or cut; the list prints one line per entry whatever the shopper typed.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { runHandoff } from '../../src/cli/handoff-command';
import { QUOTE_LIMIT } from '../../src/privacy/cut-quote';
import { redact } from '../../src/privacy/redact';
import { ChatClient } from '../helpers/chat-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { commandIo, withEnv } from '../staff/env-scope';

const FILL = {
  zh: '你们的快递实在太慢了，已经等了整整两个星期还没有收到货，客服电话也一直打不通，',
  en: 'your delivery is far too slow, I have been waiting for two whole weeks and nobody answers, ',
} as const;
const OPEN = { zh: '我要投诉！', en: 'I want to make a complaint! ' } as const;
const CONTACT = { zh: '请打我电话 138 0013 8000 或发邮件 li.na@example.com，', en: 'call me on (555) 123-4567 or mail li.na@example.com, ' } as const;
const PHONE_PIECES = { zh: ['13800138000', '138 0013', '0013 8000', '8000'], en: ['5551234567', '(555) 123', '123-4567', '4567'] } as const;
const HANDOFF = { zh: '转人工', en: 'talk to a human please' } as const;

describe('handoff reason', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const listed = async (): Promise<string> => {
    const { io, output } = commandIo();
    const code = await withEnv({ KEFU_DATA_DIR: server.dataDir, MONGODB_URI: undefined, KEFU_QUIET: 'true' }, () => runHandoff(['list'], io));
    expect(code).toBe(0);
    return output().stdout;
  };

  async function askForHuman(locale: 'zh' | 'en', text: string): Promise<string> {
    const shopper = await ChatClient.connect(server.url, { locale });
    try {
      const turn = await shopper.say(text);
      expect(turn.messages[0]?.channelData?.handoff).toBe(true);
      return shopper.session.conversationId;
    } finally {
      shopper.close();
    }
  }

  it.each(['zh', 'en'] as const)('should store and list the reason redacted and cut at a break, with no piece of a phone or e-mail (%s)', async (locale) => {
    // The phone number straddles the 200th character of the raw words.
    const lead = (OPEN[locale] + FILL[locale].repeat(5)).slice(0, QUOTE_LIMIT - 4 - CONTACT[locale].search(/\d/));
    const text = lead + CONTACT[locale] + FILL[locale].repeat(2);
    expect(text.search(/\d/)).toBe(QUOTE_LIMIT - 4);
    const conversationId = await askForHuman(locale, text);

    const entry = (await server.stores.handoffs.list()).find((e) => e.conversationId === conversationId)!;
    const db = new Database(path.join(server.dataDir, 'kefu.db'), { readonly: true });
    const row = db.prepare('SELECT reason FROM handoff_queue WHERE conversation_id = ?').get(conversationId) as { reason: string };
    db.close();
    expect(row.reason).toBe(entry.reason);
    const [intent, quote] = [entry.reason.slice(0, entry.reason.indexOf(': ')), entry.reason.slice(entry.reason.indexOf(': ') + 2)];
    expect(intent).toBe('complaint');
    expect([...quote].length).toBeLessThanOrEqual(QUOTE_LIMIT + 1);
    expect(quote.endsWith('…')).toBe(true);
    // It ends at a space or punctuation mark of the shopper's (redacted) words: the next word is left out whole.
    const kept = quote.slice(0, -1);
    const whole = redact(text);
    expect(whole.startsWith(kept)).toBe(true);
    expect(kept.slice(-1) + whole[kept.length]).toMatch(/[\s,.;:!?，。；：！？、]/);
    const outputLine = (await listed()).split('\n').find((l) => l.includes(conversationId))!;
    expect(outputLine.endsWith(entry.reason)).toBe(true);
    for (const stored of [entry.reason, outputLine]) {
      for (const piece of [...PHONE_PIECES[locale], 'li.na', 'example.com']) expect(stored).not.toContain(piece);
    }
  });

  it.each(['zh', 'en'] as const)('should keep a short reason whole but redacted (%s)', async (locale) => {
    const conversationId = await askForHuman(locale, `${HANDOFF[locale]}，${CONTACT[locale]}`);
    const entry = (await server.stores.handoffs.list()).find((e) => e.conversationId === conversationId)!;
    expect(entry.reason).toBe(`agent.handoff: ${HANDOFF[locale]}，${locale === 'zh' ? '请打我电话 [电话] 或发邮件 [邮箱]，' : 'call me on [phone] or mail [email],'}`);
  });

  it.each(['zh', 'en'] as const)('should print one line per entry, whatever line breaks or escape sequences the shopper typed (%s)', async (locale) => {
    const conversationId = await askForHuman(locale, `${HANDOFF[locale]}\n2026-01-01T00:00:00.000Z  forged-${locale}  \u001b[2J\u001b[31m!`);
    const out = await listed();
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\r');
    const lines = out.split('\n').filter(Boolean);
    expect(lines.every((l) => /^\S+ {2}\S+ {2}/.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes(`forged-${locale}`))).toEqual([expect.stringContaining(conversationId)]);
  });
});
