/**
 * @module bot/kefu-bot-adapter
 * A botbuilder `BotAdapter` for kefu's own channels. It runs one turn for one inbound activity
 * and collects what the bot sends, in the protocol's JSON shape; the chat service stores and
 * delivers them once the turn is done. A store failure that ends the turn is recorded on the turn
 * (its own `TurnContext`), not answered: the chat service re-runs the turn (eTag conflict) or asks
 * the shopper to send it again. botbuilder stays behind this file and `botbuilder-turn-runner.ts`.
 */
import { randomUUID } from 'node:crypto';
import {
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder-core';
import type { OutgoingActivity, StoreFailures } from '../core/turn-runner';
import { builtInResponses } from '../domain/built-in-responses';
import type { Responses } from '../domain/responses';
import { createLogger } from '../log';
import { noStoreFailures, storeFailureOf } from '../storage/store-failure';

const log = createLogger('kefu:adapter');

/** What one turn sent and which store failures ended it. */
export interface AdapterTurn {
  replies: OutgoingActivity[];
  storeFailures: StoreFailures;
}

const TURN_KEY = Symbol('kefu.adapterTurn');

/** Maps a botbuilder Activity the bot wrote onto the protocol's JSON shape. */
function toOutgoing(a: Partial<Activity>): OutgoingActivity {
  const type = a.type === 'typing' || a.type === 'event' ? a.type : 'message';
  const out: OutgoingActivity = { type, id: randomUUID() };
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
      const failure = storeFailureOf(error);
      if (failure) {
        log.warn('store %s in a turn of %s: %s', failure, context.activity.conversation?.id, error instanceof Error ? error.message : String(error));
        (context.turnState.get(TURN_KEY) as AdapterTurn).storeFailures[failure] = true;
        return;
      }
      log.error('unhandled error in turn', error);
      const locale = context.activity.locale === 'zh' ? 'zh' : 'en';
      await context.sendActivity(responses.text(locale, 'common.turnFailed'));
    };
  }

  /** Runs `logic` for one inbound activity; resolves with what it sent and the store failures that ended it. */
  async processTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<AdapterTurn & { context: TurnContext }> {
    const context = new TurnContext(this, activity);
    const turn: AdapterTurn = { replies: [], storeFailures: noStoreFailures() };
    context.turnState.set(TURN_KEY, turn);
    await this.runMiddleware(context, logic);
    return { ...turn, context };
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const turn = context.turnState.get(TURN_KEY) as AdapterTurn;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, Number(activity.value) || 0));
        responses.push({ id: '' });
        continue;
      }
      const reply = toOutgoing(activity);
      turn.replies.push(reply);
      responses.push({ id: reply.id! });
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
