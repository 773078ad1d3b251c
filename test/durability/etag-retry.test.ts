/**
 * Two servers on one store answer the same conversation at the same moment (the MongoDB
 * deployment with several instances): the dialog-state write that loses the eTag race is not
 * lost and does not overwrite the winner; its turn runs again on the fresh state.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChatService } from '../../src/chat/chat-service';
import type { ChatActivity } from '../../src/core/conversation';
import { conversationStateKeys } from '../../src/core/conversation-state-keys';
import { repliesOnly, type TurnInput, type TurnResult, type TurnRunner } from '../../src/core/turn-runner';
import { openEmbeddedStores } from '../../src/storage/embedded';
import type { Stores } from '../../src/core/stores';

/** A turn like the bot's: the state handed to it, a pause to think, the state it wrote back with the eTag it read. */
class CountingRunner implements TurnRunner {
  runs = 0;
  constructor(private readonly pause: () => Promise<void>) {}

  async run(input: TurnInput): Promise<TurnResult> {
    this.runs++;
    const [key] = conversationStateKeys(input.conversation.id, input.conversation.channel);
    const item = input.state[key] ?? { seen: [] };
    await this.pause();
    const seen = [...(item.seen as string[]), input.activity.text as string];
    const result = repliesOnly(input.conversation, [{ type: 'message', text: `seen: ${seen.join(',')}` }]);
    result.state = { [key]: { ...item, seen } };
    return result;
  }
}

describe('ChatService', () => {
  let stores: Stores;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-etag-'));
    stores = openEmbeddedStores(dir);
  });
  afterEach(async () => {
    await stores.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should run a turn again on fresh state when its dialog-state write loses an eTag race', async () => {
    let releaseA!: () => void;
    const gateA = new Promise<void>((resolve) => (releaseA = resolve));
    let firstA = true;
    const runnerA = new CountingRunner(async () => {
      if (firstA) {
        firstA = false;
        await gateA;
      }
    });
    const runnerB = new CountingRunner(async () => undefined);
    const serverA = new ChatService(stores, runnerA);
    const serverB = new ChatService(stores, runnerB);
    const conversation = await stores.conversations.create({ id: 'race', channel: 'socketio', customerId: null, locale: 'en' });
    // A state never saved is written without an eTag (that overwrites): the race is guarded from
    // the second turn on, once the conversation's state exists.
    await stores.state.write({ 'socketio/conversations/race/': { seen: [] } });

    const deliveredA: ChatActivity[] = [];
    const deliveredB: ChatActivity[] = [];
    const a = await serverA.submit(conversation, { kind: 'message', clientId: 'a', text: 'A' }, (x) => deliveredA.push(x));
    await new Promise((resolve) => setTimeout(resolve, 20)); // A has read the state and waits
    const b = await serverB.submit(conversation, { kind: 'message', clientId: 'b', text: 'B' }, (x) => deliveredB.push(x));
    await b.turn; // B writes first
    releaseA();
    await a.turn; // A's write is stale: conflict, then A runs again

    const key = 'socketio/conversations/race/';
    expect((await stores.state.read([key]))[key].seen).toEqual(['B', 'A']);
    expect(runnerA.runs).toBe(2);
    const textsA = deliveredA.filter((x) => x.type === 'message').map((x) => x.text);
    expect(textsA).toEqual(['seen: B,A']);
    expect(deliveredA.map((x) => x.type)).toEqual(['typing', 'message', 'event']);
    const stored = (await stores.transcripts.list('race')).filter((x) => x.from.role === 'bot').map((x) => x.text);
    expect(stored).toEqual(['seen: B', 'seen: B,A']);
  });

  it('should give up with KEFU_UNAVAILABLE after repeated conflicts, storing no reply', async () => {
    // Every write conflicts: another writer bumps the state between our read and write.
    const runner = new CountingRunner(async () => {
      await stores.state.write({ 'socketio/conversations/busy/': { seen: ['other'], eTag: '*' } });
    });
    const server = new ChatService(stores, runner);
    const conversation = await stores.conversations.create({ id: 'busy', channel: 'socketio', customerId: null, locale: 'zh' });
    await stores.state.write({ 'socketio/conversations/busy/': { seen: [] } });
    const delivered: ChatActivity[] = [];
    const { turn } = await server.submit(conversation, { kind: 'message', clientId: 'x', text: 'X' }, (a) => delivered.push(a));
    await turn;
    expect(runner.runs).toBe(3);
    const [notice] = delivered.filter((a) => a.type === 'message');
    expect(notice.channelData).toEqual({ error: expect.objectContaining({ code: 'KEFU_UNAVAILABLE' }) });
    expect(notice.text).toMatch(/稍后/);
    expect((await stores.transcripts.list('busy')).map((a) => a.id)).toEqual(['x']);
  });
});
