/**
 * Staff password hashing: scrypt with a salt in a self-describing string, constant-time checks,
 * generated one-time passwords.
 */
import { generatePassword, hashPassword, verifyAgainstDummy, verifyPassword } from '../../src/staff/password-hash';

describe('hashPassword', () => {
  it('should store scrypt$N$r$p$salt$hash with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
  });

  it('should verify the right password and refuse a wrong one, in zh and en', async () => {
    for (const pw of ['correct horse battery', '客服密码很长很安全的一句话']) {
      const stored = await hashPassword(pw);
      await expect(verifyPassword(pw, stored)).resolves.toBe(true);
      await expect(verifyPassword(pw + 'x', stored)).resolves.toBe(false);
      await expect(verifyPassword(pw.slice(1), stored)).resolves.toBe(false);
    }
  });

  it('should refuse malformed or out-of-bounds hashes instead of throwing', async () => {
    const stored = await hashPassword('pw-pw-pw-pw-pw');
    const [, , r, p, salt, key] = stored.split('$');
    for (const bad of ['', 'plain', `bcrypt$32768$${r}$${p}$${salt}$${key}`, `scrypt$1000$${r}$${p}$${salt}$${key}`, `scrypt$${2 ** 24}$${r}$${p}$${salt}$${key}`, `scrypt$32768$${r}$${p}$$${key}`]) {
      await expect(verifyPassword('pw-pw-pw-pw-pw', bad)).resolves.toBe(false);
    }
  });

  it('should spend a real check on an unknown name and answer false', async () => {
    await verifyAgainstDummy('warm-up');
    const started = Date.now();
    await expect(verifyAgainstDummy('anything')).resolves.toBe(false);
    const dummyMs = Date.now() - started;
    const stored = await hashPassword('x'.repeat(14));
    const t = Date.now();
    await verifyPassword('y'.repeat(14), stored);
    const realMs = Date.now() - t;
    // Same scrypt cost: within a factor of three of each other on a busy machine.
    expect(dummyMs).toBeGreaterThan(realMs / 3);
    expect(dummyMs).toBeLessThan(realMs * 3 + 50);
  });
});

describe('generatePassword', () => {
  it('should give at least 16 unambiguous random characters, different every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const pw = generatePassword();
      expect(pw.length).toBeGreaterThanOrEqual(16);
      expect(pw).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
      seen.add(pw);
    }
    expect(seen.size).toBe(200);
    expect(generatePassword(4).length).toBe(16);
  });
});
