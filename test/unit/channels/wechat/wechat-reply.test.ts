import { createHash } from 'node:crypto';
import { cdata, fitBytes, MAX_TEXT_BYTES, passiveTextXml } from '../../../../src/channels/wechat/wechat-reply';
import { hasValidWechatSignature, wechatSignature } from '../../../../src/channels/wechat/wechat-signature';
import { parseWechatXml } from '../../../../src/channels/wechat/wechat-xml';

describe('passiveTextXml', () => {
  it('should address the reply back to the sender and survive any text', () => {
    const text = 'a ]]> b <xml> &amp; ]]]]> 你好\u0000\uD800';
    const xml = passiveTextXml({ toUser: 'oUser', fromUser: 'gh_shop', text, createTime: 1700000000 });
    const fields = parseWechatXml(xml);
    expect(fields.get('ToUserName')).toBe('oUser');
    expect(fields.get('FromUserName')).toBe('gh_shop');
    expect(fields.get('CreateTime')).toBe('1700000000');
    expect(fields.get('MsgType')).toBe('text');
    expect(fields.get('Content')).toBe('a ]]> b <xml> &amp; ]]]]> 你好');
  });

  it('should split "]]>" across two CDATA sections', () => {
    expect(cdata('x]]>y')).toBe('<![CDATA[x]]]]><![CDATA[>y]]>');
  });
});

describe('fitBytes', () => {
  it('should keep short text and cut long text to the byte limit without splitting a character', () => {
    expect(fitBytes('你好')).toBe('你好');
    const long = '订单已发货😀'.repeat(200);
    const cut = fitBytes(long);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF]…$/);
  });

  it('should cut at a line break near the end', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `· product ${i} ¥1,999 https://shop.example/p/${i}`).join('\n');
    const cut = fitBytes(lines, 500);
    expect(cut).toMatch(/\/p\/\d+…$/);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(500);
  });
});

describe('wechatSignature', () => {
  it('should be the SHA-1 of the sorted token, timestamp and nonce', () => {
    const expected = createHash('sha1').update(['1700000000', '99', 'token'].sort().join('')).digest('hex');
    expect(wechatSignature('token', '1700000000', '99')).toBe(expected);
  });

  it('should accept only the right signature for the query', () => {
    const good = new URLSearchParams({ signature: wechatSignature('t', '1', '2'), timestamp: '1', nonce: '2' });
    expect(hasValidWechatSignature('t', good)).toBe(true);
    expect(hasValidWechatSignature('other', good)).toBe(false);
    expect(hasValidWechatSignature('t', new URLSearchParams({ ...Object.fromEntries(good), nonce: '3' }))).toBe(false);
    expect(hasValidWechatSignature('t', new URLSearchParams({ timestamp: '1', nonce: '2' }))).toBe(false);
    expect(hasValidWechatSignature('t', new URLSearchParams({ signature: 'abc', timestamp: '1', nonce: '2' }))).toBe(false);
  });
});
