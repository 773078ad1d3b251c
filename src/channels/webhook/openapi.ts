/**
 * @module channels/webhook/openapi
 * The OpenAPI 3.1 document of the webhook API, served at `GET /api/v1/openapi.json`. Written by
 * hand to say what the protocol says (`shared/protocol/chat-protocol.md`, "Webhook API"); the
 * webhook test posts its examples to the real endpoint and checks real replies against its
 * schemas, so a drift between this file and the code fails the tests.
 */
import type { KefuConfig } from '../../config';
import { ORDER_STATUSES } from '../../core/shop';
import { MAX_SKEW_SECONDS } from './webhook-signature';
import { MAX_BODY_BYTES } from './webhook-handler';

const ID_PATTERN = '^[A-Za-z0-9._:-]{1,128}$';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, extra: object = {}) => ({ content: { 'application/json': { schema, ...extra } } });
const errorResponse = (description: string, code: string, message: string) => ({
  description,
  ...json(ref('Error'), { example: { error: { code, message } } }),
});

const SIGNING = `Every request is signed with the shop's \`KEFU_WEBHOOK_SECRET\`:

    X-Kefu-Timestamp: <Unix time in seconds>
    X-Kefu-Signature: sha256=<lowercase hex HMAC-SHA256(secret, "<timestamp>.<METHOD>.<path>.<raw body>")>

\`METHOD\` is upper-case (\`POST\`) and \`path\` is the request target exactly as sent in the request line, query string included (\`/api/v1/conversations/line-U4af4980629/messages\`), so a request signed for one thread is refused on any other. The timestamp must be within ${MAX_SKEW_SECONDS} s of the server's clock. A retry may repeat the very same request (same bytes, same signature) while its timestamp is in the window, or be signed anew: either way the message \`id\` makes it safe (see below).

每个请求都用商家的 \`KEFU_WEBHOOK_SECRET\` 签名：\`X-Kefu-Signature\` 为 \`sha256=\` 加上对字符串 \`{时间戳}.{METHOD}.{path}.{原始请求体}\` 计算的 HMAC-SHA256（小写十六进制）；METHOD 为大写（\`POST\`），path 为请求行中原样的路径（含查询字符串），因此为一个会话签名的请求不能发到另一个会话。\`X-Kefu-Timestamp\` 为 Unix 秒，与服务器时间相差不得超过 ${MAX_SKEW_SECONDS} 秒。重试时可以原样重发同一请求（时间窗口内），也可以重新签名；同一消息 \`id\` 只处理一次。`;

const MESSAGES = `Sends one shopper message (or a tap on a suggested action) to the assistant and answers with the assistant's replies once the turn is done.

- \`conversationId\` is the integration's own id for the shopper's thread; kefu stores it as the conversation \`webhook:{conversationId}\` (visible in the staff console), and the replies carry that id.
- The same message \`id\` again — a retry, even the very same bytes and signature inside the timestamp window — is processed once: it answers 200 with the replies stored for the first call (the stored copy, with phone numbers, e-mail and postal addresses redacted), and waits for the first call when that is still running.
- A thread belongs to whoever sent its first message: a shopper signed in with \`customerToken\` (the shop's HS256 token, \`sub\` = customer id), or an anonymous shopper, who must answer the verification question before seeing an order. Any other caller on that thread (no token, another customer's token, a token on an anonymous thread) gets the same 404 as a thread that does not exist; use a new \`conversationId\` when a shopper signs in.
- Agents' messages to a webhook conversation are not pushed anywhere; they are in the conversation's transcript.

发送一条顾客消息（或点击建议操作），本轮处理完成后返回机器人的回复。同一消息 \`id\` 只处理一次：重试（即使是时间窗口内字节与签名完全相同的请求）返回 200 和第一次调用存储的回复；会话归属于第一条消息的发送者（通过 \`customerToken\` 登录的顾客或匿名顾客），其他调用者得到与会话不存在相同的 404。`;

