/**
 * @module bot/kefu-bot
 * The turn handler: recognise the message, then continue the flow in progress, answer an
 * interruption and resume the flow, or start what the intent asks for. A conversation handed
 * to staff gets only the waiting reply while queued and no bot replies while an agent holds it
 * (`dialogs/handoff-waiting`).
 */
import { ConversationState, type StatePropertyAccessor, type Storage, type TurnContext } from 'botbuilder-core';
import { DialogSet, type DialogState, type DialogContext } from 'botbuilder-dialogs';
import type { KefuRecognizerResult, Recognizer, SentimentScorer } from '../core/nlu';
import type { Conversation } from '../core/conversation';
import type { Locale } from '../core/shop';
import { recordClarification, takeClarified } from '../dialogs/clarify-intent';
import { answerWhileHandedOff } from '../dialogs/handoff-waiting';
import { routeIntent } from '../dialogs/intent-router';
import { flowIntents } from '../domain/domain-queries';
import { expectedAnswer, INTENT_OF_ACTION, OrderFlowDialog } from '../dialogs/order/order-flow-dialog';
import { orderIdFrom, yesNoFrom } from '../dialogs/order/order-text';
import { looksLikeVerificationAnswer } from '../dialogs/order/verification';
import { VerificationLimit } from '../dialogs/order/verification-limit';
import { keepVerification } from '../dialogs/order/verified-orders';
import { MEMORY_PROPERTY } from '../privacy/order-access';
import { VERIFICATION_ANSWER } from '../privacy/redact-activity';
import { redactEntity } from '../privacy/redact';
import type { BotServices, ConversationMemory } from '../dialogs/turn/bot-services';
import { resolveFollowUp, type FollowUp } from '../dialogs/context/follow-up';
import { wordsOf, type KeywordMatcher } from '../domain/keyword-matcher';
import { namesProduct } from '../dialogs/context/names-product';
import { nextContext, type TurnShown } from '../dialogs/context/recent-context';
import type { ProductConstraints } from '../services/recommender/constraints';
import { parsePostbackValue, type Postback } from '../dialogs/turn/postback';
import { ContentTypes, replyActivity } from '../dialogs/turn/reply';
import { MOOD_PROPERTY, nextEmpathy, noteAnger, sentimentForTranscript, withEmpathy, type ShopperMood } from './shopper-mood';
import { stickyLocale } from './sticky-locale';
import { handledIntent, setHandledIntent, turnInfo } from '../dialogs/turn/turn-info';
import { ANGRY_KEY, CLARIFIED_OFFER_KEY, CLARIFIED_TEXT_KEY, CONVERSATION_KEY, EMPATHY_SHOWN_KEY, FOLLOW_UP_KEY, HANDOFF_KEY, RECOGNITION_KEY, SHOWN_CONSTRAINTS_KEY } from '../dialogs/turn/turn-keys';
import type { TurnHandler } from './botbuilder-turn-runner';
import { TurnHandoffs } from './turn-handoffs';
import { noteOutcome, stateRead } from './turn-outcome';
import { TurnStateStorage } from './turn-state-storage';
import { conversationStateKeys } from '../core/conversation-state-keys';

/** "Never mind" (the domain's `stop` words) in the middle of a flow (not as the answer to a yes/no question) ends it. */
function wantsToStop(words: KeywordMatcher, text: string, step: string | undefined): boolean {
  return step !== 'confirmCancel' && step !== 'confirmAddress' && words.stop(text);
}

/**
 * What the replies' `channelData.entities` record of the recognised entities (for the staff
 * transcript): type, value and offsets into the shopper's original text. Personal values are
 * stored as their mask (`[电话]`/`[phone]`…), so no copy downstream holds them.
 */
function entitiesForTranscript(recognition: KefuRecognizerResult): { type: string; value: unknown; start: number; end: number }[] {
  return recognition.entities.map((e) => redactEntity({ type: e.type, value: e.value, start: e.start, end: e.end }, recognition.locale));
}

/** Sentiment of shopper messages (issue 11). */
export interface BotSentiment {
  /** Scores a message; called once per shopper message, so its model is loaded before the first. */
  analyze: SentimentScorer;
  /** At and above this anger the shopper is angry: empathy first, front of the handoff queue. */
  angerThreshold: number;
}

export interface KefuBotDeps {
  recognizer: Recognizer;
  /** Without it no turn carries a sentiment and nobody reads as angry. */
  sentiment?: BotSentiment;
  storage: Storage;
  services: Omit<BotServices, 'memory'>;
}

