/**
 * Personal entity values in the stored transcript, on the real server. The recogniser normalises
 * a phone number ("(555) 123-4567" → "5551234567"), a shape the text redaction does not know, so
 * the bot stores the entity's mask (`[电话]`/`[phone]`, `[邮箱]`/`[email]`) instead of its value:
 * neither the transcript store nor the database file keeps the digits, in Chinese or English.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { redactEntity } from '../../src/privacy/redact';
import { ChatClient } from '../helpers/chat-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

const CASES = {
  zh: { say: '我的电话是 (555) 123-4567，邮箱 li.na@example.com', phone: '[电话]', email: '[邮箱]' },
  en: { say: 'my phone is (555) 123-4567 and my email is li.na@example.com', phone: '[phone]', email: '[email]' },
} as const;

const SECRETS = ['5551234567', '1234567', '123-4567', 'li.na@example.com', 'li.na'];

describe('entity values in stored transcripts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it.each(['zh', 'en'] as const)('should store the mask of a normalised phone and an e-mail, not their values (%s)', async (locale) => {
    const client = await ChatClient.connect(server.url, { locale });
    let conversationId: string;
    try {
      conversationId = client.session.conversationId;
      const turn = await client.say(CASES[locale].say);
      expect(turn.messages.length).toBeGreaterThan(0);
    } finally {
      client.close();
    }
    const stored = await server.stores.transcripts.list(conversationId, { limit: 100 });
    const entities = stored.flatMap((a) => (a.channelData?.entities as { type: string; value: unknown }[] | undefined) ?? []);
    expect(entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'phone', value: CASES[locale].phone }),
        expect.objectContaining({ type: 'email', value: CASES[locale].email }),
      ]),
    );
    for (const view of ['staff', 'owner'] as const) {
      const json = JSON.stringify(await server.stores.transcripts.list(conversationId, { limit: 100, view }));
      for (const secret of SECRETS) expect(json).not.toContain(secret);
    }
    // The database file itself, both copies of every row.
    const db = new Database(path.join(server.dataDir, 'kefu.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT json, raw_json FROM activities WHERE conversation_id = ?').all(conversationId) as { json: string; raw_json: string | null }[];
      expect(rows.length).toBeGreaterThanOrEqual(2);
      const all = rows.map((r) => r.json + (r.raw_json ?? '')).join('\n');
      for (const secret of SECRETS) expect(all).not.toContain(secret);
    } finally {
      db.close();
    }
  });
});

describe('redactEntity', () => {
  it('should mask personal entity types by locale and keep the ones staff need', () => {
    const at = { start: 0, end: 5 };
    expect(redactEntity({ type: 'address', value: '上海市浦东新区世纪大道100号', ...at }, 'zh')).toEqual({ type: 'address', value: '[地址]', ...at });
    expect(redactEntity({ type: 'card', value: '4111111111111111', ...at }, 'en')).toEqual({ type: 'card', value: '[card]', ...at });
    expect(redactEntity({ type: 'email', value: 'a@b.co', text: 'A@B.co', ...at }, 'en')).toEqual({ type: 'email', value: '[email]', ...at });
    // A type not known to be harmless is masked too.
    expect(redactEntity({ type: 'personName', value: 'Li Na', ...at }, 'en')).toEqual({ type: 'personName', value: '[personName]', ...at });
    for (const plain of [{ type: 'orderId', value: 'DD20261101008' }, { type: 'price', value: { max: 2000 } }, { type: 'brand', value: 'Sony' }, { type: 'quantity', value: 2 }]) {
      expect(redactEntity({ ...plain, ...at }, 'zh')).toEqual({ ...plain, ...at });
    }
  });
});
