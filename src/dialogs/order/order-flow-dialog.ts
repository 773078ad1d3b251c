/**
 * @module dialogs/order/order-flow-dialog
 * Every flow about one order: status, cancel, change address, return, refund. It finds the order
 * (the number given, or a signed-in shopper's latest or picked one), proves the shopper may see
 * it (signed in as its customer, or the verification answer), then acts. It keeps the protocol's
 * "Order privacy" rules: a wrong answer and a non-existent order get the same reply; a signed-in
 * shopper asking about someone else's order gets the "not found" reply. Wrong answers are also
 * counted per order number across conversations (`VerificationLimit`): once an order number is
 * locked, even the right answer gets the wrong answer's reply, with the offer of a person.
 *
 * An anonymous shopper's proof holds for the connection that gave it, until it is idle too long
 * (`verified-orders`, `privacy/order-access`): a flow that waits for a yes or an address asks the
 * question again when the proof lapsed or the conversation was resumed from another connection.
 * Replies that ask the question are marked (`AWAITS_VERIFICATION`) so that the answer is stored
 * masked; a reply that repeats order details in its text alone names the order
 * (`channelData.order`) so that history can hide it from anyone not verified.
 */
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder-core';
import type { Order, OrderStatus } from '../../core/shop';
import { localize } from '../../core/shop';
import type { BotServices } from '../turn/bot-services';
import { postbacks } from '../turn/postback';
import { replyActivity, type ActionSpec } from '../turn/reply';
import { setHandledIntent, turnInfo } from '../turn/turn-info';
import { dateOf, orderCard } from './order-card';
import { orderIdFrom, wantsLatest, yesNoFrom } from './order-text';
import { wordsOf } from '../../domain/keyword-matcher';
import { AWAITS_VERIFICATION } from '../../privacy/redact-activity';
import { answerMatches } from './verification';
import { grantOrder, isVerified, turnSession } from './verified-orders';
import type { VerificationLimit } from './verification-limit';
import { addressFields, extractAddress, fieldOrder } from './shipping-address';

export type OrderAction = 'status' | 'cancel' | 'change_address' | 'return' | 'refund';
export const ORDER_FLOW_DIALOG = 'order.flow';

export const INTENT_OF_ACTION: Record<OrderAction, string> = {
  status: 'order.status',
  cancel: 'order.cancel',
  change_address: 'order.change_address',
  return: 'return.request',
  refund: 'refund.status',
};

export interface OrderFlowOptions {
  action: OrderAction;
  orderId?: string;
}

type Step = 'orderId' | 'verify' | 'confirmCancel' | 'address' | 'confirmAddress';

interface OrderFlowState {
  action: OrderAction;
  step: Step;
  orderId?: string;
  newAddress?: string;
  tries: number;
}

/** What kind of answer the flow is waiting for (used to tell answers from interruptions). */
export function expectedAnswer(instance: DialogInstance): Step | undefined {
  return (instance.state as OrderFlowState | undefined)?.step;
}

const MAX_TRIES = 3;
/** Steps that act on an order already shown: the proof must still hold when the answer comes. */
const AFTER_PROOF: readonly Step[] = ['confirmCancel', 'address', 'confirmAddress'];
const CANCELLABLE: OrderStatus[] = ['pending', 'paid'];

