import { parseWechatMessage, wechatMessageId } from '../../../../src/channels/wechat/wechat-message';
import { parseWechatXml, WechatXmlError } from '../../../../src/channels/wechat/wechat-xml';

const TEXT_MESSAGE = `<xml>
  <ToUserName><![CDATA[gh_shop]]></ToUserName>
  <FromUserName><![CDATA[oUser_1-a]]></FromUserName>
  <CreateTime>1348831860</CreateTime>
  <MsgType><![CDATA[text]]></MsgType>
  <Content><![CDATA[我的订单 <b>&amp; ]] 到哪了]]></Content>
  <MsgId>1234567890123456</MsgId>
</xml>`;

function refusal(source: string): string {
  try {
    parseWechatXml(source);
  } catch (err) {
    expect(err).toBeInstanceOf(WechatXmlError);
    return (err as Error).message;
  }
  throw new Error(`accepted: ${source}`);
}

describe('parseWechatXml', () => {
  it('should read CDATA and plain text children of <xml> as written', () => {
    const fields = parseWechatXml(TEXT_MESSAGE);
    expect(fields.get('Content')).toBe('我的订单 <b>&amp; ]] 到哪了');
    expect(fields.get('CreateTime')).toBe('1348831860');
    expect(fields.get('MsgType')).toBe('text');
  });

  it('should decode only the predefined entities and character references in plain text', () => {
    const fields = parseWechatXml(
      '<xml><A>a &lt;&gt;&amp;&quot;&apos; &#20320;&#x597D;</A><B/><C><![CDATA[x]]><![CDATA[]]]]><![CDATA[>]]></C></xml>',
    );
    expect(fields.get('A')).toBe('a <>&"\' 你好');
    expect(fields.get('B')).toBe('');
    expect(fields.get('C')).toBe('x]]>');
  });

  it('should refuse DTDs, entities and processing instructions, wherever they are', () => {
    const xxe = '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>';
    expect(refusal(xxe)).toMatch(/DOCTYPE/);
    expect(refusal('<xml><!ENTITY a "b"><A>x</A></xml>')).toMatch(/entity/);
    expect(refusal('<?xml version="1.0"?><xml></xml>')).toMatch(/processing instruction/);
    expect(refusal('<xml><?php x ?></xml>')).toMatch(/processing instruction/);
    expect(refusal('<xml><A>&xxe;</A></xml>')).toMatch(/&lt;/);
    expect(refusal('<xml><!-- c --></xml>')).toMatch(/comments/);
    expect(refusal('<xml><A>&#0;</A></xml>')).toMatch(/invalid character/);
  });

  it('should keep text that only looks like markup when it is inside CDATA', () => {
    expect(parseWechatXml('<xml><Content><![CDATA[<!DOCTYPE x> <?php ?> &xxe;]]></Content></xml>').get('Content')).toBe(
      '<!DOCTYPE x> <?php ?> &xxe;',
    );
  });

  it.each([
    ['empty', ''],
    ['not xml', '{"text": "hi"}'],
    ['another root', '<root><A>x</A></root>'],
    ['unclosed root', '<xml><A>x</A>'],
    ['mismatched tags', '<xml><A>x</B></xml>'],
    ['unclosed CDATA', '<xml><A><![CDATA[x</A></xml>'],
    ['attributes', '<xml><A id="1">x</A></xml>'],
    ['text after the root', '<xml></xml>trailing'],
    ['a duplicate field', '<xml><A>1</A><A>2</A></xml>'],
    ['a bare ampersand', '<xml><A>a & b</A></xml>'],
    ['control characters', '<xml><A>\u0001</A></xml>'],
    ['deep nesting', '<xml><A><B><C><D><E>x</E></D></C></B></A></xml>'],
    ['too many fields', `<xml>${Array.from({ length: 65 }, (_, i) => `<F${i}>x</F${i}>`).join('')}</xml>`],
    ['a billion laughs', '<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><xml><A>&b;</A></xml>'],
  ])('should refuse %s', (_name, source) => {
    expect(() => parseWechatXml(source)).toThrow(WechatXmlError);
  });

  it('should skip nested elements but still check them', () => {
    const fields = parseWechatXml(
      '<xml><Event><![CDATA[pic_sysphoto]]></Event><SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum>ab</PicMd5Sum></item></PicList></SendPicsInfo></xml>',
    );
    expect(fields.get('Event')).toBe('pic_sysphoto');
    expect(fields.has('SendPicsInfo')).toBe(false);
    expect(fields.has('Count')).toBe(false);
  });

  it('should not treat element names as object keys', () => {
    const fields = parseWechatXml('<xml><__proto__>x</__proto__><constructor>y</constructor></xml>');
    expect(fields.get('__proto__')).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('parseWechatMessage', () => {
  it('should read a text message and use its MsgId as the id', () => {
    const message = parseWechatMessage(TEXT_MESSAGE);
    expect(message).toEqual({
      kind: 'text',
      account: 'gh_shop',
      openId: 'oUser_1-a',
      createTime: 1348831860,
      msgId: '1234567890123456',
      text: '我的订单 <b>&amp; ]] 到哪了',
    });
    expect(wechatMessageId(message)).toBe('1234567890123456');
  });

  it('should read events, voice transcripts and other kinds of messages', () => {
    const head = '<ToUserName>gh_shop</ToUserName><FromUserName>oUser</FromUserName><CreateTime>1700000000</CreateTime>';
    const event = parseWechatMessage(`<xml>${head}<MsgType>event</MsgType><Event>subscribe</Event></xml>`);
    expect(event).toMatchObject({ kind: 'event', event: 'subscribe' });
    expect(wechatMessageId(event)).toBe('event-1700000000');
    const voice = `<xml>${head}<MsgType>voice</MsgType><MediaId>m</MediaId><Format>amr</Format><MsgId>42</MsgId>`;
    expect(parseWechatMessage(`${voice}<Recognition><![CDATA[你好]]></Recognition></xml>`)).toMatchObject({
      kind: 'text',
      text: '你好',
      msgId: '42',
    });
    expect(parseWechatMessage(`${voice}</xml>`)).toMatchObject({ kind: 'other', msgType: 'voice' });
    expect(parseWechatMessage(`<xml>${head}<MsgType>image</MsgType><MsgId>43</MsgId></xml>`)).toMatchObject({
      kind: 'other',
      msgType: 'image',
    });
  });

  it.each([
    ['a sender that is not an OpenID', '<FromUserName><![CDATA[o"/><x>]]></FromUserName>'],
    ['a missing sender', ''],
    ['an id that is not a number', '<FromUserName>oUser</FromUserName>'],
  ])('should refuse %s', (_name, from) => {
    const msgId = from.includes('oUser') ? '<MsgId>abc</MsgId>' : '<MsgId>1</MsgId>';
    const source = `<xml><ToUserName>gh</ToUserName>${from}<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content>${msgId}</xml>`;
    expect(() => parseWechatMessage(source)).toThrow(WechatXmlError);
  });
});
