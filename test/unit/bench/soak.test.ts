import { parseSoakOptions, rssTrend } from '../../../src/bench/soak';

describe('rssTrend', () => {
  it('should take the slope of the second half only, in MB per minute', () => {
    // Flat at 100 MiB for the first half, then +1 MiB every 30 s.
    const samples = [0, 30, 60, 90, 120, 150, 180, 210].map((t, i) => ({ t, kb: 102400 + (i >= 4 ? (i - 4) * 1024 : 0) }));
    const trend = rssTrend(samples);
    expect(trend.secondHalfMbPerMinute).toBe(2);
    expect(trend).toMatchObject({ samples: 8, firstMb: 100, lastMb: 103, peakMb: 103 });
  });

  it('should call a flat run flat', () => {
    const samples = Array.from({ length: 10 }, (_, i) => ({ t: i * 5, kb: 512000 }));
    expect(rssTrend(samples).secondHalfMbPerMinute).toBe(0);
  });

  it('should not invent a slope from too few samples', () => {
    expect(rssTrend([{ t: 0, kb: 1024 }, { t: 5, kb: 2048 }]).secondHalfMbPerMinute).toBeNull();
    expect(rssTrend([])).toEqual({ samples: 0, firstMb: null, lastMb: null, peakMb: null, secondHalfMbPerMinute: null });
  });
});

describe('parseSoakOptions', () => {
  it('should default to 200 shoppers × 1 message a second × 5 minutes', () => {
    expect(parseSoakOptions([])).toMatchObject({ conversations: 200, minutes: 5, intervalMs: 1000, sampleEverySeconds: 5 });
  });

  it('should shorten and resize from flags and refuse unknown ones', () => {
    expect(parseSoakOptions(['--minutes', '1', '--conversations', '20'])).toMatchObject({ minutes: 1, conversations: 20 });
    expect(() => parseSoakOptions(['--minutes', '0'])).toThrow(/--minutes/);
    expect(() => parseSoakOptions(['--hours', '1'])).toThrow(/unknown option --hours/);
  });
});
