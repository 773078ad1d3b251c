/**
 * The limits are configured in one `limits` section from `KEFU_LIMIT_…` (`burst,perMinute`);
 * `KEFU_LIMIT_MESSAGE_BURST`/`KEFU_LIMIT_MESSAGE_PER_SECOND` (formerly `KEFU_RATE_BURST`/
 * `KEFU_RATE_PER_SECOND`, still read) set the message rate per socket.
 */
import { limitsFromEnv, loadConfig } from '../../src/config';
import { setPrintLine } from '../../src/log';

describe('limits configuration', () => {
  it('should take KEFU_LIMIT_MESSAGE_BURST and KEFU_LIMIT_MESSAGE_PER_SECOND as the message rate per socket', () => {
    const { limits } = loadConfig({}, { KEFU_LIMIT_MESSAGE_BURST: '4', KEFU_LIMIT_MESSAGE_PER_SECOND: '2' });
    expect(limits.message.socket).toEqual({ burst: 4, perMinute: 120 });
    expect(limits.message.conversation).toEqual({ burst: 8, perMinute: 240 });
  });

  it('should still read the old KEFU_RATE_BURST and KEFU_RATE_PER_SECOND', () => {
    setPrintLine(() => undefined); // their deprecation warnings are tested in test/unit/config
    try {
      const { limits } = loadConfig({}, { KEFU_RATE_BURST: '4', KEFU_RATE_PER_SECOND: '2' });
      expect(limits.message.socket).toEqual({ burst: 4, perMinute: 120 });
      expect(limits.postback.socket).toEqual({ burst: 4, perMinute: 120 }); // postback defaults to the message rate too
    } finally {
      setPrintLine((line) => process.stderr.write(line + '\n'));
    }
  });

  it('should follow an overridden rateLimit unless limits are given too', () => {
    expect(loadConfig({ rateLimit: { burst: 100, perSecond: 10 } }, {}).limits.message.socket).toEqual({ burst: 100, perMinute: 600 });
    const limits = { ...limitsFromEnv({}), handoffs: { burst: 1, perMinute: 1 } };
    expect(loadConfig({ rateLimit: { burst: 100, perSecond: 10 }, limits }, {}).limits).toBe(limits);
  });

  it('should read KEFU_LIMIT_… as burst,perMinute (a lone number keeps the default refill)', () => {
    const limits = limitsFromEnv({
      KEFU_LIMIT_HISTORY_ADDRESS: '5,30',
      KEFU_LIMIT_HANDOFFS: '3',
      KEFU_LIMIT_FEEDBACK_SOCKET: '0',
      KEFU_LIMIT_TRUST_PROXY: '1',
      KEFU_LIMIT_OPEN_SOCKETS: '50',
    });
    expect(limits.history.address).toEqual({ burst: 5, perMinute: 30 });
    expect(limits.handoffs).toEqual({ burst: 3, perMinute: limitsFromEnv({}).handoffs.perMinute });
    expect(limits.feedback.socket.burst).toBe(0);
    expect(limits.trustProxy).toBe(1);
    expect(limits.openSockets).toBe(50);
  });

  it.each(['fast', '5,', '-1,2', '1.5,2', '1,2,3'])('should refuse KEFU_LIMIT_CONNECTIONS=%s with the variable named', (value) => {
    expect(() => limitsFromEnv({ KEFU_LIMIT_CONNECTIONS: value })).toThrow(/KEFU_LIMIT_CONNECTIONS/);
  });
});
