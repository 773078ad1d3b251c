/**
 * @module channels/botframework/to-bot-framework-activity
 * A kefu reply as a Bot Framework activity for one channel. Channels that show cards get Hero
 * cards (product: title, price, image, a link; order and FAQ: their short text) and suggested
 * actions as `postBack`s with kefu's values; channels without suggested actions (Teams, Slack)
 * get the actions as card buttons; channels without cards (SMS, e-mail…) get the plain text
 * that `channels/plain-text` decides, with the actions as a numbered menu. An agent's message
 * starts with who wrote it, on every channel. Which channel can show what comes from
 * botbuilder-dialogs' channel table.
 */
import { CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import { supportsCardActions, supportsSuggestedActions } from 'botbuilder-dialogs';
import { ContentTypes } from '../../core/chat-protocol';
import type { ChatActivity, ChatAttachment, SuggestedAction } from '../../core/conversation';
import type { Locale } from '../../core/shop';
import { priceText } from '../../dialogs/product-card';
import { activityAsPlainText, actionsAsText, cardAsText, localeOf, messageText, type PlainTextOptions } from '../plain-text';

export interface BotFrameworkReply {
  activity: Partial<Activity>;
  /** The actions shown as a numbered text menu, so that the shopper's "2" can be mapped back. */
  numberedMenu?: SuggestedAction[];
}

const TEAMS = 'msteams';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Channels fetch images and open links themselves: only absolute http(s) addresses work. */
function absoluteUrl(url: unknown, publicUrl?: string): string | undefined {
  const u = str(url);
  if (!u) return undefined;
  try {
    const resolved = publicUrl ? new URL(u, publicUrl) : new URL(u);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

function productCard(c: Record<string, unknown>, locale: Locale, options: PlainTextOptions): Attachment {
  const price = typeof c.price === 'number' ? priceText({ price: c.price, currency: str(c.currency) || 'CNY' }, locale) : '';
  const subtitle = [price, c.inStock === false ? options.responses.text(locale, 'channel.outOfStock') : ''].filter(Boolean).join(' · ');
  const image = absoluteUrl(c.imageUrl, options.publicUrl);
  const url = absoluteUrl(c.url, options.publicUrl);
  return CardFactory.heroCard(
    str(c.title),
    str(c.reason),
    image ? [{ url: image, alt: str(c.title) }] : [],
    url ? [{ type: 'openUrl', title: options.responses.text(locale, 'channel.viewDetails'), value: url }] : [],
    subtitle ? { subtitle } : {},
  );
}

/** A kefu card as a Hero card; kefu cards of unknown kinds are left out, other attachments pass. */
function cardFor(a: ChatAttachment, activity: ChatActivity, locale: Locale, options: PlainTextOptions): Attachment[] {
  if (a.contentType === ContentTypes.product) return [productCard(a.content, locale, options)];
  if (a.contentType === ContentTypes.order || a.contentType === ContentTypes.faq) {
    const lines = cardAsText(a.contentType, a.content, locale, options, activity.text);
    if (lines.length === 0) return [];
    const title = a.contentType === ContentTypes.faq ? str(a.content.question) : '';
    return [CardFactory.heroCard(title, lines.join('\n\n'))];
  }
  if (a.contentType.startsWith('application/vnd.kefu.')) return [];
  return [{ contentType: a.contentType, content: a.content }];
}

/** A tap that reaches kefu as a postback with the same value; Teams has no postBack, only messageBack. */
function button(action: SuggestedAction, channelId: string): CardAction {
  if (action.type !== 'postBack') return { type: action.type, title: action.title, value: action.value };
  if (channelId === TEAMS) {
    return { type: 'messageBack', title: action.title, displayText: action.title, text: action.value, value: { postback: action.value } };
  }
  return { type: 'postBack', title: action.title, value: action.value };
}

/** The Bot Framework activity for `activity` on `channelId`. */
export function toBotFrameworkActivity(activity: ChatActivity, channelId: string, options: PlainTextOptions): BotFrameworkReply {
  if (activity.type !== 'message') return { activity: { type: activity.type } };
  const locale = localeOf(activity);
  const actions = activity.suggestedActions?.actions ?? [];
  const numbered = actions.some((a) => a.type !== 'openUrl') ? { numberedMenu: actions } : {};
  const base: Partial<Activity> = { type: 'message', ...(activity.locale ? { locale: activity.locale } : {}) };
  // One button is what a product card needs; the table's default asks about 100.
  if (!supportsCardActions(channelId, 1)) {
    return { activity: { ...base, text: activityAsPlainText(activity, options) }, ...numbered };
  }
  const attachments = (activity.attachments ?? []).flatMap((a) => cardFor(a, activity, locale, options));
  // A channel shows every message as the bot's: an agent's says who wrote it.
  let text = messageText(activity, options.responses);
  let menu: BotFrameworkReply['numberedMenu'];
  let suggestedActions: Partial<Activity>['suggestedActions'];
  if (actions.length && supportsSuggestedActions(channelId, actions.length)) {
    suggestedActions = { to: [], actions: actions.map((a) => button(a, channelId)) };
  } else if (actions.length && supportsCardActions(channelId, actions.length)) {
    attachments.push(CardFactory.heroCard('', '', [], actions.map((a) => button(a, channelId))));
  } else if (actions.length) {
    text = [text, actionsAsText(actions, locale, options).join('\n')].filter(Boolean).join('\n\n');
    menu = numbered.numberedMenu;
  }
  return {
    activity: {
      ...base,
      ...(text ? { text } : {}),
      ...(attachments.length ? { attachments, ...(attachments.length > 1 ? { attachmentLayout: 'carousel' } : {}) } : {}),
      ...(suggestedActions ? { suggestedActions } : {}),
    },
    ...(menu ? { numberedMenu: menu } : {}),
  };
}
