/**
 * @module channels/botframework/inbound-activity
 * A Bot Framework Activity as kefu sees it: which kefu conversation it belongs to
 * (`botframework:{channelId}:{from.id}`, one per shopper and channel, as for every channel), and
 * the shopper's message or tapped action. Nothing from the channel is trusted as identity: the
 * display name is ignored and the conversation is anonymous (orders need verification).
 */
import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { parsePostbackValue } from '../../dialogs/turn/postback';
import type { SuggestedAction } from '../../core/conversation';
import { LOCALES, type Locale } from '../../core/shop';
import { parseMessage, parsePostback, type InboundMessage } from '../../chat/inbound';
import { actionForNumber } from '../plain-text';
import { HttpError } from '../../http/respond';
import type { NoticeKey } from './notices';

export const CHANNEL = 'botframework';

/** Ids kefu keeps as they are (readable in the console); anything else is hashed. */
const SAFE_USER_ID = /^[A-Za-z0-9._:@+-]{1,160}$/;
/** The chat protocol's id pattern (idempotency keys). */
const SAFE_ACTIVITY_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const CHANNEL_ID = /^[A-Za-z0-9_-]{1,40}$/;

const hashed = (prefix: string, value: string): string => `${prefix}${createHash('sha256').update(value).digest('hex').slice(0, 40)}`;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Refuses (400) a body that cannot be an activity kefu answers, before botbuilder sees it:
 * botbuilder needs a type, the channel id and where to reply (`serviceUrl`, `conversation.id`).
 */
export function checkActivityShape(body: Record<string, unknown>): void {
  const bad = (message: string): HttpError => new HttpError(400, 'KEFU_BAD_REQUEST', message);
  if (typeof body.type !== 'string' || body.type.length === 0 || body.type.length > 64) throw bad('type must be an activity type.');
  if (typeof body.channelId !== 'string' || !CHANNEL_ID.test(body.channelId)) throw bad('channelId must be a channel id.');
  if (typeof body.serviceUrl !== 'string' || !/^https?:\/\/[^\s]+$/i.test(body.serviceUrl)) throw bad('serviceUrl must be an http(s) URL.');
  if (!isPlainObject(body.conversation) || typeof body.conversation.id !== 'string' || body.conversation.id.length === 0) {
    throw bad('conversation.id must be a string.');
  }
  if (body.from !== undefined && (!isPlainObject(body.from) || typeof body.from.id !== 'string')) throw bad('from.id must be a string.');
}

/** kefu's conversation for the shopper behind the activity, or null when it names no shopper. */
export function conversationIdOf(activity: Activity): string | null {
  const userId = activity.from?.id;
  if (typeof userId !== 'string' || userId.length === 0) return null;
  return `${CHANNEL}:${activity.channelId}:${SAFE_USER_ID.test(userId) ? userId : hashed('h', userId)}`;
}

/** `zh-CN`, `zh-Hant`… → zh; `en-US`… → en; anything else names no language kefu speaks. */
export function localeOf(tag: unknown): Locale | null {
  if (typeof tag !== 'string') return null;
  const language = tag.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language) ?? null;
}

/** A postback: a value string, `{postback}` (Teams' messageBack), or the text of a hidden postBack. */
function postbackOf(activity: Activity, text: string): string | undefined {
  const { value } = activity;
  if (typeof value === 'string' && value.length > 0) return value;
  if (isPlainObject(value) && typeof value.postback === 'string') return value.postback;
  // Web Chat sends a card's postBack value as hidden text; kefu's values have their own grammar.
  if (text && parsePostbackValue(text) !== null) return text;
  return undefined;
}

export type Inbound = { kind: 'message'; message: InboundMessage } | { kind: 'notice'; notice: NoticeKey };

/**
 * The shopper's input. `menu` is the numbered menu last shown on a text-only channel, so that
 * "2" taps its second action.
 */
export function inboundOf(activity: Activity, options: { maxTextLength: number; menu?: readonly SuggestedAction[] }): Inbound {
  const id = typeof activity.id === 'string' && activity.id ? activity.id : undefined;
  const clientId = id && !SAFE_ACTIVITY_ID.test(id) ? hashed('bf-', id) : id;
  const text = typeof activity.text === 'string' ? activity.text.trim() : '';
  const postback = postbackOf(activity, text);
  if (postback !== undefined) return { kind: 'message', message: parsePostback({ id: clientId, value: postback }) };
  const chosen = text ? actionForNumber(options.menu, text) : undefined;
  if (chosen?.type === 'postBack') return { kind: 'message', message: parsePostback({ id: clientId, value: chosen.value }) };
  const said = chosen?.type === 'imBack' ? chosen.value : text;
  if (!said) return { kind: 'notice', notice: 'textOnly' };
  if ([...said].length > options.maxTextLength) return { kind: 'notice', notice: 'tooLong' };
  return { kind: 'message', message: parseMessage({ id: clientId, text: said }, options.maxTextLength) };
}
