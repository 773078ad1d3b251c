/**
 * @module channels/wechat
 * WeChat Official Account customer messages, GET/POST /channels/wechat (issue 6).
 */
import type { AppContext, Feature } from '../../app-context';

export function attachWechat(_ctx: AppContext): Feature {
  return { routes: [] };
}
