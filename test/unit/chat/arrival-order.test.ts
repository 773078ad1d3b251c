/**
 * A conversation's messages are stored and run in arrival order, even when storing one takes
 * longer than storing the next (the verification-answer check reads the transcript first): under
 * load the messages with digits used to be stored, and answered, after later messages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChatService } from '../../../src/chat/chat-service';
import type { ChatActivity } from '../../../src/core/conversation';
import { repliesOnly, type TurnRunner } from '../../../src/core/turn-runner';
import { openEmbeddedStores } from '../../../src/storage/embedded';
import type { Stores } from '../../../src/core/stores';

describe('ChatService arrival order', () => {
  let dir: string;
  let stores: Stores;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-arrival-'));
    stores = openEmbeddedStores(dir);
  });
  afterEach(async () => {
    await stores.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['zh', ['我的手机尾号是1234', '好的', '谢谢']],
    ['en', ['the last four are 1234', 'ok', 'thanks']],
  ])('should store and answer %s messages in the order they arrived when the first is slow to store', async (_, texts) => {
    const ran: string[] = [];
    const runner: TurnRunner = {
      async run({ conversation, activity }) {
        ran.push(activity.text ?? '');
        return repliesOnly(conversation, [{ type: 'message', text: `re: ${activity.text}` }]);
      },
    };
    const transcripts = stores.transcripts;
    const append = transcripts.append.bind(transcripts);
    // The first message's store step waits 50 ms, as a transcript read before it would.
    transcripts.append = async (activity: ChatActivity) => {
      if (activity.text === texts[0]) await new Promise((resolve) => setTimeout(resolve, 50));
      return append(activity);
    };
    const chat = new ChatService(stores, runner);
    const { conversation } = await chat.open({ channel: 'socketio', customerId: null, locale: null });
    const submitted = await Promise.all(texts.map((text, i) => chat.submit(conversation, { kind: 'message', clientId: `m${i}`, text }, () => undefined)));
    await Promise.all(submitted.map((s) => s.turn));
    expect(ran).toEqual(texts);
    const stored = (await transcripts.list(conversation.id, {})).filter((a) => a.from.role === 'user').map((a) => a.id);
    expect(stored).toEqual(['m0', 'm1', 'm2']);
  });
});
