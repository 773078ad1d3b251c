/**
 * Opening conversations against the real embedded store: a new conversation is stored once, with
 * its first message, however many first messages race; a resumed id must belong to the caller;
 * a channel's own id is never opened by another channel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChatEvents } from '../../../src/chat/chat-events';
import { ConversationOpener } from '../../../src/chat/conversation-opener';
import type { Conversation } from '../../../src/core/conversation';
import type { Stores } from '../../../src/core/stores';
import { openEmbeddedStores } from '../../../src/storage/embedded';

describe('ConversationOpener', () => {
  let dir: string;
  let stores: Stores;
  let events: ChatEvents;
  let announced: Conversation[];
  let opener: ConversationOpener;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-opener-'));
    stores = openEmbeddedStores(dir);
    events = new ChatEvents();
    announced = [];
    events.on('conversation', (c) => announced.push(c));
    opener = new ConversationOpener(stores.conversations, events);
  });
  afterEach(async () => {
    await stores.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['zh', 'en'] as const)('should store a new %s conversation once, when its first messages race, and announce it once', async (locale) => {
    const { conversation, resumed } = await opener.open({ channel: 'socketio', customerId: null, locale });
    expect(resumed).toBe(false);
    expect(opener.isUnsaved(conversation)).toBe(true);
    expect(await stores.conversations.get(conversation.id)).toBeNull();
    await Promise.all([opener.saveIfUnsaved(conversation), opener.saveIfUnsaved(conversation), opener.saveIfUnsaved(conversation)]);
    expect(opener.isUnsaved(conversation)).toBe(false);
    expect(await stores.conversations.get(conversation.id)).toMatchObject({ id: conversation.id, locale, channel: 'socketio' });
    expect(announced.map((c) => c.id)).toEqual([conversation.id]);
    await opener.saveIfUnsaved(conversation);
    expect(announced).toHaveLength(1);
  });

  it('should resume a stored conversation for its owner only', async () => {
    await stores.conversations.create({ id: 'mine', channel: 'socketio', customerId: 'c1', locale: 'zh' });
    const owner = await opener.open({ requestedId: 'mine', channel: 'socketio', customerId: 'c1', locale: null });
    expect([owner.resumed, owner.conversation.id]).toEqual([true, 'mine']);
    const stranger = await opener.open({ requestedId: 'mine', channel: 'socketio', customerId: 'c2', locale: 'en' });
    expect(stranger.resumed).toBe(false);
    expect(stranger.conversation.id).not.toBe('mine');
    const otherChannel = await opener.open({ requestedId: 'mine', channel: 'webhook', customerId: 'c1', locale: null });
    expect(otherChannel.resumed).toBe(false);
  });

  it("should open a channel's own id once, and refuse it to another channel", async () => {
    const first = await opener.openById({ id: 'wechat:o1', channel: 'wechat', customerId: null, locale: 'zh' });
    const again = await opener.openById({ id: 'wechat:o1', channel: 'wechat', customerId: null, locale: 'zh' });
    expect([first.resumed, again.resumed]).toEqual([false, true]);
    expect(announced.map((c) => c.id)).toEqual(['wechat:o1']);
    await expect(opener.openById({ id: 'wechat:o1', channel: 'webhook', customerId: null, locale: 'en' })).rejects.toMatchObject({ code: 'KEFU_NOT_FOUND' });
    await expect(opener.conversation('nope')).rejects.toMatchObject({ code: 'KEFU_NOT_FOUND' });
  });
});
