/**
 * @module channels/shop-responses
 * The response texts a messaging channel speaks with (its own notices and the words around a
 * card's fields): the configured shop's `dialogs/` over the built-in ones, as the bot reads them.
 * Read once per configuration, whichever channels are enabled.
 */
import type { KefuConfig } from '../config';
import { Responses } from '../domain/responses';
import { shopContent } from '../shop-folder/shop-content';

const loaded = new WeakMap<object, Responses>();

/** @example const responses = shopResponses(ctx.config); responses.text('zh', 'channel.busy') */
export function shopResponses(config: Pick<KefuConfig, 'shopDir' | 'intentsDir' | 'dialogsDir'>): Responses {
  let responses = loaded.get(config);
  if (!responses) {
    responses = Responses.load(shopContent(config).dialogFiles);
    loaded.set(config, responses);
  }
  return responses;
}
