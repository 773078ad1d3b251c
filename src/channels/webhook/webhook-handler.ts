/**
 * @module channels/webhook/webhook-handler
 * `POST /api/v1/conversations/:conversationId/messages`. The order of checks is the point:
 * the body is read with a limit (413), its signature (over timestamp, method, path and the raw
 * bytes) and timestamp are checked (401) before anything is parsed (400), signed in (401),
 * answered from the store when it is a retry of a finished turn, rate limited (429) or opened
 * (404); only then is the message stored and its turn run. Every refusal leaves the store untouched.
 *
 * A request is not refused for having been seen before. Until the protocol signed method and
 * path, a signature was accepted once so that a captured request could not be posted to another
 * thread; that is now a signature mismatch. What is left of a replay inside the timestamp window
 * is the very same message to the very same thread, and the message id makes that idempotent:
 * the turn runs once and a retry (or a replay) gets the stored replies of the first call, which
 * is what the protocol asks for an honest retry. A replay can never carry a new message id: the
 * id is inside the signed body, so changing it breaks the signature.
 */
import { verifyCustomerToken } from '../../auth/customer-token';
import type { ChatService } from '../../chat/chat-service';
import type { KefuConfig } from '../../config';
import type { ChatActivity, ConversationStore, TranscriptStore } from '../../core/conversation';
import { AppError, ErrorCodes } from '../../errors';
import { parseJsonObject, readRawBody } from '../../http/body';
import { HttpError, sendJson } from '../../http/respond';
import type { RouteRequest } from '../../http/router';
import { ConversationRateLimits } from './conversation-rate-limits';
import { existingWebhookConversation, openWebhookConversation } from './webhook-conversation';
import { parseWebhookMessage, WEBHOOK_ID_PATTERN } from './webhook-message';
import { verifySignature, type SignedRequest } from './webhook-signature';
import { WebhookTurns } from './webhook-turns';

/** The largest valid body (2,000 characters escaped as `\uXXXX`, a 4 KiB token) fits with room. */
export const MAX_BODY_BYTES = 32 * 1024;

export interface WebhookResponse {
  conversationId: string;
  replies: ChatActivity[];
}

export class WebhookHandler {
  private readonly limits: ConversationRateLimits;
  private readonly turns: WebhookTurns;

  constructor(
    private readonly secret: string,
    private readonly config: KefuConfig,
    private readonly chat: ChatService,
    transcripts: TranscriptStore,
    private readonly conversations: ConversationStore,
  ) {
    this.limits = new ConversationRateLimits(config.rateLimit);
    this.turns = new WebhookTurns(chat, transcripts);
  }

  /** The route handler; errors are thrown and answered by the router as `{error: {code, message}}`. */
  readonly handle = async ({ req, res, params }: RouteRequest): Promise<void> => {
    const raw = await readRawBody(req, MAX_BODY_BYTES);
    const request = { headers: req.headers, method: req.method ?? '', path: req.url ?? '' };
    sendJson(res, 200, await this.receive(request, raw, params.conversationId));
  };

  /**
   * Everything after reading the body: checks in order, then the turn.
   * @param request headers, method and the request target as sent (`req.url`): what is signed besides the body.
   */
  async receive(request: SignedRequest, raw: Buffer, conversationId: string): Promise<WebhookResponse> {
    verifySignature(request, raw, this.secret);
    if (!WEBHOOK_ID_PATTERN.test(conversationId)) {
      throw new HttpError(400, ErrorCodes.badRequest, 'conversationId must be 1–128 characters of letters, digits, ".", "_", ":" or "-"');
    }
    const message = parseWebhookMessage(parseJsonObject(raw), this.config.maxTextLength);
    const customerId = message.customerToken ? verifyCustomerToken(message.customerToken, this.config.shopSecret, { maxLifetimeSeconds: this.config.customerTokenMaxHours * 3600 }).customerId : null;
    // A retry of a message whose turn is done runs nothing: it is answered from the store before
    // the rate limit, so an integration retrying after a timeout is not throttled for it.
    const existing = await existingWebhookConversation(this.conversations, conversationId, customerId);
    const answered = existing && (await this.turns.answered(existing.id, message.inbound.clientId));
    if (answered) return { conversationId, replies: answered };
    if (!this.limits.take(conversationId)) {
      throw new AppError(ErrorCodes.rateLimit, 'This conversation is sending messages too fast. Please wait a moment.');
    }
    const conversation = await openWebhookConversation(this.chat, conversationId, customerId, message.locale ?? null);
    const replies = await this.turns.run(conversation, message.inbound, message.locale);
    // The store failed during the turn: nothing of it was kept, and the same id may be sent again.
    const failed = replies.find((r) => (r.channelData?.error as { code?: string } | undefined)?.code === ErrorCodes.unavailable);
    if (failed) throw new AppError(ErrorCodes.unavailable, failed.text ?? 'The turn could not be saved. Please send the message again.');
    return { conversationId, replies };
  }
}
