/**
 * @module channels/wechat/signature-bindings
 * In plain-text mode WeChat's signature covers the token, `timestamp` and `nonce` but not the
 * body, so a signed query read once (from a proxy's access log, say) would sign any message from
 * any OpenID for as long as its timestamp is accepted. Each signature is therefore bound to the
 * first message it carried (sender and message id): WeChat's retries of that message pass, any
 * other message under it is refused. Bindings are remembered as the webhook's replay guard
 * remembers signatures: exactly while the timestamp is accepted, refusing rather than forgetting
 * beyond a hard cap.
 */
import { ReplayGuard, type ReplayGuardOptions } from '../webhook/replay-guard';

export type BindingVerdict = 'ok' | 'reused' | 'full';

export class SignatureBindings {
  /** Signatures seen. */
  private readonly signatures: ReplayGuard;
  /** `signature\nmessage` of the message each signature came with first. */
  private readonly firstMessages: ReplayGuard;

  constructor(options: ReplayGuardOptions = {}) {
    this.signatures = new ReplayGuard(options);
    this.firstMessages = new ReplayGuard(options);
  }

  /**
   * Binds `signature` (valid, signed at `timestampSeconds`) to `message` on first use.
   * @example if (bindings.bind(sig, ts, `${openId}\n${msgId}`) !== 'ok') throw unauthorized();
   */
  bind(signature: string, timestampSeconds: number, message: string): BindingVerdict {
    const seen = this.signatures.check(signature, timestampSeconds);
    if (seen === 'full') return 'full';
    const pair = `${signature}\n${message}`;
    if (seen === 'replay') return this.firstMessages.has(pair) ? 'ok' : 'reused';
    return this.firstMessages.check(pair, timestampSeconds) === 'full' ? 'full' : 'ok';
  }
}
