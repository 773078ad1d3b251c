/**
 * @module bot/botbuilder-turn-runner
 * The `TurnRunner` port implemented with botbuilder: the protocol activity becomes a
 * Bot Framework Activity, the bot runs through `KefuBotAdapter`.
 */
import type { Activity, TurnContext } from 'botbuilder-core';
import type { ChatActivity } from '../core/conversation';
import type { OutgoingActivity, TurnInput, TurnRunner } from '../core/turn-runner';
import type { Responses } from '../domain/responses';
import { KefuBotAdapter } from './kefu-bot-adapter';
import { CONVERSATION_KEY, GUARDS_KEY } from '../dialogs/turn/turn-keys';

export interface TurnHandler {
  onTurn(context: TurnContext): Promise<void>;
}

export class BotbuilderTurnRunner implements TurnRunner {
  private readonly adapter: KefuBotAdapter;

  /** @param responses the shop's texts, for the notice of a turn that failed */
  constructor(private readonly bot: TurnHandler, responses?: Responses) {
    this.adapter = new KefuBotAdapter(responses);
  }

  async run(input: TurnInput, send: (reply: OutgoingActivity) => Promise<ChatActivity>): Promise<void> {
    const { conversation, activity } = input;
    const isPostback = activity.value !== undefined && activity.text === undefined;
    const request: Partial<Activity> = {
      type: 'message',
      id: activity.id,
      timestamp: new Date(activity.timestamp),
      channelId: conversation.channel,
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: activity.from.id, name: '', role: 'user' },
      recipient: { id: 'kefu-bot', name: 'kefu', role: 'bot' },
      text: activity.text,
      value: isPostback ? activity.value : undefined,
      // Only the handshake's locale is a hint; otherwise each message's language decides.
      locale: activity.locale,
      channelData: activity.channelData,
    };
    await this.adapter.processTurn(request, send, async (context) => {
      context.turnState.set(CONVERSATION_KEY, conversation);
      if (input.guards) context.turnState.set(GUARDS_KEY, input.guards);
      await this.bot.onTurn(context);
    });
  }
}