const activityExample = {
  type: 'message',
  id: '9f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  timestamp: '2026-11-22T08:30:01.120Z',
  conversationId: 'webhook:line-U4af4980629',
  from: { id: 'kefu-bot', role: 'bot' },
  replyToId: 'msg-0001',
  locale: 'zh',
  text: '您好！我是商城客服助手，可以帮您查订单、推荐商品、解答常见问题。',
  suggestedActions: { actions: [{ type: 'postBack', title: '查订单', value: 'intent:order.status' }] },
  channelData: { intent: { name: 'greet', score: 0.97 }, handoff: false },
};

/**
 * The document for a server's configuration: the text limit is the one it enforces.
 * @example sendJson(res, 200, webhookOpenApi(ctx.config))
 */
export function webhookOpenApi(config: Pick<KefuConfig, 'maxTextLength'>) {
  const max = config.maxTextLength;
  return {
    openapi: '3.1.0',
    info: {
      title: 'kefu webhook API',
      version: '1.0.0',
      summary: 'Server-to-server messages for any chat integration (a shop app, LINE, WhatsApp gateways).',
      description: SIGNING,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'this kefu server' }],
    security: [{ kefuTimestamp: [], kefuSignature: [] }],
    paths: {
      '/api/v1/conversations/{conversationId}/messages': {
        post: {
          operationId: 'postMessage',
          summary: 'Send a shopper message and get the replies / 发送顾客消息并获取回复',
          description: MESSAGES,
          parameters: [
            {
              name: 'conversationId',
              in: 'path',
              required: true,
              description: "The integration's id for the shopper's thread.",
              schema: { type: 'string', pattern: ID_PATTERN },
              example: 'line-U4af4980629',
            },
          ],
          requestBody: {
            required: true,
            description: `At most ${MAX_BODY_BYTES} bytes of JSON; the signature covers these exact bytes.`,
            content: {
              'application/json': {
                schema: ref('MessageRequest'),
                examples: {
                  text: { summary: 'A text message (zh)', value: { id: 'msg-0001', text: '你好', locale: 'zh' } },
                  textEn: { summary: 'A text message (en)', value: { id: 'msg-0002', text: 'recommend a phone under 3000' } },
                  postback: { summary: 'A tap on a suggested action', value: { id: 'msg-0003', postback: { value: 'intent:order.status' } } },
                },
              },
            },
          },
          responses: {
            '200': {
              description: "The turn's reply messages (typing indicators and the `turn.end` event are not replies).",
              ...json(ref('MessageResponse'), { example: { conversationId: 'line-U4af4980629', replies: [activityExample] } }),
            },
            '400': errorResponse('The body or the conversation id is malformed; nothing was stored.', 'KEFU_BAD_REQUEST', 'send either text or postback'),
            '401': errorResponse(
              'A signature or timestamp header is missing or wrong (signed for another method, path or body), the timestamp is stale, or the `customerToken` is refused; nothing was stored.',
              'KEFU_AUTH',
              'X-Kefu-Signature does not match the request (timestamp, method, path and body).',
            ),
            '404': errorResponse(
              'The conversation belongs to another shopper (same answer as a conversation that does not exist). Without `KEFU_WEBHOOK_SECRET` configured the whole endpoint answers 404 (plain text).',
              'KEFU_NOT_FOUND',
              'No such conversation.',
            ),
            '413': errorResponse(`The body is larger than ${MAX_BODY_BYTES} bytes.`, 'KEFU_BAD_REQUEST', `The body is larger than ${MAX_BODY_BYTES} bytes.`),
            '429': errorResponse(
              'The conversation is over its rate (`KEFU_LIMIT_MESSAGE_BURST` messages at once, then `KEFU_LIMIT_MESSAGE_PER_SECOND`); nothing was stored. A retry of a message whose turn is done is answered from the store and never refused for the rate.',
              'KEFU_RATE_LIMIT',
              'This conversation is sending messages too fast. Please wait a moment.',
            ),
            '503': errorResponse(
              'The store is unavailable; nothing of the turn was kept. Send the same message id again.',
              'KEFU_UNAVAILABLE',
              'Your message could not be saved. Please try again.',
            ),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          security: [],
          responses: { '200': { description: 'The OpenAPI document.', content: { 'application/json': {} } } },
        },
      },
    },
    components: {
      securitySchemes: {
        kefuTimestamp: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Kefu-Timestamp',
          description: `Unix time in seconds; more than ${MAX_SKEW_SECONDS} s away from the server's clock is refused.`,
        },
        kefuSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Kefu-Signature',
          description:
            '`sha256=` + lowercase hex HMAC-SHA256, keyed with `KEFU_WEBHOOK_SECRET`, of `{X-Kefu-Timestamp}.{METHOD}.{path}.{raw body}` (`path` as in the request line, query string included); compared in constant time.',
        },
      },
      schemas: {
        MessageId: { type: 'string', pattern: ID_PATTERN, description: 'Chosen by the integration; the same id is processed once.' },
        Locale: { type: 'string', enum: ['zh', 'en'] },
        CustomerToken: {
          type: 'string',
          minLength: 1,
          maxLength: 4096,
          description: "HS256 JWT signed with the shop's `KEFU_SHOP_SECRET`, `sub` = the shop's customer id: the shopper is signed in.",
        },
        MessageRequest: { oneOf: [ref('TextMessageRequest'), ref('PostbackMessageRequest')] },
        TextMessageRequest: {
          type: 'object',
          required: ['id', 'text'],
          additionalProperties: false,
          properties: {
            id: ref('MessageId'),
            text: { type: 'string', minLength: 1, maxLength: max, pattern: '\\S', description: `Plain text, 1–${max.toLocaleString('en-US')} characters, not only spaces.` },
            customerToken: ref('CustomerToken'),
            locale: { ...ref('Locale'), description: 'Language of the replies; default: detected from the message.' },
          },
        },
        PostbackMessageRequest: {
          type: 'object',
          required: ['id', 'postback'],
          additionalProperties: false,
          properties: {
            id: ref('MessageId'),
            postback: {
              type: 'object',
              required: ['value'],
              additionalProperties: false,
              properties: {
                value: { type: 'string', minLength: 1, maxLength: 500, description: 'The `value` of the tapped suggested action.' },
                data: { description: 'Any JSON, at most 4 KiB, kept with the message.' },
              },
            },
            customerToken: ref('CustomerToken'),
            locale: ref('Locale'),
          },
        },
        MessageResponse: {
          type: 'object',
          required: ['conversationId', 'replies'],
          properties: {
            conversationId: { type: 'string', pattern: ID_PATTERN, description: 'As in the path.' },
            replies: { type: 'array', items: ref('Activity') },
          },
        },
        Activity: {
          type: 'object',
          description: 'A reply, in the same shape as the socket protocol (a subset of Bot Framework Activities). Text is plain text: render it as text, never as HTML.',
          required: ['type', 'id', 'timestamp', 'conversationId', 'from'],
          properties: {
            type: { type: 'string', enum: ['message', 'typing', 'event'] },
            id: { type: 'string' },
            timestamp: { type: 'string', format: 'date-time' },
            conversationId: { type: 'string', description: '`webhook:{conversationId}`' },
            from: {
              type: 'object',
              required: ['id', 'role'],
              properties: { id: { type: 'string' }, role: { type: 'string', enum: ['user', 'bot', 'agent'] }, name: { type: 'string' } },
            },
            replyToId: { type: 'string', description: 'The id of the message this replies to.' },
            locale: ref('Locale'),
            text: { type: 'string' },
            attachments: { type: 'array', items: ref('Attachment') },
            suggestedActions: {
              type: 'object',
              required: ['actions'],
              properties: { actions: { type: 'array', items: ref('SuggestedAction') } },
            },
            channelData: ref('ChannelData'),
          },
        },
        SuggestedAction: {
          type: 'object',
          required: ['type', 'title', 'value'],
          description: 'Send `value` back as `postback.value` when the shopper picks it.',
          properties: { type: { type: 'string', enum: ['postBack', 'imBack', 'openUrl'] }, title: { type: 'string' }, value: { type: 'string' } },
        },
        ChannelData: {
          type: 'object',
          properties: {
            intent: {
              type: 'object',
              required: ['name', 'score'],
              description: 'The intent the turn was handled as (`oos` included).',
              properties: { name: { type: 'string' }, score: { type: 'number' } },
            },
            handoff: { type: 'boolean', description: 'True once the conversation is with staff: while it waits, the bot answers only with the place in the queue (`queue`); while an agent holds it, the bot stays quiet. False on the reply to leaving the queue (`handoff:leave`).' },
            queue: {
              type: 'object',
              description: 'On the reply to a message sent while waiting for staff: the place in the queue, and an estimate in minutes while staff are at work.',
              properties: { position: { type: 'integer' }, estimateMinutes: { type: 'integer' }, staffOnline: { type: 'boolean' } },
            },
            agentPresence: { type: 'string', enum: ['joined', 'left'], description: 'On the message telling the shopper that an agent joined or left the conversation.' },
          },
        },
        Attachment: {
          oneOf: [
            {
              type: 'object',
              required: ['contentType', 'content'],
              properties: { contentType: { const: 'application/vnd.kefu.order+json' }, content: ref('OrderCard') },
            },
            {
              type: 'object',
              required: ['contentType', 'content'],
              properties: { contentType: { const: 'application/vnd.kefu.product+json' }, content: ref('ProductCard') },
            },
            {
              type: 'object',
              required: ['contentType', 'content'],
              properties: { contentType: { const: 'application/vnd.kefu.faq+json' }, content: ref('FaqCard') },
            },
          ],
        },
        OrderCard: {
          type: 'object',
          required: ['orderId', 'status', 'items', 'total', 'currency'],
          properties: {
            orderId: { type: 'string' },
            status: { type: 'string', enum: [...ORDER_STATUSES] },
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['productId', 'title', 'quantity'],
                properties: { productId: { type: 'string' }, title: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } },
              },
            },
            total: { type: 'number' },
            currency: { type: 'string' },
            carrier: { type: 'string' },
            trackingNumber: { type: 'string' },
            estimatedDelivery: { type: 'string' },
            lastEvent: {
              type: 'object',
              required: ['at', 'description'],
              properties: { at: { type: 'string' }, description: { type: 'string' } },
            },
          },
        },
        ProductCard: {
          type: 'object',
          required: ['productId', 'title', 'price', 'currency', 'category'],
          properties: {
            productId: { type: 'string' },
            title: { type: 'string' },
            price: { type: 'number' },
            currency: { type: 'string' },
            category: { type: 'string' },
            brand: { type: 'string' },
            imageUrl: { type: 'string' },
            url: { type: 'string' },
            reason: { type: 'string', description: 'Why it was recommended.' },
            stock: { type: 'integer' },
            inStock: { type: 'boolean' },
            rating: { type: 'number' },
          },
        },
        FaqCard: {
          type: 'object',
          required: ['faqId', 'question', 'answer'],
          properties: { faqId: { type: 'string' }, question: { type: 'string' }, answer: { type: 'string' } },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: ['KEFU_BAD_REQUEST', 'KEFU_AUTH', 'KEFU_NOT_FOUND', 'KEFU_RATE_LIMIT', 'KEFU_UNAVAILABLE', 'KEFU_INTERNAL'] },
                message: { type: 'string' },
              },
            },
          },
        },
      },
    },
  };
}
