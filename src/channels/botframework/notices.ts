/**
 * @module channels/botframework/notices
 * What the channel itself says when a message does not reach the bot: zh and en, or both when
 * the activity names no language. These are not stored (no turn ran).
 */
import type { Locale } from '../../core/shop';

export type NoticeKey = 'textOnly' | 'tooLong' | 'privateOnly' | 'notSaved';

const NOTICES: Record<NoticeKey, Record<Locale, string>> = {
  textOnly: {
    zh: '抱歉，我目前只能阅读文字消息，请用文字描述您的问题。',
    en: 'Sorry, I can only read text messages. Please type your question.',
  },
  tooLong: {
    zh: '这条消息太长了，请分几次发送。',
    en: 'That message is too long. Please send it in shorter parts.',
  },
  privateOnly: {
    zh: '为保护您的订单信息，我只在私聊中提供服务，请直接给我发消息。',
    en: 'To keep your order details private, I only help in one-to-one chats. Please message me directly.',
  },
  notSaved: {
    zh: '抱歉，这条消息暂时未能保存，请稍后再发一次。',
    en: 'Sorry, this message could not be saved just now. Please send it again in a moment.',
  },
};

/** The notice in the shopper's language, or in both when it is not known. */
export function noticeText(key: NoticeKey, locale: Locale | null): string {
  const texts = NOTICES[key];
  return locale ? texts[locale] : `${texts.zh} ${texts.en}`;
}
