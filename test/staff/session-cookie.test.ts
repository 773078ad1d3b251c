/**
 * The console session cookie: random token, only its hash stored, strict flags.
 */
import { clearCookieHeader, hashSessionToken, newSessionToken, sessionTokenFrom, setCookieHeader } from '../../src/staff/session-cookie';

describe('session cookie', () => {
  it('should make 32-byte base64url tokens whose SHA-256 is what the store keeps', () => {
    const { token, tokenHash } = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).toBe(tokenHash);
    expect(newSessionToken().token).not.toBe(token);
  });

  it('should find the token among other cookies and ignore malformed ones', () => {
    const { token } = newSessionToken();
    expect(sessionTokenFrom(`a=1; kefu_staff=${token}; b=2`)).toBe(token);
    expect(sessionTokenFrom('kefu_staff={"$gt":""}')).toBeUndefined();
    expect(sessionTokenFrom(`kefu_staff=${token}x`)).toBeUndefined();
    expect(sessionTokenFrom(undefined)).toBeUndefined();
    expect(sessionTokenFrom(`xkefu_staff=${token}`)).toBeUndefined();
  });

  it('should set HttpOnly, SameSite=Strict, Path=/, Max-Age and Secure when asked', () => {
    expect(setCookieHeader('t', { maxAgeSeconds: 3600, secure: false })).toBe('kefu_staff=t; HttpOnly; SameSite=Strict; Path=/; Max-Age=3600');
    expect(setCookieHeader('t', { maxAgeSeconds: 60, secure: true })).toMatch(/; Secure$/);
    expect(clearCookieHeader(false)).toContain('Max-Age=0');
  });
});
