/**
 * @module staff/staff-auth
 * Console logins and sessions. A login checks the rate limit, then the password (or a dummy
 * scrypt for an unknown name, so both take as long and get the same 401), and creates a session
 * whose token only the cookie holds; the store keeps its SHA-256.
 */
import type { StaffConfig } from '../config';
import type { StaffAccount, StaffDirectory, StaffSession, StaffSessions } from '../core/staff';
import type { LoginRateLimiter } from './login-rate-limiter';
import { verifyAgainstDummy, verifyPassword } from './password-hash';
import { hashSessionToken, newSessionToken, sessionTokenFrom } from './session-cookie';
import { staffError, wrongLogin } from './staff-error';

/** A logged-in staff member, as a request or a socket knows them. */
export interface StaffPrincipal {
  account: StaffAccount;
  tokenHash: string;
  session: StaffSession;
}

const MAX_NAME = 64;
const MAX_PASSWORD = 256;

export class StaffAuth {
  constructor(
    private readonly stores: { directory: StaffDirectory; sessions: StaffSessions },
    private readonly config: StaffConfig,
    private readonly limiter: LoginRateLimiter,
  ) {}

  get sessionSeconds(): number {
    return this.config.sessionHours * 3600;
  }

  /** The staff member of a `Cookie` header, or null (no cookie, unknown or expired session, deleted account). */
  async fromCookie(cookieHeader: string | undefined): Promise<StaffPrincipal | null> {
    const token = sessionTokenFrom(cookieHeader);
    if (!token) return null;
    const tokenHash = hashSessionToken(token);
    const session = await this.stores.sessions.get(tokenHash, new Date().toISOString());
    if (!session) return null;
    const account = await this.stores.directory.byId(session.staffId);
    return account ? { account, tokenHash, session } : null;
  }

  /**
   * @throws 401 for a wrong password and an unknown name alike, 429 when rate-limited
   */
  async login(name: unknown, password: unknown, ip: string): Promise<{ principal: StaffPrincipal; token: string }> {
    if (typeof name !== 'string' || typeof password !== 'string') {
      throw staffError(400, 'KEFU_BAD_REQUEST', 'name and password must be strings.', '用户名和密码必须是字符串。');
    }
    const key = name.trim().toLowerCase().slice(0, MAX_NAME);
    // Counted from here on: concurrent attempts see this one before its password is checked.
    if (!this.limiter.begin(key, ip)) {
      throw staffError(429, 'KEFU_RATE_LIMIT', 'Too many failed logins. Please wait 15 minutes.', '登录失败次数过多，请 15 分钟后再试。');
    }
    let account: StaffAccount | null;
    let ok: boolean;
    try {
      account = key && password.length <= MAX_PASSWORD ? await this.stores.directory.byName(key) : null;
      ok = account ? await verifyPassword(password, account.passwordHash) : await verifyAgainstDummy(password.slice(0, MAX_PASSWORD));
    } finally {
      this.limiter.end(key, ip);
    }
    if (!account || !ok) {
      this.limiter.fail(key, ip);
      throw wrongLogin();
    }
    this.limiter.succeed(key);
    const { token, tokenHash } = newSessionToken();
    const now = new Date();
    const session: StaffSession = {
      tokenHash,
      staffId: account.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.sessionSeconds * 1000).toISOString(),
    };
    await this.stores.sessions.create(session);
    return { principal: { account, tokenHash, session }, token };
  }

  logout(tokenHash: string): Promise<void> {
    return this.stores.sessions.delete(tokenHash);
  }
}
