/**
 * @module channels/wechat/wechat-notices
 * What the WeChat channel itself says (everything else comes from the bot), in both languages.
 */
import type { Locale } from '../../core/shop';

export type WechatNotice = 'busy' | 'unsupported' | 'empty' | 'tooLong' | 'unavailable';

const NOTICES: Record<Locale, Record<WechatNotice, string>> = {
  zh: {
    busy: '正在为您查询，请稍候…',
    unsupported: '抱歉，我目前只能看懂文字消息，请用文字告诉我您需要什么帮助。',
    empty: '请用文字告诉我您需要什么帮助。',
    tooLong: '这条消息太长了，请精简到 {max} 字以内再发一次。',
    unavailable: '抱歉，系统暂时无法处理您的消息，请稍后重新发送。',
  },
  en: {
    busy: 'Looking into it for you, one moment please…',
    unsupported: 'Sorry, I can only read text messages for now. Please type what you need help with.',
    empty: 'Please type what you need help with.',
    tooLong: 'That message is too long. Please keep it under {max} characters and send it again.',
    unavailable: 'Sorry, we could not handle your message just now. Please send it again in a moment.',
  },
};

/** @example wechatNotice('busy', 'zh') // '正在为您查询，请稍候…' */
export function wechatNotice(notice: WechatNotice, locale: Locale, vars: Record<string, string | number> = {}): string {
  return NOTICES[locale][notice].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
