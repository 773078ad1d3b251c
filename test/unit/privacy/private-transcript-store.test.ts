import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChatActivity } from '../../../src/core/conversation';
import { PrivateTranscriptStore } from '../../../src/privacy/private-transcript-store';
import { AWAITS_VERIFICATION, VERIFICATION_ANSWER } from '../../../src/privacy/redact-activity';
import { openEmbeddedStores } from '../../../src/storage/embedded';
import type { Stores } from '../../../src/core/stores';

const message = (id: string, text: string, at = new Date().toISOString()): ChatActivity => ({
  type: 'message',
  id,
  conversationId: 'c',
  timestamp: at,
  from: { id: 'shopper', role: 'user' },
  text,
});

describe('PrivateTranscriptStore', () => {
  let dir: string;
  let stores: Stores;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-privacy-'));
    stores = openEmbeddedStores(dir);
  });
  afterEach(async () => {
    await stores.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should store only the redacted copy by default, and hand the raw one back for the turn', async () => {
    const store = new PrivateTranscriptStore(stores.transcripts, { rawRetentionDays: 0, retentionDays: 0 });
    const result = await store.append(message('m1', '我的手机是13800001234'));
    expect(result).toEqual({ inserted: true, activity: expect.objectContaining({ text: '我的手机是13800001234' }) });
    expect((await store.list('c', { view: 'staff' }))[0].text).toBe('我的手机是[电话]');
    expect((await store.list('c', { view: 'owner' }))[0].text).toBe('我的手机是[电话]');
    const row = (stores as unknown as { transcripts: { db: { statement(s: string): { get(): unknown } } } }).transcripts.db
      .statement('SELECT raw_json FROM activities')
      .get();
    expect(row).toEqual({ raw_json: null });
  });

  it('should show the owner their own words while the raw retention keeps them, and staff never', async () => {
    let now = new Date('2026-03-01T00:00:00Z');
    const store = new PrivateTranscriptStore(stores.transcripts, { rawRetentionDays: 7, retentionDays: 0 }, () => now);
    await store.appendAll([message('m1', 'ship to 12 Baker St, London'), message('m2', 'thanks')]);
    expect((await store.list('c')).map((a) => a.text)).toEqual(['ship to [address]', 'thanks']);
    // Raw copies are checked against the real clock: written for 7 days from 2026-03-01, long past.
    expect((await store.list('c', { view: 'owner' }))[0].text).toBe('ship to [address]');
    now = new Date();
    await store.append(message('m3', 'mail me: amy@example.com'));
    expect((await store.list('c', { view: 'owner' })).map((a) => a.text)).toEqual([
      'ship to [address]',
      'thanks',
      'mail me: amy@example.com',
    ]);
    expect((await store.list('c')).map((a) => a.text)[2]).toBe('mail me: [email]');
    expect(await store.purgeRaw!(new Date(Date.now() + 8 * 86400000).toISOString())).toBe(2); // m1 (expired) and m3
    expect((await store.list('c', { view: 'owner' }))[2].text).toBe('mail me: [email]');
  });

  it('should redact card contents of bot replies', async () => {
    const store = new PrivateTranscriptStore(stores.transcripts, { rawRetentionDays: 0, retentionDays: 0 });
    await store.append({
      ...message('r1', '已为您修改地址'),
      from: { id: 'kefu-bot', role: 'bot' },
      attachments: [{ contentType: 'application/vnd.kefu.order+json', content: { orderId: 'DD20260101001', address: '上海市浦东新区世纪大道100号' } }],
    });
    const [stored] = await store.list('c');
    expect(stored.attachments?.[0].content).toEqual({ orderId: 'DD20260101001', address: '[地址]' });
  });

  it('should mask the digits of an answer to the verification question, and only then', async () => {
    const store = new PrivateTranscriptStore(stores.transcripts, { rawRetentionDays: 0, retentionDays: 0 });
    const bot = (id: string, text: string, channelData?: Record<string, unknown>): ChatActivity => ({
      ...message(id, text),
      from: { id: 'kefu-bot', role: 'bot' },
      ...(channelData ? { channelData } : {}),
    });
    await store.append(message('m1', '有没有3999元以下的手机'));
    await store.append(bot('r1', '请问订单号是多少？'));
    await store.append(message('m2', 'DD20261101008'));
    await store.append(bot('r2', '请回复手机号后四位', { ...AWAITS_VERIFICATION }));
    const answer = await store.append({ ...message('m3', '还是8000'), channelData: { session: 'sock-1' } });
    // The turn gets what was typed, marked, with its connection; the stored copies neither.
    expect(answer.activity).toMatchObject({ text: '还是8000', channelData: { session: 'sock-1', [VERIFICATION_ANSWER]: true } });
    await store.append(bot('r3', '订单已发货'));
    await store.append(message('m4', '2026年买的还能退吗'));
    const texts = (await store.list('c')).map((a) => a.text);
    expect(texts).toEqual(['有没有3999元以下的手机', '请问订单号是多少？', 'DD20261101008', '请回复手机号后四位', '还是[****]', '订单已发货', '2026年买的还能退吗']);
    expect(JSON.stringify(await store.list('c', { view: 'owner' }))).not.toContain('sock-1');
  });
});
