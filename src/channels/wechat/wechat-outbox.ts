/**
 * @module channels/wechat/wechat-outbox
 * Messages to a shopper outside the passive reply (a reply that took too long, an agent's
 * message), through the customer-service message API, in order per shopper. Without an app id
 * and secret nothing can be sent: the log says so once.
 */
import { TurnQueue } from '../../core/turn-queue';
import { createLogger } from '../../log';
import type { WechatApi } from './wechat-api';

const log = createLogger('kefu:wechat');

export class WechatOutbox {
  private readonly queue = new TurnQueue();
  private warned = false;

  constructor(private readonly api: WechatApi | undefined) {}

  /** Whether messages can be sent at all (an app id and secret are configured). */
  get canSend(): boolean {
    return this.api !== undefined;
  }

  /** Queues `text` for the shopper `openId`; failures are logged, never thrown. */
  send(openId: string, text: string, what: string): void {
    const api = this.api;
    if (!api) {
      if (!this.warned) {
        this.warned = true;
        log.warn(
          'cannot send %s to a WeChat user: set KEFU_WECHAT_APP_ID and KEFU_WECHAT_APP_SECRET for the customer-service message API ' +
            "(replies that miss the 5-second passive reply and agents' messages need it)",
          what,
        );
      }
      return;
    }
    void this.queue.run(openId, async () => {
      try {
        await api.sendText(openId, text);
      } catch (err) {
        log.warn('could not send %s to a WeChat user: %s', what, err instanceof Error ? err.message : String(err));
      }
    });
  }

  /** Resolves once everything queued was sent (or failed). */
  drain(): Promise<void> {
    return this.queue.drain();
  }
}
