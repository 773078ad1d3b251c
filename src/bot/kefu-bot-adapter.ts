/**
 * @module bot/kefu-bot-adapter
 * A botbuilder `BotAdapter` for kefu's own channels. It runs one turn for one inbound activity
 * and hands every reply to the turn's `send` function (which the chat service provides: store,
 * then deliver on socket.io or any other channel). botbuilder stays behind this file and
 * `botbuilder-turn-runner.ts`.
 */
import {
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder-core';
import type { ChatActivity } from '../core/conversation';
import type { OutgoingActivity } from '../core/turn-runner';
import { builtInResponses } from '../domain/built-in-responses';
import type { Responses } from '../domain/responses';
import { createLogger } from '../log';

const log = createLogger('kefu:adapter');

export type SendFn = (reply: OutgoingActivity) => Promise<ChatActivity>;
const SEND_KEY = Symbol('kefu.send');

/** Maps a botbuilder Activity the bot wrote onto the protocol's JSON shape. */
function toOutgoing(a: Partial<Activity>): OutgoingActivity {
  const type = a.type === 'typing' || a.type === 'event' ? a.type : 'message';
  const out: OutgoingActivity = { type };
  if (a.text !== undefined) out.text = a.text;
  if (a.locale === 'zh' || a.locale === 'en') out.locale = a.locale;
  if (a.name !== undefined) out.name = a.name;
  if (a.attachments?.length) {
    out.attachments = a.attachments.map((att) => ({
      contentType: att.contentType,
      content: att.content as Record<string, unknown>,
    }));
  }
  if (a.suggestedActions?.actions?.length) {
    out.suggestedActions = {
      actions: a.suggestedActions.actions.map((act) => ({
        type: act.type === 'openUrl' ? 'openUrl' : act.type === 'imBack' ? 'imBack' : 'postBack',
        title: act.title ?? String(act.value),
        value: String(act.value),
      })),
    };
  }
  if (a.channelData !== undefined) out.channelData = a.channelData as Record<string, unknown>;
  return out;
}

export class KefuBotAdapter extends BotAdapter {
  /** @param responses the shop's texts: a failed turn says `common.turnFailed` in the shopper's language (English when none is known). */
  constructor(responses: Responses = builtInResponses()) {
    super();
    this.onTurnError = async (context, error) => {
      log.error('unhandled error in turn', error);
      const locale = context.activity.locale === 'zh' ? 'zh' : 'en';
      await context.sendActivity(responses.text(locale, 'common.turnFailed'));
    };
  }

  /** Runs `logic` for one inbound activity; replies go to `send`. */
  async processTurn(activity: Partial<Activity>, send: SendFn, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    context.turnState.set(SEND_KEY, send);
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const send = context.turnState.get(SEND_KEY) as SendFn;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, Number(activity.value) || 0));
        responses.push({ id: '' });
        continue;
      }
      const sent = await send(toOutgoing(activity));
      responses.push({ id: sent.id });
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new Error('kefu channels do not support updating a sent activity');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('kefu channels do not support deleting a sent activity');
  }

  override async continueConversation(
    _reference: Partial<ConversationReference>,
    _logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    throw new Error('proactive messages go through ChatService, not the adapter');
  }
}