export class KefuBot implements TurnHandler {
  private readonly state: ConversationState;
  private readonly dialogs: DialogSet;
  private readonly services: BotServices;
  private readonly mood: StatePropertyAccessor<ShopperMood>;
  /** The handoff queue the dialogs use: it notes which conversations a turn queued or released. */
  private readonly handoffs: TurnHandoffs;
  /** The conversation state's storage: the turn's own state is the one read with the conversation, its write the turn's result. */
  private readonly turnStorage: TurnStateStorage;

  constructor(private readonly deps: KefuBotDeps) {
    this.turnStorage = new TurnStateStorage(deps.storage);
    this.state = new ConversationState(this.turnStorage);
    const memory = this.state.createProperty<ConversationMemory>(MEMORY_PROPERTY);
    this.handoffs = new TurnHandoffs(deps.services.handoffs);
    this.services = { ...deps.services, memory, handoffs: this.handoffs };
    this.mood = this.state.createProperty<ShopperMood>(MOOD_PROPERTY);
    this.dialogs = new DialogSet(this.state.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new OrderFlowDialog(this.services, new VerificationLimit(deps.storage)));
  }

  /**
   * Answers the turn; what it changed (state, language, handoff) is noted for the turn's result,
   * not written here. A turn given no state read with its conversation (botbuilder's
   * `TestAdapter`) reads and writes its state in the store itself.
   */
  async onTurn(context: TurnContext): Promise<void> {
    const conversation = context.turnState.get(CONVERSATION_KEY) as Conversation;
    const [stateKey] = conversationStateKeys(conversation.id, conversation.channel);
    const read = stateRead(context);
    if (read) this.turnStorage.begin(stateKey, read);
    try {
      await this.answer(context, conversation);
    } finally {
      const handoff = this.handoffs.take(conversation.id);
      noteOutcome(context, { ...(read ? { state: this.turnStorage.end(stateKey) } : {}), ...(handoff !== undefined ? { handoff } : {}) });
    }
  }

  private async answer(context: TurnContext, conversation: Conversation): Promise<void> {
    // With staff: queue place and estimate while waiting, silence while an agent holds it.
    if (await answerWhileHandedOff(context, conversation, this.services)) return;
    const postback = parsePostbackValue(typeof context.activity.value === 'string' ? context.activity.value : undefined);
    const recognition = await this.recognize(context, conversation, postback);
    context.turnState.set(RECOGNITION_KEY, recognition);
    const openWithEmpathy = await this.noteMood(context, recognition);
    const sentiment = recognition.sentiment && this.deps.sentiment ? sentimentForTranscript(recognition.sentiment, this.deps.sentiment.angerThreshold) : undefined;
    let first = true;
    // The cards this turn shows, in order: what "the second one" / "cancel it" point at next turn.
    const shown = { productIds: [] as string[], orderIds: [] as string[] };
    if (conversation.locale !== recognition.locale && !context.activity.locale) {
      noteOutcome(context, { locale: recognition.locale });
    }
    context.onSendActivities(async (ctx, activities, next) => {
      const intent = handledIntent(ctx) ?? { name: recognition.topIntent.name, score: recognition.topIntent.score };
      const handoff = ctx.turnState.get(HANDOFF_KEY) === true;
      // A verification answer's digits may read as a price or a quantity: none of it is kept.
      const entities = context.activity.channelData?.[VERIFICATION_ANSWER] === true ? [] : entitiesForTranscript(recognition);
      for (const a of activities) {
        if (a.type !== 'message') continue;
        // An angry shopper's first reply opens with empathy, unless the handler already gave it (a complaint).
        if (first && openWithEmpathy && ctx.turnState.get(EMPATHY_SHOWN_KEY) !== true) {
          a.text = withEmpathy(openWithEmpathy(), a.text, recognition.locale);
        }
        first = false;
        a.channelData = { ...(a.channelData ?? {}), intent, handoff, entities, ...(sentiment ? { sentiment } : {}) };
        for (const card of a.attachments ?? []) {
          const content = card.content as { productId?: string; orderId?: string };
          if (card.contentType === ContentTypes.product && content.productId) shown.productIds.push(content.productId);
          if (card.contentType === ContentTypes.order && content.orderId) shown.orderIds.push(content.orderId);
        }
      }
      return next();
    });
    const dc = await this.dialogs.createContext(context);
    try {
      await keepVerification(this.services, context);
      await this.dispatch(dc, recognition, postback);
      await this.rememberTurn(context, recognition, shown);
    } finally {
      await this.state.saveChanges(context);
    }
  }

