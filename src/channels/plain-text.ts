/**
 * @module channels/plain-text
 * The one place where a rich reply degrades for channels that show only text (WeChat, SMS-like
 * gateways): order, product and FAQ cards become short lines (with a link when the shop has
 * one), suggested actions become a numbered menu the shopper can answer with the number.
 * Dialogs never know which channel they talk to.
 */
import type { ChatActivity, SuggestedAction } from '../core/conversation';
import type { Locale } from '../core/shop';

export interface PlainTextOptions {
  /** The shop's public address; relative product links are made absolute with it. */
  publicUrl?: string;
  /** How many suggested actions become a numbered menu. @default 5 */
  maxActions?: number;
}

const STATUS_WORDS: Record<Locale, Record<string, string>> = {
  zh: { pending: '待付款', paid: '已付款', shipped: '已发货', delivered: '已签收', cancelled: '已取消', returned: '已退货', refunded: '已退款' },
  en: { pending: 'awaiting payment', paid: 'paid', shipped: 'shipped', delivered: 'delivered', cancelled: 'cancelled', returned: 'returned', refunded: 'refunded' },
};

const WORDS = {
  zh: { order: '订单', total: '合计', tracking: '运单', eta: '预计送达', stock: '库存', outOfStock: '缺货', reply: '回复数字即可选择：' },
  en: { order: 'Order', total: 'total', tracking: 'tracking', eta: 'expected', stock: 'in stock', outOfStock: 'out of stock', reply: 'Reply with a number:' },
} as const;

type Content = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function money(amount: unknown, currency: unknown, locale: Locale): string {
  const n = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(n)) return '';
  const cur = str(currency) || 'CNY';
  if (cur === 'CNY') return locale === 'zh' ? `¥${n.toFixed(2)}` : `CNY ${n.toFixed(2)}`;
  return `${cur} ${n.toFixed(2)}`;
}

function link(url: unknown, publicUrl?: string): string {
  const u = str(url);
  if (!u) return '';
  if (/^https?:\/\//i.test(u)) return u;
  if (!publicUrl) return '';
  return `${publicUrl.replace(/\/+$/, '')}/${u.replace(/^\/+/, '')}`;
}

function orderLines(c: Content, locale: Locale): string[] {
  const w = WORDS[locale];
  const sep = locale === 'zh' ? '，' : ', ';
  const status = STATUS_WORDS[locale][str(c.status)] ?? str(c.status);
  const items = Array.isArray(c.items)
    ? (c.items as Content[]).map((i) => `${str(i.title)} ×${str(i.quantity)}`).join(sep)
    : '';
  const head = [`${w.order} ${str(c.orderId)}`, status, items, `${w.total} ${money(c.total, c.currency, locale)}`].filter(Boolean).join(sep);
  const lines = [head];
  if (c.trackingNumber) lines.push(`${w.tracking}: ${[str(c.carrier), str(c.trackingNumber)].filter(Boolean).join(' ')}`);
  if (c.estimatedDelivery) lines.push(`${w.eta}: ${str(c.estimatedDelivery).slice(0, 10)}`);
  return lines;
}

function productLine(c: Content, locale: Locale, options: PlainTextOptions): string {
  const w = WORDS[locale];
  const stock = c.inStock === false ? w.outOfStock : typeof c.stock === 'number' ? `${w.stock} ${c.stock}` : '';
  const parts = [str(c.title), money(c.price, c.currency, locale), stock].filter(Boolean);
  const url = link(c.url, options.publicUrl);
  return `· ${parts.join(' ')}${url ? ` ${url}` : ''}`;
}

function faqLine(c: Content, text: string | undefined): string {
  const answer = str(c.answer);
  // The reply text usually is the answer already; say it once.
  return text && answer && text.includes(answer) ? '' : answer;
}

/** The lines a card becomes. Unknown kinds of cards are left out (their text is in the message). */
export function cardAsText(contentType: string, content: Content, locale: Locale, options: PlainTextOptions = {}, text?: string): string[] {
  if (contentType.endsWith('.order+json')) return orderLines(content, locale);
  if (contentType.endsWith('.product+json')) return [productLine(content, locale, options)];
  if (contentType.endsWith('.faq+json')) return [faqLine(content, text)].filter(Boolean);
  return [];
}

/** Suggested actions as a numbered menu; `actionForNumber` maps the shopper's "2" back. */
export function actionsAsText(actions: readonly SuggestedAction[], locale: Locale, max = 5): string[] {
  const shown = actions.filter((a) => a.type !== 'openUrl').slice(0, max);
  if (shown.length === 0) return [];
  return [WORDS[locale].reply, ...shown.map((a, i) => `${i + 1}. ${a.title}`)];
}

/** The action a shopper chose by answering a numbered menu with its number, if they did. */
export function actionForNumber(actions: readonly SuggestedAction[] | undefined, answer: string, max = 5): SuggestedAction | undefined {
  const m = /^\s*([1-9])\s*$/.exec(answer.normalize('NFKC'));
  if (!m || !actions) return undefined;
  return actions.filter((a) => a.type !== 'openUrl').slice(0, max)[Number(m[1]) - 1];
}

/** A message activity as one plain text: its text, its cards, then its actions. */
export function activityAsPlainText(activity: ChatActivity, options: PlainTextOptions = {}): string {
  const locale: Locale = activity.locale === 'en' ? 'en' : 'zh';
  const blocks: string[] = [];
  if (activity.text) blocks.push(activity.text);
  const cards = (activity.attachments ?? []).flatMap((a) => cardAsText(a.contentType, a.content, locale, options, activity.text));
  if (cards.length) blocks.push(cards.join('\n'));
  const actions = actionsAsText(activity.suggestedActions?.actions ?? [], locale, options.maxActions);
  if (actions.length) blocks.push(actions.join('\n'));
  return blocks.join('\n\n');
}
