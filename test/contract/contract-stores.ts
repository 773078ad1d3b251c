/**
 * What every port's contract suite shares: a fresh store per test from the adapter's `open`, and
 * the activities they write.
 */
import type { ChatActivity } from '../../src/core/conversation';
import type { Stores } from '../../src/core/stores';

export type OpenStores = () => Promise<Stores>;

/** A fresh store for each test of the calling `describe`, closed after it. */
export function freshStores(open: OpenStores): () => Stores {
  let stores: Stores;
  beforeEach(async () => {
    stores = await open();
  });
  afterEach(async () => stores.close());
  return () => stores;
}

/** A shopper's message (override anything with `extra`). */
export const activity = (conversationId: string, id: string, extra: Partial<ChatActivity> = {}): ChatActivity => ({
  type: 'message',
  id,
  conversationId,
  timestamp: new Date().toISOString(),
  from: { id: 'u', role: 'user' },
  text: `text of ${id}`,
  ...extra,
});
