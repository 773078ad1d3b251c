import { TurnQueue } from '../../../src/core/turn-queue';

describe('TurnQueue', () => {
  it('should run the tasks of one key one at a time in order, even when one fails', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
    };
    await Promise.allSettled([queue.run('c', task('a', 30, true)), queue.run('c', task('b', 1)), queue.run('c', task('c', 5))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('should run different keys concurrently', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    const slow = queue.run('x', async () => {
      await new Promise((r) => setTimeout(r, 30));
      log.push('x');
    });
    const fast = queue.run('y', async () => {
      log.push('y');
    });
    await Promise.all([slow, fast]);
    expect(log).toEqual(['y', 'x']);
  });
});