  /**
   * Scores the message's sentiment (once per turn, on its text) into `recognition.sentiment`,
   * remembers its anger and sets `ANGRY_KEY` (angry now or in a recent message). Resolves with
   * the way to get this turn's empathy sentence (the next variant, recorded in the mood when
   * taken) when the message itself is angry, else null.
   */
  private async noteMood(context: TurnContext, recognition: KefuRecognizerResult): Promise<(() => string) | null> {
    const scorer = this.deps.sentiment;
    if (!scorer) return null;
    // A recogniser that scored it on its own reading of the text (`NluEngine.scoreSentimentWith`) saves a second one.
    if (recognition.text && !recognition.sentiment) recognition.sentiment = scorer.analyze(recognition.text, recognition.locale);
    const mood = await this.mood.get(context, {});
    context.turnState.set(ANGRY_KEY, noteAnger(mood, recognition.sentiment?.anger, scorer.angerThreshold));
    if (!recognition.sentiment || recognition.sentiment.anger < scorer.angerThreshold) return null;
    const variants = this.services.responses.variants(recognition.locale, 'empathy.opening');
    return () => nextEmpathy(mood, variants);
  }

  /** Keeps this turn's intent, constraints and cards in the conversation's memory for the next one. */
  private async rememberTurn(context: TurnContext, recognition: KefuRecognizerResult, cards: Omit<TurnShown, 'intent'>): Promise<void> {
    const intent = handledIntent(context)?.name ?? recognition.topIntent.name;
    const constraints = context.turnState.get(SHOWN_CONSTRAINTS_KEY) as ProductConstraints | undefined;
    const memory = await this.services.memory.get(context, {});
    memory.recent = nextContext(memory.recent, { intent, ...cards, ...(constraints ? { constraints } : {}) });
    await this.services.memory.set(context, memory);
  }

  /**
   * How a typed message outside a flow reads after the recent turns (`dialogs/context`): the
   * intent to answer it as, and the card or constraints it means, put in the turn state for the
   * handlers (`turnInfo(context).followUp`).
   */
  private async readFollowUp(context: TurnContext, recognition: KefuRecognizerResult): Promise<FollowUp> {
    const { recent } = await this.services.memory.get(context, {});
    const { text } = turnInfo(context);
    const followUp = resolveFollowUp({
      text,
      recognition,
      recent,
      namesProduct: (t) => namesProduct(this.services.matcher, t, recognition.locale),
      words: wordsOf(this.services.domain),
    });
    context.turnState.set(FOLLOW_UP_KEY, followUp);
    return followUp;
  }

  private async dispatch(dc: DialogContext, recognition: KefuRecognizerResult, postback: Postback | null): Promise<void> {
    const top = recognition.topIntent;
    if (postback?.kind === 'refine') {
      await routeIntent(dc, this.services, 'product.recommend', { refinement: postback.how });
      return;
    }
    const offered = dc.context.turnState.get(CLARIFIED_OFFER_KEY) as { name: string; score: number }[] | undefined;
    if (postback?.kind === 'clarify' && offered) {
      // The shopper's pick for the question still open: a training signal for the teach loop.
      const conversationId = dc.context.activity.conversation.id;
      await recordClarification(this.services, { conversationId, activityId: postback.activityId, chosenIntent: top.name, locale: recognition.locale, offered });
    }
    // A "which one?" button: the question asked before, about the card tapped.
    if (postback?.kind === 'product') await this.tappedProduct(dc.context, postback);
    if (dc.activeDialog && postback === null && wantsToStop(wordsOf(this.services.domain), dc.context.activity.text ?? '', expectedAnswer(dc.activeDialog))) {
      await dc.cancelAllDialogs();
      setHandledIntent(dc.context, 'smalltalk.goodbye', 1);
      const locale = recognition.locale;
      await dc.context.sendActivity(replyActivity(this.services.responses.text(locale, 'common.flowStopped'), locale));
      return;
    }
    if (dc.activeDialog) {
      const tappedIntent = postback?.kind === 'intent' || postback?.kind === 'clarify' || postback?.kind === 'product';
      const interruption = tappedIntent || (postback === null && this.isInterruption(dc, recognition));
      if (!interruption) {
        const flowIntent = INTENT_OF_ACTION[(dc.activeDialog.state as { action: keyof typeof INTENT_OF_ACTION }).action];
        setHandledIntent(dc.context, flowIntent, 1);
        await dc.continueDialog();
        return;
      }
      const tapped = postback?.kind === 'intent' ? postback.orderId : undefined;
      if (flowIntents(this.services.domain).has(top.name) || tapped) {
        // "Cancel it" while looking at an order means that order: the new flow keeps it.
        const current = (dc.activeDialog.state as { orderId?: string }).orderId;
        const said = orderIdFrom(turnInfo(dc.context).text, recognition, undefined, this.services.orderIds);
        const orderId = tapped === 'ASK' ? undefined : tapped ?? said ?? current;
        await dc.cancelAllDialogs();
        await routeIntent(dc, this.services, top.name, { score: top.score, orderId });
        return;
      }
      await routeIntent(dc, this.services, top.name, { score: top.score, oneShot: true });
      await dc.repromptDialog();
      return;
    }
    const tapped = postback?.kind === 'intent' ? postback.orderId : undefined;
    // A typed message may lean on the previous turn: "第二个拍照咋样", "cancel it", "华为的呢".
    const followUp = postback === null && recognition.text ? await this.readFollowUp(dc.context, recognition) : undefined;
    const referred = followUp?.reference?.kind === 'order' ? followUp.reference.orderId : undefined;
    const orderId = tapped === 'ASK' ? undefined : tapped ?? referred;
    // Read in context, the message is no close call between two intents: no "this or that?".
    await routeIntent(dc, this.services, followUp?.intent ?? top.name, { score: top.score, orderId, clarify: postback === null && !followUp?.rule });
  }

