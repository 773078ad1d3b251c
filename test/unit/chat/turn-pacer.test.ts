import { TurnPacer } from '../../../src/chat/turn-pacer';

const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('TurnPacer', () => {
  it('should let only `perTick` turns start per event-loop turn, first come first served, and I/O callbacks run between batches', async () => {
    const pacer = new TurnPacer(2);
    const started: string[] = [];
    const turns = ['a', 'b', 'c', 'd', 'e'].map((name) => pacer.next().then(() => void started.push(name)));
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    // A callback queued now (as socket I/O would be) runs before the next batch is released.
    const between = immediate().then(() => void started.push('io'));
    await Promise.all([...turns, between]);
    expect(started.slice(0, 2)).toEqual(['a', 'b']);
    expect(started.filter((s) => s !== 'io')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(started.indexOf('io')).toBeLessThan(started.indexOf('e'));
  });

  it('should start a turn at once again after an idle event-loop turn', async () => {
    const pacer = new TurnPacer(1);
    await pacer.next();
    await immediate();
    await immediate();
    let started = false;
    void pacer.next().then(() => (started = true));
    await Promise.resolve();
    expect(started).toBe(true);
  });
});
