/**
 * The live turn runner: a swap takes effect for the next turn, and a turn already running finishes
 * on the bot it began with (old set or new, never half).
 */
import type { Conversation } from '../../../src/core/conversation';
import { repliesOnly, type TurnInput, type TurnResult, type TurnRunner } from '../../../src/core/turn-runner';
import { LiveTurnRunner } from '../../../src/catalogue/live-turn-runner';

/** A bot that answers with its version, twice, with a pause between (a turn awaiting its store). */
function versioned(version: string, pause: Promise<void> = Promise.resolve()): TurnRunner {
  return {
    async run(input: TurnInput): Promise<TurnResult> {
      const result = repliesOnly(input.conversation, [{ type: 'message', text: `${version}:1` }]);
      await pause;
      result.replies.push({ type: 'message', text: `${version}:2` });
      return result;
    },
  };
}

const input = { conversation: {} as Conversation } as TurnInput;

describe('LiveTurnRunner', () => {
  it('should finish a running turn on its bot and start the next on the swapped one', async () => {
    let release!: () => void;
    const live = new LiveTurnRunner(versioned('old', new Promise((r) => (release = r))));
    const texts = (result: TurnResult): (string | undefined)[] => result.replies.map((r) => r.text);
    const running = live.run(input);
    await Promise.resolve();
    live.swap(versioned('new'));
    const second = await live.run(input);
    release();
    expect(texts(await running)).toEqual(['old:1', 'old:2']);
    expect(texts(second)).toEqual(['new:1', 'new:2']);
  });
});
