/**
 * The live turn runner: a swap takes effect for the next turn, and a turn already running finishes
 * on the bot it began with (old set or new, never half).
 */
import type { ChatActivity } from '../../../src/core/conversation';
import type { OutgoingActivity, TurnInput, TurnRunner } from '../../../src/core/turn-runner';
import { LiveTurnRunner } from '../../../src/catalogue/live-turn-runner';

/** A bot that answers with its version, twice, with a pause between (a turn awaiting its store). */
function versioned(version: string, pause: Promise<void> = Promise.resolve()): TurnRunner {
  return {
    async run(_input: TurnInput, send: (reply: OutgoingActivity) => Promise<ChatActivity>): Promise<void> {
      await send({ type: 'message', text: `${version}:1` });
      await pause;
      await send({ type: 'message', text: `${version}:2` });
    },
  };
}

const input = {} as TurnInput;

describe('LiveTurnRunner', () => {
  it('should finish a running turn on its bot and start the next on the swapped one', async () => {
    let release!: () => void;
    const live = new LiveTurnRunner(versioned('old', new Promise((r) => (release = r))));
    const first: string[] = [];
    const send = (into: string[]) => async (reply: OutgoingActivity) => (into.push(reply.text!), {} as ChatActivity);
    const running = live.run(input, send(first));
    await Promise.resolve();
    live.swap(versioned('new'));
    const second: string[] = [];
    await live.run(input, send(second));
    release();
    await running;
    expect(first).toEqual(['old:1', 'old:2']);
    expect(second).toEqual(['new:1', 'new:2']);
  });
});