export class OrderFlowDialog extends Dialog<OrderFlowOptions> {
  constructor(
    private readonly services: BotServices,
    private readonly limit: VerificationLimit,
  ) {
    super(ORDER_FLOW_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: OrderFlowOptions): Promise<DialogTurnResult> {
    const state: OrderFlowState = { action: options?.action ?? 'status', step: 'orderId', tries: 0 };
    dc.activeDialog!.state = state;
    const info = turnInfo(dc.context);
    if (options?.orderId) return this.withOrderId(dc, state, options.orderId);
    if (info.customerId) {
      const recent = await this.services.orders.listByCustomer(info.customerId, 5);
      if (recent.length === 0) {
        await this.say(dc.context, 'order.noOrders');
        return dc.endDialog();
      }
      if (recent.length === 1 || wantsLatest(info.text, wordsOf(this.services.domain))) return this.withOrderId(dc, state, recent[0].id);
      const actions = recent.map((o) => ({ title: this.orderLabel(o, info.locale), value: postbacks.order(o.id) }));
      await this.say(dc.context, 'order.pickRecent', {}, actions);
      return Dialog.EndOfTurn;
    }
    await this.say(dc.context, 'order.askOrderId');
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as OrderFlowState;
    const info = turnInfo(dc.context);
    setHandledIntent(dc.context, INTENT_OF_ACTION[state.action], 1);
    if (AFTER_PROOF.includes(state.step) && !info.customerId && !(await isVerified(this.services, dc.context, state.orderId!))) {
      return this.askVerification(dc, state, state.orderId!);
    }
    switch (state.step) {
      case 'orderId': {
        const orderId = orderIdFrom(info.text, info.recognition, info.postback, this.services.orderIds);
        if (orderId) return this.withOrderId(dc, state, orderId);
        return this.retry(dc, state, 'order.badOrderId');
      }
      case 'verify':
        return this.checkVerification(dc, state, info.text);
      case 'confirmCancel': {
        const yes = yesNoFrom(info.text, info.postback, wordsOf(this.services.domain));
        if (yes === null) return this.retry(dc, state, 'order.confirmUnclear', this.yesNoActions(info.locale));
        if (!yes) {
          await this.say(dc.context, 'order.cancelAborted', { orderId: state.orderId! });
          return dc.endDialog();
        }
        return this.cancel(dc, state);
      }
      case 'address': {
        // Only the address goes on the label ("改成…", "change it to …" and "谢谢" do not).
        const address = extractAddress(info.text);
        if (address.length < 6) return this.retry(dc, state, 'order.addressTooShort');
        state.newAddress = address;
        state.step = 'confirmAddress';
        state.tries = 0;
        const fields = this.addressReadBack(address, info.locale);
        await this.say(dc.context, 'order.confirmAddress', { address, fields }, this.yesNoActions(info.locale), [], { order: state.orderId! });
        return Dialog.EndOfTurn;
      }
      case 'confirmAddress': {
        const yes = yesNoFrom(info.text, info.postback, wordsOf(this.services.domain));
        if (yes === null) return this.retry(dc, state, 'order.confirmUnclear', this.yesNoActions(info.locale));
        if (!yes) {
          await this.say(dc.context, 'order.addressAborted');
          return dc.endDialog();
        }
        return this.changeAddress(dc, state);
      }
    }
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as OrderFlowState;
    const locale = turnInfo(context).locale;
    const key: Record<Step, string> = {
      orderId: 'order.repromptOrderId',
      verify: 'order.repromptVerification',
      confirmCancel: 'order.repromptConfirm',
      address: 'order.repromptAddress',
      confirmAddress: 'order.repromptConfirm',
    };
    const yesNo = state.step === 'confirmCancel' || state.step === 'confirmAddress';
    const mark = state.step === 'verify' ? AWAITS_VERIFICATION : {};
    await this.say(context, key[state.step], { orderId: state.orderId ?? '' }, yesNo ? this.yesNoActions(locale) : [], [], mark);
  }

  private async withOrderId(dc: DialogContext, state: OrderFlowState, orderId: string): Promise<DialogTurnResult> {
    const info = turnInfo(dc.context);
    state.orderId = orderId;
    state.tries = 0;
    if (info.customerId) {
      const order = await this.services.orders.getOrder(orderId);
      if (!order || order.customerId !== info.customerId) {
        await this.say(dc.context, 'order.notFoundSignedIn', { orderId }, this.handoffActions(info.locale));
        return dc.endDialog();
      }
      return this.act(dc, state, order);
    }
    if (await isVerified(this.services, dc.context, orderId)) {
      const order = await this.services.orders.getOrder(orderId);
      if (order) return this.act(dc, state, order);
    }
    return this.askVerification(dc, state, orderId);
  }

  private async askVerification(dc: DialogContext, state: OrderFlowState, orderId: string): Promise<DialogTurnResult> {
    state.orderId = orderId;
    state.step = 'verify';
    state.tries = 0;
    await this.say(dc.context, 'order.askVerification', { orderId }, [], [], AWAITS_VERIFICATION);
    return Dialog.EndOfTurn;
  }

  private async checkVerification(dc: DialogContext, state: OrderFlowState, answer: string): Promise<DialogTurnResult> {
    // No live connection (a message replayed at start): nobody could hold the proof; ask again.
    if (!turnSession(dc.context)) {
      await this.say(dc.context, 'order.repromptVerification', { orderId: state.orderId! }, [], [], AWAITS_VERIFICATION);
      return Dialog.EndOfTurn;
    }
    // The slot is taken before the answer is looked at; a locked order number is not looked up.
    const { admitted, remaining } = await this.limit.admit(state.orderId!);
    const order = admitted ? await this.services.orders.getOrder(state.orderId!) : null;
    const customer = order ? await this.services.orders.getCustomer(order.customerId) : null;
    if (order && answerMatches(answer, customer)) {
      await this.limit.release(order.id);
      await grantOrder(this.services, dc.context, order.id);
      return this.act(dc, state, order);
    }
    // Same reply whether the order exists or not: its existence stays secret.
    const locale = turnInfo(dc.context).locale;
    state.tries += 1;
    if (state.tries >= MAX_TRIES) {
      await this.say(dc.context, 'order.verifyFailedFinal', {}, this.handoffActions(locale));
      return dc.endDialog();
    }
    // Once the order number has no answers left, a person is the way on.
    await this.say(dc.context, 'order.verifyFailed', { left: MAX_TRIES - state.tries }, remaining === 0 ? this.handoffActions(locale) : [], [], AWAITS_VERIFICATION);
    return Dialog.EndOfTurn;
  }

  private async retry(dc: DialogContext, state: OrderFlowState, key: string, actions: ActionSpec[] = []): Promise<DialogTurnResult> {
    state.tries += 1;
    if (state.tries >= MAX_TRIES) {
      await this.say(dc.context, 'order.giveUp', {}, this.handoffActions(turnInfo(dc.context).locale));
      return dc.endDialog();
    }
    await this.say(dc.context, key, { orderId: state.orderId ?? '' }, actions);
    return Dialog.EndOfTurn;
  }

  private async act(dc: DialogContext, state: OrderFlowState, order: Order): Promise<DialogTurnResult> {
    const { locale } = turnInfo(dc.context);
    const memory = await this.services.memory.get(dc.context, {});
    await this.services.memory.set(dc.context, { ...memory, lastOrderId: order.id });
    const card = orderCard(order, this.services.products, locale, this.services.responses);
    const vars = this.orderVars(order, locale);
    switch (state.action) {
      case 'status': {
        const actions: ActionSpec[] = [];
        if (CANCELLABLE.includes(order.status)) {
          actions.push({ title: this.text(locale, 'order.actionCancel'), value: postbacks.intent('order.cancel', order.id) });
        }
        if (order.status === 'delivered') {
          actions.push({ title: this.text(locale, 'order.actionReturn'), value: postbacks.intent('return.request', order.id) });
        }
        await this.say(dc.context, `order.status_${order.status}`, vars, actions, [card]);
        return dc.endDialog();
      }
      case 'cancel':
        if (CANCELLABLE.includes(order.status)) {
          state.step = 'confirmCancel';
          state.tries = 0;
          await this.say(dc.context, 'order.confirmCancel', vars, this.yesNoActions(locale), [card]);
          return Dialog.EndOfTurn;
        }
        await this.say(dc.context, order.status === 'shipped' || order.status === 'delivered' ? 'order.cannotCancelShipped' : 'order.cannotCancelClosed', vars,
          order.status === 'shipped' || order.status === 'delivered'
            ? [{ title: this.text(locale, 'order.actionReturn'), value: postbacks.intent('return.request', order.id) }]
            : [], [card]);
        return dc.endDialog();
      case 'change_address':
        if (CANCELLABLE.includes(order.status)) {
          state.step = 'address';
          state.tries = 0;
          await this.say(dc.context, 'order.askNewAddress', vars, [], [card]);
          return Dialog.EndOfTurn;
        }
        await this.say(dc.context, 'order.cannotChangeAddress', vars, [], [card]);
        return dc.endDialog();
      case 'return':
        await this.say(dc.context, `order.return_${order.status}`, vars, [], [card]);
        return dc.endDialog();
      case 'refund':
        await this.say(dc.context, `order.refund_${order.status}`, vars, [], [card]);
        return dc.endDialog();
    }
  }

  private async cancel(dc: DialogContext, state: OrderFlowState): Promise<DialogTurnResult> {
    const info = turnInfo(dc.context);
    const updated = await this.services.orders.change({
      orderId: state.orderId!,
      fromStatuses: CANCELLABLE,
      status: 'cancelled',
      action: { kind: 'cancel', actor: info.customerId ?? `shopper:${info.conversation.id}`, conversationId: info.conversation.id },
    });
    const order = updated ?? (await this.services.orders.getOrder(state.orderId!));
    if (!updated || !order) {
      await this.say(dc.context, 'order.cancelRaced', { orderId: state.orderId! });
      return dc.endDialog();
    }
    await this.say(dc.context, 'order.cancelled', this.orderVars(order, info.locale), [], [orderCard(order, this.services.products, info.locale, this.services.responses)]);
    return dc.endDialog();
  }

  private async changeAddress(dc: DialogContext, state: OrderFlowState): Promise<DialogTurnResult> {
    const info = turnInfo(dc.context);
    const updated = await this.services.orders.change({
      orderId: state.orderId!,
      fromStatuses: CANCELLABLE,
      address: state.newAddress!,
      action: { kind: 'change_address', actor: info.customerId ?? `shopper:${info.conversation.id}`, conversationId: info.conversation.id },
    });
    if (!updated) {
      await this.say(dc.context, 'order.addressRaced', { orderId: state.orderId! });
      return dc.endDialog();
    }
    await this.say(dc.context, 'order.addressChanged', this.orderVars(updated, info.locale), [], [orderCard(updated, this.services.products, info.locale, this.services.responses)]);
    return dc.endDialog();
  }

  private orderVars(order: Order, locale: 'zh' | 'en'): Record<string, string> {
    const events = order.shipping?.events ?? [];
    const last = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1);
    return {
      orderId: order.id,
      status: this.text(locale, `order.label_${order.status}`),
      carrier: order.shipping?.carrier ?? '',
      trackingNumber: order.shipping?.trackingNumber ?? '',
      eta: dateOf(order.shipping?.estimatedDelivery),
      lastEvent: last ? localize(last.description, locale) : '',
      address: order.shipping?.address ?? '',
      updated: dateOf(order.updatedAt ?? order.createdAt),
      created: dateOf(order.createdAt),
    };
  }

