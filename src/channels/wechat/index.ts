/**
 * @module channels/wechat
 * WeChat Official Account customer messages (微信公众号), `GET/POST /channels/wechat` (issue 6).
 * Enabled by `KEFU_WECHAT_TOKEN`; without it the path answers 404. `KEFU_WECHAT_APP_ID` and
 * `KEFU_WECHAT_APP_SECRET` enable the customer-service message API, for replies that miss the
 * 5-second passive reply and for agents' messages. Plain-text mode only: the encrypted mode
 * (安全模式, AES) is not supported.
 */
import type { AppContext, Feature } from '../../app-context';
import { activityAsPlainText } from '../plain-text';
import { shopResponses } from '../shop-responses';
import { WechatApi } from './wechat-api';
import { WechatOutbox } from './wechat-outbox';
import { wechatRoutes } from './wechat-routes';
import { WECHAT_CHANNEL, WechatTurns } from './wechat-turns';

/** WeChat waits 5 s for the passive reply; this leaves room for the network. */
export const DEFAULT_REPLY_TIMEOUT_MS = 4500;

export function attachWechat(ctx: AppContext): Feature {
  const { token, appId, appSecret, apiBase } = ctx.config.wechat;
  if (!token) return { routes: [] };
  const publicUrl = ctx.config.publicUrl;
  const responses = shopResponses(ctx.config);
  const outbox = new WechatOutbox(appId && appSecret ? new WechatApi({ apiBase, appId, appSecret }) : undefined);
  const turns = new WechatTurns({
    chat: ctx.chat,
    transcripts: ctx.stores.transcripts,
    conversations: ctx.stores.conversations,
    replyTimeoutMs: ctx.config.wechat.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS,
    maxTextLength: ctx.config.maxTextLength,
    publicUrl,
    responses,
    sendLater: (openId, text) => outbox.send(openId, text, 'a reply'),
  });
  // Without the API an agent's message cannot reach the shopper: no pusher, so the console is
  // told it was not delivered (it stays in the transcript).
  if (outbox.canSend) {
    ctx.chat.registerPusher(WECHAT_CHANNEL, (activity) => {
      const prefix = `${WECHAT_CHANNEL}:`;
      if (activity.type !== 'message' || !activity.conversationId.startsWith(prefix)) return;
      const text = activityAsPlainText(activity, { publicUrl, responses });
      if (text) outbox.send(activity.conversationId.slice(prefix.length), text, 'a message');
    });
  }
  return {
    routes: wechatRoutes(token, turns),
    close: async () => {
      await turns.drain();
      await outbox.drain();
    },
  };
}
