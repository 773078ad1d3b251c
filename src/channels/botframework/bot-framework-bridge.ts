/**
 * @module channels/botframework/bot-framework-bridge
 * One bot behind every adapter: the CloudAdapter's turn does not run the bot itself, it hands
 * the shopper's message to kefu's chat pipeline (stored before the turn, idempotent on the
 * activity id, one turn at a time per conversation) and sends the stored replies back through
 * the turn context before the turn ends.
 */
import { ActivityTypes, TurnContext } from 'botbuilder';
import type { ChatService } from '../../chat/chat-service';
import type { ChatActivity } from '../../core/conversation';
import type { Locale } from '../../core/shop';
import type { Responses } from '../../domain/responses';
import { AppError, ErrorCodes } from '../../errors';
import { createLogger } from '../../log';
import { CHANNEL, conversationIdOf, inboundOf, localeOf, type Inbound } from './inbound-activity';
import { noticeText, type NoticeKey } from './notices';
import type { ReferenceStore } from './reference-store';
import { toBotFrameworkActivity } from './to-bot-framework-activity';

const log = createLogger('kefu:botframework');

export interface BridgeOptions {
  chat: ChatService;
  references: ReferenceStore;
  /** Longest shopper message, in characters. */
  maxTextLength: number;
  /** Makes relative product links and images absolute. */
  publicUrl?: string;
  /** The shop's texts: the channel's notices and the words of plain-text cards. */
  responses: Responses;
}

export class BotFrameworkBridge {
  constructor(private readonly options: BridgeOptions) {}

  /**
   * The CloudAdapter's logic. Only `message` activities reach kefu; a `conversationUpdate` (the
   * bot or a member added) gets nothing: kefu greets when the shopper writes, and an install
   * should not open a conversation in the staff console.
   */
  readonly onTurn = async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message) return;
    if (activity.from?.id && activity.from.id === activity.recipient?.id) return;
    const locale = localeOf(activity.locale);
    // Order details must not reach a group: the person who verified is not the only reader.
    if (activity.conversation?.isGroup) return this.notify(context, 'privateOnly', locale);
    const conversationId = conversationIdOf(activity);
    if (!conversationId) return;
    const { chat, references } = this.options;
    const link = await references.get(conversationId);
    const input = this.inputOf(context, link?.menu);
    if (input.kind === 'notice') return this.notify(context, input.notice, locale);
    const { conversation } = await chat.openById({ id: conversationId, channel: CHANNEL, customerId: null, locale });
    // Without the activity id the reference changes only when the shopper's channel does, so
    // it is written then and not on every message (a continued conversation needs no activity id).
    const { activityId: _last, ...reference } = TurnContext.getConversationReference(activity);
    const stored = await references.save(conversationId, { reference, menu: link?.menu }, link);

    const replies: ChatActivity[] = [];
    let typing: Promise<unknown> = Promise.resolve();
    const deliver = (a: ChatActivity): void => {
      if (a.type === 'typing') typing = context.sendActivity({ type: ActivityTypes.Typing }).catch((err) => log.debug('typing failed: %s', err));
      else if (a.type === 'message') replies.push(a);
    };
    let turn: Promise<void>;
    try {
      // No locale hint: the channel's locale is the app's UI language; each message's language decides.
      ({ turn } = await chat.submit(conversation, input.message, deliver));
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCodes.unavailable) return this.notify(context, 'notSaved', locale);
      throw err;
    }
    await turn;
    await typing;
    if (replies.length === 0) return;
    const outgoing = replies.map((r) => toBotFrameworkActivity(r, activity.channelId, this.options));
    await context.sendActivities(outgoing.map((o) => o.activity));
    const menu = outgoing.map((o) => o.numberedMenu).filter(Boolean).at(-1);
    await references.save(conversationId, { reference, menu }, stored);
  };

  private inputOf(context: TurnContext, menu: Parameters<typeof inboundOf>[1]['menu']): Inbound {
    try {
      return inboundOf(context.activity, { maxTextLength: this.options.maxTextLength, menu });
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCodes.badRequest) return { kind: 'notice', notice: 'tooLong' };
      throw err;
    }
  }

  private async notify(context: TurnContext, key: NoticeKey, locale: Locale | null): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.Message, text: noticeText(this.options.responses, key, locale, { max: this.options.maxTextLength }), ...(locale ? { locale } : {}) });
  }
}
