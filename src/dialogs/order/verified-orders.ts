/**
 * @module dialogs/order/verified-orders
 * The order flow's view of `privacy/order-access` within a turn: the turn's connection (session)
 * and clock, and the grants in the conversation's memory. A signed-in shopper never needs one.
 */
import type { TurnContext } from 'botbuilder-core';
import type { BotServices } from '../turn/bot-services';
import { turnInfo } from '../turn/turn-info';
import { sessionOf, touched, verifiedOrders, withGrant } from '../../privacy/order-access';

type Deps = Pick<BotServices, 'memory' | 'verificationIdleMs'>;

/** The connection this turn's message came from (null: none, e.g. a message replayed at start). */
export function turnSession(context: TurnContext): string | null {
  return sessionOf(context.activity.channelData as Record<string, unknown> | undefined, turnInfo(context).conversation.channel);
}

/** Whether this turn's connection is currently verified for `orderId`. */
export async function isVerified(services: Deps, context: TurnContext, orderId: string): Promise<boolean> {
  const memory = await services.memory.get(context, {});
  return verifiedOrders(memory.verified, turnSession(context), Date.now()).includes(orderId);
}

/** Records that this turn's connection answered the verification question for `orderId`. */
export async function grantOrder(services: Deps, context: TurnContext, orderId: string): Promise<void> {
  const session = turnSession(context);
  if (!session) return;
  const memory = await services.memory.get(context, {});
  await services.memory.set(context, { ...memory, verified: withGrant(memory.verified, session, orderId, Date.now(), services.verificationIdleMs) });
}

/**
 * A turn is activity: this connection's grants move on, lapsed ones are forgotten. Called once at
 * the start of every turn; writes only when there are grants.
 */
export async function keepVerification(services: Deps, context: TurnContext): Promise<void> {
  const memory = await services.memory.get(context);
  if (!memory?.verified?.length) return;
  await services.memory.set(context, { ...memory, verified: touched(memory.verified, turnSession(context), Date.now(), services.verificationIdleMs) });
}
