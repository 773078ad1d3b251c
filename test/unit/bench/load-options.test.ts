import { parseLoadOptions } from '../../../src/bench/load/load-options';

describe('parseLoadOptions', () => {
  it('should default to every scenario at the issue sizes, echo and kefu, one worker', () => {
    const o = parseLoadOptions([]);
    expect(o).toMatchObject({ scenarios: ['closed', 'open', 'idle'], conversations: [200, 1000], openConversations: 1000, intervalMs: 2000, idle: 10000, targets: ['echo', 'kefu'], workers: '1', clientProcess: false, pin: false });
    expect(o.out).toMatch(/test[\\/]reports[\\/]bench-load\.md$/);
  });

  it('should read lists, seconds and workers', () => {
    const o = parseLoadOptions(['--scenarios', 'closed,idle', '--conversations', '50,100', '--duration', '2.5', '--warmup', '0', '--workers', 'auto', '--targets', 'kefu']);
    expect(o).toMatchObject({ scenarios: ['closed', 'idle'], conversations: [50, 100], durationMs: 2500, warmupMs: 0, workers: 'auto', targets: ['kefu'] });
    expect(parseLoadOptions(['--workers', '2']).workers).toBe('2');
  });

  it('should run the generator in its own process when pinning', () => {
    expect(parseLoadOptions(['--pin'])).toMatchObject({ pin: true, clientProcess: true });
  });

  it('should refuse unknown options, scenarios and bad numbers', () => {
    expect(() => parseLoadOptions(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseLoadOptions(['--scenarios', 'closed,burst'])).toThrow(/unknown "burst"/);
    expect(() => parseLoadOptions(['--workers', 'many'])).toThrow(/--workers/);
    expect(() => parseLoadOptions(['--duration'])).toThrow(/needs a value/);
    expect(() => parseLoadOptions(['--conversations', '0'])).toThrow(/≥ 1/);
  });
});
