/**
 * @module channels/wechat/wechat-reply
 * The passive reply: a text message in WeChat's XML, addressed back to the sender. Text goes
 * into CDATA sections (a `]]>` inside is split across two sections) after characters XML cannot
 * carry are dropped, and it is cut to WeChat's 2,048-byte limit for a text message.
 */

/** WeChat refuses text messages longer than this many UTF-8 bytes (`45002 content size out of limit`). */
export const MAX_TEXT_BYTES = 2048;

const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` as CDATA; `]]>` cannot occur inside one section, so it is split between two. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(NOT_XML, '').split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

/**
 * At most `maxBytes` UTF-8 bytes of `text`, cut at a line break when one is near the end
 * (a card is not cut in the middle), never inside a character, with "…" when cut.
 */
export function fitBytes(text: string, maxBytes = MAX_TEXT_BYTES): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const ellipsis = '…';
  const budget = maxBytes - Buffer.byteLength(ellipsis, 'utf8');
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > budget) break;
    bytes += size;
    end += char.length;
  }
  const cut = text.slice(0, end);
  const lineBreak = cut.lastIndexOf('\n');
  return (lineBreak > cut.length * 0.75 ? cut.slice(0, lineBreak) : cut).trimEnd() + ellipsis;
}

export interface PassiveTextReply {
  /** The shopper's OpenID (the message's `FromUserName`). */
  toUser: string;
  /** The Official Account (the message's `ToUserName`). */
  fromUser: string;
  text: string;
  /** @default now */
  createTime?: number;
}

/**
 * @example passiveTextXml({ toUser: 'oUser', fromUser: 'gh_shop', text: '您好' })
 */
export function passiveTextXml(reply: PassiveTextReply): string {
  const createTime = reply.createTime ?? Math.floor(Date.now() / 1000);
  return (
    '<xml>' +
    `<ToUserName>${cdata(reply.toUser)}</ToUserName>` +
    `<FromUserName>${cdata(reply.fromUser)}</FromUserName>` +
    `<CreateTime>${createTime}</CreateTime>` +
    `<MsgType>${cdata('text')}</MsgType>` +
    `<Content>${cdata(fitBytes(reply.text))}</Content>` +
    '</xml>'
  );
}
