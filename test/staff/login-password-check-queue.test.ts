/**
 * Password checks run a few at a time; known logins go first; a full queue refuses at once.
 */
import { PasswordCheckQueue } from '../../src/staff/password-check-queue';

/** A check that finishes when the test says so. */
function gate() {
  let open!: (ok: boolean) => void;
  const done = new Promise<boolean>((resolve) => (open = resolve));
  return { check: () => done, open };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('PasswordCheckQueue', () => {
  it('should run at most `concurrency` checks at once and refuse beyond the waiting room', async () => {
    const queue = new PasswordCheckQueue({ concurrency: 2, maxWaiting: 3 });
    const gates = Array.from({ length: 6 }, gate);
    const started: number[] = [];
    const runs = gates.map((g, i) => queue.run(() => (started.push(i), g.check()), 'other', `10.0.0.${i}`));
    await flush();
    expect(started).toEqual([0, 1]);
    expect(runs.map((r) => r === null)).toEqual([false, false, false, false, false, true]);
    expect(queue.load).toEqual({ running: 2, known: 0, other: 3 });
    gates[0].open(false);
    await flush();
    expect(started).toEqual([0, 1, 2]);
    expect(queue.load).toEqual({ running: 2, known: 0, other: 2 });
    for (const g of gates) g.open(true);
    await Promise.all(runs.filter((r) => r !== null));
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(queue.load).toEqual({ running: 0, known: 0, other: 0 });
  });

  it('should start a known login before others already waiting, even when the others’ lane is full', async () => {
    const queue = new PasswordCheckQueue({ concurrency: 1, maxWaiting: 2 });
    const order: string[] = [];
    const first = gate();
    const running = queue.run(() => (order.push('running'), first.check()), 'other', 'a');
    const waiting = [queue.run(async () => order.push('other-1'), 'other', 'b'), queue.run(async () => order.push('other-2'), 'other', 'c')];
    expect(queue.run(async () => order.push('other-3'), 'other', 'd')).toBeNull();
    const known = queue.run(async () => order.push('known'), 'known', 'e');
    expect(known).not.toBeNull();
    first.open(true);
    await Promise.all([running, known, ...waiting]);
    expect(order).toEqual(['running', 'known', 'other-1', 'other-2']);
  });

  it('should give one client address at most its share of places, running or waiting', async () => {
    const queue = new PasswordCheckQueue({ concurrency: 2, maxWaiting: 8, perClient: 2 });
    const gates = Array.from({ length: 4 }, gate);
    const mine = [queue.run(gates[0].check, 'other', 'flood'), queue.run(gates[1].check, 'other', 'flood')];
    expect(queue.run(gates[2].check, 'other', 'flood')).toBeNull();
    expect(queue.run(gates[2].check, 'known', 'flood')).toBeNull();
    const theirs = queue.run(gates[3].check, 'other', 'someone');
    expect(theirs).not.toBeNull();
    expect(queue.load).toEqual({ running: 2, known: 0, other: 1 });
    gates.forEach((g) => g.open(false));
    await Promise.all([...mine, theirs]);
    // Its places are given back as its checks end.
    const again = queue.run(async () => 'again', 'other', 'flood');
    await expect(again).resolves.toBe('again');
  });

  it('should free the slot when a check throws', async () => {
    const queue = new PasswordCheckQueue({ concurrency: 1, maxWaiting: 1, perClient: 2 });
    const failing = queue.run(async () => {
      throw new Error('store down');
    }, 'other', 'a');
    const next = queue.run(async () => 'ran', 'other', 'a');
    await expect(failing).rejects.toThrow('store down');
    await expect(next).resolves.toBe('ran');
    expect(queue.load).toEqual({ running: 0, known: 0, other: 0 });
  });
});
