/**
 * @module channels/webhook/webhook-handler
 * `POST /api/v1/conversations/:conversationId/messages`. The order of checks is the point:
 * the body is read with a limit (413), its signature and timestamp are checked on the raw bytes
 * (401) and a replayed signature is refused (401) before anything is parsed (400), rate limited
 * (429), signed in (401) or opened (404); only then is the message stored and its turn run.
 * Every refusal leaves the store untouched.
 */
import { verifyCustomerToken } from '../../auth/customer-token';
import type { ChatService } from '../../chat/chat-service';
import type { KefuConfig } from '../../config';
import type { ChatActivity, TranscriptStore } from '../../core/conversation';
import { AppError, ErrorCodes } from '../../errors';
import { parseJsonObject, readRawBody } from '../../http/body';
import { HttpError, sendJson } from '../../http/respond';
import type { RouteRequest } from '../../http/router';
import { ConversationRateLimits } from './conversation-rate-limits';
import { ReplayGuard } from './replay-guard';
import { openWebhookConversation } from './webhook-conversation';
import { parseWebhookMessage, WEBHOOK_ID_PATTERN } from './webhook-message';
import { MAX_SKEW_SECONDS, verifySignature } from './webhook-signature';
import { WebhookTurns } from './webhook-turns';

/** The largest valid body (2,000 characters escaped as `\uXXXX`, a 4 KiB token) fits with room. */
export const MAX_BODY_BYTES = 32 * 1024;

export interface WebhookResponse {
  conversationId: string;
  replies: ChatActivity[];
}

export class WebhookHandler {
  private readonly replays = new ReplayGuard({ windowSeconds: MAX_SKEW_SECONDS });
  private readonly limits: ConversationRateLimits;
  private readonly turns: WebhookTurns;

  constructor(
    private readonly secret: string,
    private readonly config: KefuConfig,
    private readonly chat: ChatService,
    transcripts: TranscriptStore,
  ) {
    this.limits = new ConversationRateLimits(config.rateLimit);
    this.turns = new WebhookTurns(chat, transcripts);
  }

  /** The route handler; errors are thrown and answered by the router as `{error: {code, message}}`. */
  readonly handle = async ({ req, res, params }: RouteRequest): Promise<void> => {
    sendJson(res, 200, await this.receive(req.headers, await readRawBody(req, MAX_BODY_BYTES), params.conversationId));
  };

  /** Everything after reading the body: checks in order, then the turn. */
  async receive(headers: RouteRequest['req']['headers'], raw: Buffer, conversationId: string): Promise<WebhookResponse> {
    const { signature, timestamp } = verifySignature(headers, raw, this.secret);
    const seen = this.replays.check(signature, timestamp);
    if (seen === 'replay') throw new HttpError(401, ErrorCodes.auth, 'This request was already received; sign each request anew.');
    if (seen === 'full') throw new HttpError(429, ErrorCodes.rateLimit, 'Too many requests in the replay window. Please wait a moment.');
    if (!WEBHOOK_ID_PATTERN.test(conversationId)) {
      throw new HttpError(400, ErrorCodes.badRequest, 'conversationId must be 1–128 characters of letters, digits, ".", "_", ":" or "-"');
    }
    const message = parseWebhookMessage(parseJsonObject(raw), this.config.maxTextLength);
    const customerId = message.customerToken ? verifyCustomerToken(message.customerToken, this.config.shopSecret).customerId : null;
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