  /** A tap on a "which one?" button: the turn points at that product card (`turnInfo(context).followUp`). */
  private async tappedProduct(context: TurnContext, postback: Extract<Postback, { kind: 'product' }>): Promise<void> {
    const { recent } = await this.services.memory.get(context, {});
    const position = (recent?.productIds.indexOf(postback.productId) ?? -1) + 1;
    const followUp: FollowUp = { intent: postback.intent, score: 1, rule: 'reference', reference: { kind: 'product', productId: postback.productId, position } };
    context.turnState.set(FOLLOW_UP_KEY, followUp);
  }

  /** Whether a message in the middle of a flow asks something else rather than answering it. */
  private isInterruption(dc: DialogContext, recognition: KefuRecognizerResult): boolean {
    const { text } = turnInfo(dc.context);
    const top = recognition.topIntent;
    const { interrupt, offTopic: offTopicScore, addressInterrupt } = this.services.domain.thresholds;
    const words = wordsOf(this.services.domain);
    const confident = top.name !== 'oos' && top.score >= interrupt;
    // Clearly off-topic ("do you sell coffee") is not an attempt at an order number or a yes/no.
    const offTopic = top.name === 'oos' && top.score >= offTopicScore;
    switch (expectedAnswer(dc.activeDialog!)) {
      case 'orderId':
        return !orderIdFrom(text, recognition, undefined, this.services.orderIds) && (confident || offTopic) && !top.name.startsWith('order.');
      case 'verify':
        return !looksLikeVerificationAnswer(text) && (confident || offTopic || orderIdFrom(text, recognition, undefined, this.services.orderIds) !== undefined);
      case 'confirmCancel':
      case 'confirmAddress':
        return yesNoFrom(text, undefined, words) === null && (confident || offTopic);
      case 'address':
        return confident && top.score >= addressInterrupt && !/\d/.test(text) && top.name !== 'order.change_address';
      default:
        return confident;
    }
  }

  private async recognize(context: TurnContext, conversation: Conversation, postback: Postback | null): Promise<KefuRecognizerResult> {
    const text = context.activity.text ?? '';
    const hinted = (context.activity.locale as Locale | undefined) ?? stickyLocale(text, conversation.locale);
    if (text) return this.deps.recognizer.recognize(text, hinted);
    if (postback?.kind === 'clarify') {
      // A clarifying button: the chosen intent, on the words (and entities) of the message it answers.
      const original = await takeClarified(context, this.services, postback);
      if (original) {
        context.turnState.set(CLARIFIED_TEXT_KEY, original.text);
        context.turnState.set(CLARIFIED_OFFER_KEY, original.choices);
        const recognition = await this.deps.recognizer.recognize(original.text, original.locale);
        return { ...recognition, topIntent: { name: postback.intent, score: 1 } };
      }
    }
    const locale: Locale = hinted ?? conversation.locale ?? 'zh';
    const intent = postback?.kind === 'intent' || postback?.kind === 'clarify' || postback?.kind === 'product' ? postback.intent : postback?.kind === 'refine' ? 'product.recommend' : 'oos';
    const score = postback ? 1 : 0;
    return { text: '', locale, intents: { [intent]: { score } }, entities: [], topIntent: { name: intent, score } };
  }
}

