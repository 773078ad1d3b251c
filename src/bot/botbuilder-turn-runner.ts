/**
 * @module bot/botbuilder-turn-runner
 * The `TurnRunner` port implemented with botbuilder: the protocol activity becomes a Bot
 * Framework Activity, the bot runs through `KefuBotAdapter`, and the turn's result is what the
 * adapter collected plus what the bot noted about the conversation (`turn-outcome`).
 */
import type { Activity, TurnContext } from 'botbuilder-core';
import type { TurnInput, TurnResult, TurnRunner } from '../core/turn-runner';
import type { Responses } from '../domain/responses';
import { KefuBotAdapter } from './kefu-bot-adapter';
import { outcomeOf, setStateRead } from './turn-outcome';
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

  async run(input: TurnInput): Promise<TurnResult> {
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
    const { replies, storeFailures, context } = await this.adapter.processTurn(request, async (turn) => {
      turn.turnState.set(CONVERSATION_KEY, conversation);
      setStateRead(turn, input.state);
      if (input.guards) turn.turnState.set(GUARDS_KEY, input.guards);
      await this.bot.onTurn(turn);
    });
    const { state = {}, ...changed } = outcomeOf(context);
    const after = { ...conversation, ...changed };
    return { replies, conversation: after, handoffChanged: after.handoff !== conversation.handoff, state, storeFailures };
  }
}
