/**
 * @module staff/staff-auth
 * Console logins and sessions. A login checks the rate limits (per name and address, see
 * `login-rate-limiter`), waits for a password-check slot (`password-check-queue`; refused at once
 * when the queue is full), checks the password (or a dummy scrypt for an unknown name, so both
 * take as long, queue alike and get the same 401), and creates a session whose token only the
 * cookie holds; the store keeps its SHA-256.
 */
import type { StaffConfig } from '../config';
import type { StaffAccount, StaffDirectory, StaffSession, StaffSessions } from '../core/staff';
import { addressKey } from '../chat/client-address';
import type { HttpError } from '../http/respond';
import type { LoginRateLimiter } from './login-rate-limiter';
import { PasswordCheckQueue } from './password-check-queue';
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

/** How long to wait, in words: seconds under a minute, else whole minutes (rounded up). */
function waitWords(ms: number): { en: string; zh: string } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return { en: `${seconds} second${seconds === 1 ? '' : 's'}`, zh: `${seconds} 秒` };
  const minutes = Math.ceil(seconds / 60);
  return { en: `${minutes} minute${minutes === 1 ? '' : 's'}`, zh: `${minutes} 分钟` };
}

/** 429 with `retryAfterSeconds` (the login route also sends it as `Retry-After`). */
function tooManyLogins(ms: number): HttpError {
  const wait = waitWords(ms);
  return staffError(429, 'KEFU_RATE_LIMIT', `Too many failed logins. Please try again in ${wait.en}.`, `登录失败次数过多，请 ${wait.zh}后再试。`, {
    retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
  });
}

const loginsBusy = (): HttpError =>
  staffError(429, 'KEFU_RATE_LIMIT', 'Too many logins at once. Please try again in a second.', '同时登录的人太多，请 1 秒后再试。', { retryAfterSeconds: 1 });

export class StaffAuth {
  private readonly checks: PasswordCheckQueue;

  constructor(
    private readonly stores: { directory: StaffDirectory; sessions: StaffSessions },
    private readonly config: StaffConfig,
    private readonly limiter: LoginRateLimiter,
  ) {
    this.checks = new PasswordCheckQueue({ concurrency: config.loginConcurrency ?? 2, maxWaiting: config.loginQueue ?? 8 });
  }

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
   * @throws 401 for a wrong password and an unknown name alike, 429 (with `retryAfterSeconds`)
   *   when rate-limited or when too many password checks are already waiting
   */
  async login(name: unknown, password: unknown, ip: string): Promise<{ principal: StaffPrincipal; token: string }> {
    if (typeof name !== 'string' || typeof password !== 'string') {
      throw staffError(400, 'KEFU_BAD_REQUEST', 'name and password must be strings.', '用户名和密码必须是字符串。');
    }
    const key = name.trim().toLowerCase().slice(0, MAX_NAME);
    // Counted from here on: concurrent attempts see this one before its password is checked.
    const wait = this.limiter.begin(key, ip);
    if (wait > 0) throw tooManyLogins(wait);
    let account: StaffAccount | null;
    let ok: boolean;
    try {
      const found = key && password.length <= MAX_PASSWORD ? await this.stores.directory.byName(key) : null;
      account = found;
      const check = found ? () => verifyPassword(password, found.passwordHash) : () => verifyAgainstDummy(password.slice(0, MAX_PASSWORD));
      const checked = this.checks.run(check, this.limiter.isKnown(key, ip) ? 'known' : 'other', addressKey(ip));
      if (!checked) throw loginsBusy(); // not a failure: the password was never checked
      ok = await checked;
    } finally {
      this.limiter.end(key, ip);
    }
    if (!account || !ok) {
      this.limiter.fail(key, ip);
      throw wrongLogin();
    }
    this.limiter.succeed(key, ip);
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
