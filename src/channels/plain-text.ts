/**
 * @module channels/plain-text
 * The one place where a rich reply degrades for channels that show only text (WeChat, SMS-like
 * gateways): order, product and FAQ cards become short lines (with a link when the shop has
 * one), suggested actions become a numbered menu the shopper can answer with the number, and
 * an agent's message says who wrote it (these channels show every message as the bot's).
 * Dialogs never know which channel they talk to.
 */
import type { ChatActivity, SuggestedAction } from '../core/conversation';
import type { Locale } from '../core/shop';
import { priceText } from '../dialogs/product-card';
import type { Responses } from '../domain/responses';

export interface PlainTextOptions {
  /** The shop's response texts: the words around card fields, the menu's prompt (`channel.*`). */
  responses: Responses;
  /** The shop's public address; relative product links are made absolute with it. */
  publicUrl?: string;
  /** How many suggested actions become a numbered menu. @default 5 */
  maxActions?: number;
}

type Content = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function money(amount: unknown, currency: unknown, locale: Locale): string {
  const price = typeof amount === 'number' ? amount : Number(amount);
  return Number.isFinite(price) ? priceText({ price, currency: str(currency) || 'CNY' }, locale) : '';
}

function link(url: unknown, publicUrl?: string): string {
  const u = str(url);
  if (!u) return '';
  if (/^https?:\/\//i.test(u)) return u;
  if (!publicUrl) return '';
  return `${publicUrl.replace(/\/+$/, '')}/${u.replace(/^\/+/, '')}`;
}

function orderLines(c: Content, locale: Locale, responses: Responses): string[] {
  const say = (key: string, vars: Record<string, string>) => responses.text(locale, `channel.${key}`, vars);
  const status = str(c.status) && responses.has(`order.label_${str(c.status)}`) ? responses.text(locale, `order.label_${str(c.status)}`) : str(c.status);
  const sep = responses.text(locale, 'channel.listSeparator');
  const items = Array.isArray(c.items) ? (c.items as Content[]).map((i) => `${str(i.title)} ×${str(i.quantity)}`).join(sep) : '';
  const head = [say('orderNumber', { orderId: str(c.orderId) }), status, items, say('orderTotal', { amount: money(c.total, c.currency, locale) })]
    .filter(Boolean)
    .join(sep);
  const lines = [head];
  if (c.trackingNumber) lines.push(say('tracking', { tracking: [str(c.carrier), str(c.trackingNumber)].filter(Boolean).join(' ') }));
  if (c.estimatedDelivery) lines.push(say('eta', { date: str(c.estimatedDelivery).slice(0, 10) }));
  const last = (c.lastEvent ?? {}) as Content;
  if (str(last.description)) lines.push(say('latest', { event: [str(last.at).slice(0, 10), str(last.description)].filter(Boolean).join(' ') }));
  return lines;
}

function productLine(c: Content, locale: Locale, options: PlainTextOptions): string {
  const { responses } = options;
  const price = money(c.price, c.currency, locale);
  const head = [str(c.title), price, c.inStock === false ? responses.text(locale, 'channel.outOfStock') : ''].filter(Boolean).join(' ');
  // A reason that restates the price ("within budget at ¥1,499") adds nothing to this line.
  const reason = str(c.reason) && !(price && str(c.reason).includes(price)) ? responses.text(locale, 'channel.reason', { reason: str(c.reason) }) : '';
  const url = link(c.url, options.publicUrl);
  return `· ${head}${reason}${url ? ` ${url}` : ''}`;
}

function faqLine(c: Content, text: string | undefined): string {
  const answer = str(c.answer);
  // The reply text usually is the answer already; say it once.
  return text && answer && text.includes(answer) ? '' : answer;
}

/** The lines a card becomes. Unknown kinds of cards are left out (their text is in the message). */
export function cardAsText(contentType: string, content: Content, locale: Locale, options: PlainTextOptions, text?: string): string[] {
  if (contentType.endsWith('.order+json')) return orderLines(content, locale, options.responses);
  if (contentType.endsWith('.product+json')) return [productLine(content, locale, options)];
  if (contentType.endsWith('.faq+json')) return [faqLine(content, text)].filter(Boolean);
  return [];
}

/** The actions a menu shows, in its order: links cannot be chosen by number. */
function shownActions(actions: readonly SuggestedAction[], max = 5): SuggestedAction[] {
  return actions.filter((a) => a.type !== 'openUrl').slice(0, max);
}

/** Suggested actions as a numbered menu; `actionForNumber` maps the shopper's "2" back. */
export function actionsAsText(actions: readonly SuggestedAction[], locale: Locale, options: Pick<PlainTextOptions, 'responses' | 'maxActions'>): string[] {
  const shown = shownActions(actions, options.maxActions);
  if (shown.length === 0) return [];
  return [options.responses.text(locale, 'channel.menuPrompt'), ...shown.map((a, i) => `${i + 1}. ${a.title}`)];
}

/** The action a shopper chose by answering a numbered menu with its number, if they did. */
export function actionForNumber(actions: readonly SuggestedAction[] | undefined, answer: string, max = 5): SuggestedAction | undefined {
  const m = /^\s*([1-9])\s*[.。、]?\s*$/.exec(answer.normalize('NFKC'));
  if (!m || !actions) return undefined;
  return shownActions(actions, max)[Number(m[1]) - 1];
}

/**
 * A message's text as a channel that shows every message as the bot's must send it: an agent's
 * words under a line saying who wrote them ("李娜（人工客服）：" / "Li Na (shop staff):").
 */
export function messageText(activity: ChatActivity, responses: Responses): string {
  const text = activity.text ?? '';
  if (!text || activity.from.role !== 'agent') return text;
  const locale = localeOf(activity);
  const name = typeof activity.from.name === 'string' ? activity.from.name.trim() : '';
  const who = name ? responses.text(locale, 'channel.agentNamed', { name }) : responses.text(locale, 'channel.agentUnnamed');
  return `${who}\n${text}`;
}

/** The text and cards of a message, without its actions. */
function bodyOf(activity: ChatActivity, options: PlainTextOptions): string[] {
  const locale = localeOf(activity);
  const blocks: string[] = [];
  if (activity.text) blocks.push(messageText(activity, options.responses));
  const cards = (activity.attachments ?? []).flatMap((a) => cardAsText(a.contentType, a.content, locale, options, activity.text));
  if (cards.length) blocks.push(cards.join('\n'));
  return blocks;
}

/** A message's language; one that names none is in the default language, Chinese. */
export const localeOf = (activity: ChatActivity): Locale => activity.locale ?? 'zh';

/** A message activity as one plain text: its text, its cards, then its actions. */
export function activityAsPlainText(activity: ChatActivity, options: PlainTextOptions): string {
  return activitiesAsPlainText([activity], options);
}

/**
 * The suggested actions a text-only channel shows for these messages (one turn's replies):
 * those of the last message that has any. Numbers in the menu refer to these.
 */
export function menuOf(activities: readonly ChatActivity[]): { actions: SuggestedAction[]; locale: Locale } | undefined {
  for (let i = activities.length - 1; i >= 0; i--) {
    const a = activities[i];
    const actions = a.suggestedActions?.actions ?? [];
    if (a.type === 'message' && shownActions(actions).length > 0) return { actions, locale: localeOf(a) };
  }
  return undefined;
}

/**
 * Several messages (one turn's replies) as one plain text: each message's text and cards in
 * order, then one numbered menu, from `menuOf`, so that a number always means one action.
 */
export function activitiesAsPlainText(activities: readonly ChatActivity[], options: PlainTextOptions): string {
  const messages = activities.filter((a) => a.type === 'message');
  const blocks = messages.flatMap((a) => bodyOf(a, options));
  const menu = menuOf(messages);
  const actions = menu ? actionsAsText(menu.actions, menu.locale, options) : [];
  if (actions.length) blocks.push(actions.join('\n'));
  return blocks.join('\n\n');
}
