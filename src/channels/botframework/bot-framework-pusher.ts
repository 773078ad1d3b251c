/**
 * @module channels/botframework/bot-framework-pusher
 * Outside a turn (an agent's message from the staff console), continues the shopper's Bot
 * Framework conversation from the reference stored at their last message.
 */
import type { CloudAdapter } from 'botbuilder';
import type { ChatActivity } from '../../core/conversation';
import type { Responses } from '../../domain/responses';
import { createLogger } from '../../log';
import type { ReferenceStore } from './reference-store';
import { toBotFrameworkActivity } from './to-bot-framework-activity';

const log = createLogger('kefu:botframework:push');

export interface PusherOptions {
  adapter: CloudAdapter;
  references: ReferenceStore;
  /** The bot's app id, '' when authentication is off (development). */
  appId: string;
  /** Makes relative product links and images absolute. */
  publicUrl?: string;
  /** The shop's texts: the words of plain-text cards, who wrote an agent's message. */
  responses: Responses;
}

export class BotFrameworkPusher {
  constructor(private readonly options: PusherOptions) {}

  /** Sends a stored message to the shopper; resolves false when kefu never heard from them here. */
  async push(activity: ChatActivity): Promise<boolean> {
    if (activity.type !== 'message') return false;
    const link = await this.options.references.get(activity.conversationId);
    if (!link) {
      log.warn('no Bot Framework reference for %s: the message stays in the transcript only', activity.conversationId);
      return false;
    }
    const reply = toBotFrameworkActivity(activity, link.reference.channelId ?? '', this.options);
    await this.options.adapter.continueConversationAsync(this.options.appId, link.reference, async (context) => {
      await context.sendActivity(reply.activity);
    });
    return true;
  }
}
