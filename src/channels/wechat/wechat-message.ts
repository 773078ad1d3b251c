/**
 * @module channels/wechat/wechat-message
 * What kefu reads from a message WeChat posts (接收普通消息 / 接收事件推送): who wrote to which
 * account, when, and either a text, an event, or another kind of message (image, voice, …).
 * Every field that becomes an id is checked here, at the boundary.
 */
import { parseWechatXml, WechatXmlError } from './wechat-xml';

interface Envelope {
  /** The Official Account's id (`ToUserName`, `gh_…`). */
  account: string;
  /** The shopper's OpenID (`FromUserName`). */
  openId: string;
  /** Unix seconds. */
  createTime: number;
}

export type WechatMessage = Envelope &
  (
    | { kind: 'text'; msgId: string; text: string }
    | { kind: 'event'; event: string }
    /** Image, voice without recognition, video, location, link…: not understood. */
    | { kind: 'other'; msgType: string }
  );

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MSG_ID = /^[0-9]{1,24}$/;
const CREATE_TIME = /^[0-9]{1,12}$/;
const WORD = /^[A-Za-z_]{1,32}$/;

function field(fields: Map<string, string>, name: string, pattern: RegExp): string {
  const value = fields.get(name)?.trim();
  if (value === undefined || !pattern.test(value)) throw new WechatXmlError(`<${name}> is missing or malformed`);
  return value;
}

/**
 * Reads a posted message.
 * @throws WechatXmlError when it is not one.
 */
export function parseWechatMessage(source: string): WechatMessage {
  const fields = parseWechatXml(source);
  const envelope: Envelope = {
    account: field(fields, 'ToUserName', USER_ID),
    openId: field(fields, 'FromUserName', USER_ID),
    createTime: Number(field(fields, 'CreateTime', CREATE_TIME)),
  };
  const msgType = field(fields, 'MsgType', WORD).toLowerCase();
  // A voice message carries its transcript when speech recognition is on for the account.
  const recognized = msgType === 'voice' ? fields.get('Recognition')?.trim() : undefined;
  if (msgType === 'text' || recognized) {
    const text = msgType === 'text' ? fields.get('Content') : recognized;
    if (text === undefined) throw new WechatXmlError('<Content> is missing');
    return { ...envelope, kind: 'text', msgId: field(fields, 'MsgId', MSG_ID), text };
  }
  if (msgType === 'event') return { ...envelope, kind: 'event', event: field(fields, 'Event', WORD).toLowerCase() };
  return { ...envelope, kind: 'other', msgType };
}

/**
 * The message's id in kefu: its `MsgId`, or for an event (which has none) the sender and time,
 * as WeChat recommends for recognising retries.
 */
export function wechatMessageId(message: WechatMessage): string {
  return message.kind === 'text' ? message.msgId : `${message.kind}-${message.createTime}`;
}
