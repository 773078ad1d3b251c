/**
 * Issue 15: a refusal's words are the shop's. A shop folder's `dialogs/chat.json` that rewords
 * the rate-limit notices reaches the shopper over `/chat`, in their language, and in every
 * language at once when the handshake named none; a notice the shop did not reword stays built-in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RateSpec } from '../../src/config';
import { DEMO_SHOP_DIR } from '../../src/shop-folder/shop-content';
import { emit, limitsWith, useLimitServer, type Refusal } from './limits-clients';

const SHOP_TEXTS = {
  zh: { tooFast_message: '亲，您发得太快啦，歇一下再发哦～', tooManyConnections: '亲，您的网络连得太勤啦～' },
  en: { tooFast_message: 'Whoa, slow down a little, friend!', tooManyConnections: 'Your network knocks too often, friend!' },
};
const BUILT_IN_HISTORY = { zh: '读取聊天记录过于频繁，请稍后再试。', en: 'Too many history requests. Please wait a moment.' };
const TEXT = { zh: ['你好', '运费怎么算', '支持退货吗', '谢谢'], en: ['hello', 'how much is shipping', 'can i return it', 'thanks'] };
const rate = (burst: number): RateSpec => ({ burst, perMinute: 1 });
const WIDE: RateSpec = { burst: 1000, perMinute: 1000 };

// The demo shop (its catalogue and orders), with the notices reworded.
const shopDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-shop-limits-'));
fs.cpSync(DEMO_SHOP_DIR, shopDir, { recursive: true });
fs.mkdirSync(path.join(shopDir, 'dialogs'));
fs.writeFileSync(path.join(shopDir, 'dialogs', 'chat.json'), JSON.stringify(SHOP_TEXTS));
afterAll(() => fs.rmSync(shopDir, { recursive: true, force: true }));

describe("a shop's rate-limit notices", () => {
  const fx = useLimitServer({
    shopDir,
    limits: limitsWith({
      trustProxy: 1,
      connections: rate(1),
      message: { socket: rate(2), conversation: WIDE, address: WIDE },
      history: { socket: rate(1), conversation: WIDE, address: WIDE },
    }),
  });

  it.each([
    ['zh', '198.51.100.1'],
    ['en', '198.51.100.2'],
  ] as const)('should tell a shopper sending too fast in the shop folder words (%s)', async (lang, from) => {
    const c = await fx.mustOpen({ locale: lang }, from);
    const errors: Refusal[] = [];
    c.socket.on('error', (e: Refusal) => errors.push(e));
    const acks = await Promise.all(TEXT[lang].map((text) => emit(c.socket, 'message', { text })));
    const refused = acks.flatMap((a) => (a.ok ? [] : [a.error]));
    expect(acks.filter((a) => a.ok)).toHaveLength(2);
    expect(refused.map((r) => [r.code, r.message])).toEqual([
      ['KEFU_RATE_LIMIT', SHOP_TEXTS[lang].tooFast_message],
      ['KEFU_RATE_LIMIT', SHOP_TEXTS[lang].tooFast_message],
    ]);
    expect(errors.map((e) => e.message)).toEqual([SHOP_TEXTS[lang].tooFast_message, SHOP_TEXTS[lang].tooFast_message]);

    // History is limited too, and the shop did not reword it: the built-in text.
    await emit(c.socket, 'history', { limit: 10 });
    const history = await emit(c.socket, 'history', { limit: 10 });
    expect(history).toMatchObject({ ok: false, error: { code: 'KEFU_RATE_LIMIT', message: BUILT_IN_HISTORY[lang] } });
  });

  it('should refuse a handshake that named no language in every language of the shop folder', async () => {
    await fx.mustOpen({}, '198.51.100.3');
    const refused = await fx.open({}, '198.51.100.3');
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'KEFU_RATE_LIMIT', message: `${SHOP_TEXTS.zh.tooManyConnections} ${SHOP_TEXTS.en.tooManyConnections}` }),
    });
  });
});