  /** "城市：上海市；区县：浦东新区；详细地址：世纪大道100号" — the fields that could be told, in order. */
  private addressReadBack(address: string, locale: 'zh' | 'en'): string {
    const fields = addressFields(address);
    return fieldOrder(address)
      .filter((f) => fields[f])
      .map((f) => this.text(locale, 'order.addressField', { field: this.text(locale, `order.addressField_${f}`), value: fields[f]! }))
      .join(this.text(locale, 'order.addressFieldSeparator'));
  }

  private orderLabel(order: Order, locale: 'zh' | 'en'): string {
    const first = this.services.products.get(order.items[0]?.productId);
    const title = localize(first?.title, locale).slice(0, 18);
    return `${order.id} · ${this.text(locale, `order.label_${order.status}`)}${title ? ' · ' + title : ''}`;
  }

  private yesNoActions(locale: 'zh' | 'en'): ActionSpec[] {
    return [
      { title: this.text(locale, 'common.yes'), value: postbacks.yes },
      { title: this.text(locale, 'common.no'), value: postbacks.no },
    ];
  }

  private handoffActions(locale: 'zh' | 'en'): ActionSpec[] {
    return [{ title: this.text(locale, 'common.actionHandoff'), value: postbacks.intent('agent.handoff') }];
  }

  private text(locale: 'zh' | 'en', key: string, vars: Record<string, string | number> = {}): string {
    return this.services.responses.text(locale, key, vars);
  }

  private async say(
    context: TurnContext,
    key: string,
    vars: Record<string, string | number> = {},
    actions: ActionSpec[] = [],
    attachments: { contentType: string; content: object }[] = [],
    channelData?: Record<string, unknown>,
  ): Promise<void> {
    const { locale } = turnInfo(context);
    const activity = replyActivity(this.text(locale, key, vars), locale, { actions, attachments });
    await context.sendActivity(channelData ? { ...activity, channelData } : activity);
  }
}
