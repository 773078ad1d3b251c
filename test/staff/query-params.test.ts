/**
 * Console query strings: known keys only, each once, values as literal text.
 */
import { HttpError } from '../../src/http/respond';
import { parseLimit, parseTimeBound, parseTranscriptFilter } from '../../src/staff/query-params';

const q = (s: string) => new URLSearchParams(s);

describe('parseTranscriptFilter', () => {
  it('should read every filter', () => {
    expect(parseTranscriptFilter(q('text=退货&from=2026-11-01&to=2026-11-02&locale=zh&intent=complaint&handoff=true&rating=down&customerId=c1&channel=socketio'))).toEqual({
      text: '退货',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
      locale: 'zh',
      intent: 'complaint',
      handoff: true,
      rating: 'down',
      customerId: 'c1',
      channel: 'socketio',
    });
    expect(parseTranscriptFilter(q('handoff=false&locale='))).toEqual({ handoff: false });
  });

  it('should keep injection payloads as plain text values', () => {
    const filter = parseTranscriptFilter(q(`text=${encodeURIComponent('{"$gt":""}')}&customerId=${encodeURIComponent('{"$ne":null}')}&__proto__=x&intent=%25`));
    expect(filter).toEqual({ text: '{"$gt":""}', customerId: '{"$ne":null}', intent: '%' });
    expect(Object.getPrototypeOf(filter)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('should refuse bad values with 400 naming the key, in en and zh', () => {
    for (const bad of ['locale=fr', 'handoff=yes', 'rating=meh', 'from=yesterday', 'to=2026-13-45', 'from=2026-02-30', 'to=2026-02-29T10:00:00Z', 'text=a&text=b', 'from=2026-11-02&to=2026-11-01', `text=${'x'.repeat(201)}`]) {
      let error: unknown;
      try {
        parseTranscriptFilter(q(bad));
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(400);
      expect((error as HttpError).extra.zh).toEqual(expect.any(String));
    }
  });
});

describe('parseTimeBound', () => {
  it('should take whole days for a date and exact times for ISO times', () => {
    expect(parseTimeBound('2026-11-01', 'from')).toBe('2026-11-01T00:00:00.000Z');
    expect(parseTimeBound('2026-11-01', 'to')).toBe('2026-11-02T00:00:00.000Z');
    expect(parseTimeBound('2026-11-01T08:00:00+08:00', 'to')).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('parseLimit', () => {
  it('should accept 1…max and refuse the rest', () => {
    expect(parseLimit(q(''), 50, 20)).toBe(20);
    expect(parseLimit(q('limit=50'), 50, 20)).toBe(50);
    for (const bad of ['limit=0', 'limit=51', 'limit=1.5', 'limit=-1', 'limit=abc', 'limit=1e1']) expect(() => parseLimit(q(bad), 50, 20)).toThrow(HttpError);
  });
});
