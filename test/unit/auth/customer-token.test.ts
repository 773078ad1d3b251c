import { createHmac } from 'node:crypto';
import { signCustomerToken, verifyCustomerToken } from '../../../src/auth/customer-token';

const SECRET = 'unit-secret';
const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);
const nowSeconds = NOW / 1000;

const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const sign = (header: string, payload: string, secret = SECRET): string => createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
/** A token with exactly this header and payload, correctly signed. */
function mint(payload: unknown, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const h = b64(header);
  const p = b64(payload);
  return `${h}.${p}.${sign(h, p)}`;
}
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const verify = (token: unknown, maxLifetimeSeconds?: number) => verifyCustomerToken(token, SECRET, { now: NOW, maxLifetimeSeconds });

describe('verifyCustomerToken', () => {
  it('should accept a token signed with the shop secret', () => {
    expect(verifyCustomerToken(signCustomerToken('C001', SECRET), SECRET)).toEqual({ customerId: 'C001' });
    expect(verify(mint({ sub: 'C002', exp: nowSeconds + 600 }, { alg: 'HS256' }))).toEqual({ customerId: 'C002' });
  });

  it('should refuse tokens when no secret is configured', () => {
    expect(() => verifyCustomerToken(signCustomerToken('C001', SECRET), undefined)).toThrow(/does not accept/);
  });

  it('should refuse a wrong signature, an expired token, alg none and HS512', () => {
    expect(() => verifyCustomerToken(signCustomerToken('C001', 'other'), SECRET)).toThrow(/signature/);
    expect(() => verifyCustomerToken(signCustomerToken('C001', SECRET, 10, Date.now() - 3600_000), SECRET)).toThrow(/expired/);
    const payload = b64({ sub: 'C001', exp: nowSeconds + 60 });
    const none = b64({ alg: 'none' });
    expect(() => verify(`${none}.${payload}.`)).toThrow(/HS256/);
    const hs512 = b64({ alg: 'HS512' });
    const sig = createHmac('sha512', SECRET).update(`${hs512}.${payload}`).digest('base64url');
    expect(() => verify(`${hs512}.${payload}.${sig}`)).toThrow(/HS256/);
    // HS256 with an empty signature is not a signature at all.
    const hs256 = b64({ alg: 'HS256' });
    expect(() => verify(`${hs256}.${payload}.`)).toThrow(/signature/);
  });

  it('should refuse malformed tokens and tokens without a subject', () => {
    for (const bad of ['', 'a.b', 'a.b.c', '!!.??.##', 42, null, { sub: 'C001' }, 'x'.repeat(5000)]) {
      expect(() => verify(bad)).toThrow(/refused/);
    }
    expect(() => verify(mint({ exp: nowSeconds + 60 }))).toThrow(/subject/);
    expect(() => verify(mint({ sub: '', exp: nowSeconds + 60 }))).toThrow(/subject/);
    expect(() => verify(mint({ sub: 42, exp: nowSeconds + 60 }))).toThrow(/subject/);
  });

  it('should require a whole-number exp', () => {
    expect(() => verify(mint({ sub: 'C001' }))).toThrow(/exp is required/);
    for (const exp of [String(nowSeconds + 60), nowSeconds + 60.5, null, [nowSeconds + 60], { n: 1 }, true, 1e300]) {
      expect(() => verify(mint({ sub: 'C001', exp }))).toThrow(/exp must be a whole number/);
    }
  });

  it('should bound the lifetime: exp at most the configured maximum ahead, also counted from iat', () => {
    expect(verify(mint({ sub: 'C001', exp: nowSeconds + 24 * 3600 }))).toEqual({ customerId: 'C001' });
    expect(() => verify(mint({ sub: 'C001', exp: nowSeconds + 25 * 3600 }))).toThrow(/lives longer/);
    expect(() => verify(mint({ sub: 'C001', exp: nowSeconds + 3600 }), 600)).toThrow(/lives longer than the 600 s/);
    expect(verify(mint({ sub: 'C001', exp: nowSeconds + 500 }), 600)).toEqual({ customerId: 'C001' });
    // A token minted ten years ago that expires in an hour lived too long all the same.
    expect(() => verify(mint({ sub: 'C001', iat: nowSeconds - 10 * 365 * 86400, exp: nowSeconds + 3600 }))).toThrow(/lives longer/);
    expect(() => verify(mint({ sub: 'C001', iat: nowSeconds + 3600, exp: nowSeconds + 7200 }))).toThrow(/issued in the future/);
    expect(() => verify(mint({ sub: 'C001', iat: 'yesterday', exp: nowSeconds + 60 }))).toThrow(/iat must be a whole number/);
  });

  it('should honour nbf and tolerate a minute of clock skew', () => {
    expect(() => verify(mint({ sub: 'C001', nbf: nowSeconds + 600, exp: nowSeconds + 1200 }))).toThrow(/not valid yet/);
    expect(verify(mint({ sub: 'C001', nbf: nowSeconds + 30, exp: nowSeconds + 1200 }))).toEqual({ customerId: 'C001' });
    expect(verify(mint({ sub: 'C001', exp: nowSeconds - 30 }))).toEqual({ customerId: 'C001' });
    expect(() => verify(mint({ sub: 'C001', exp: nowSeconds - 61 }))).toThrow(/expired/);
  });

  it('should refuse trailing junk, padding and non-canonical base64url anywhere', () => {
    const good = mint({ sub: 'C001', exp: nowSeconds + 600 });
    expect(verify(good)).toEqual({ customerId: 'C001' });
    const [h, p, s] = good.split('.');
    const bad = [
      `${good}x`,
      `${good}AAAA`,
      `${good}=`,
      `${good}.`,
      `${good}.junk`,
      ` ${good}`,
      `${good}\n`,
      `${h}=.${p}.${s}`,
      `${h}.${p}==.${s}`,
      // The last character of 43 carries 2 unused bits: a different spelling of the same bytes.
      `${h}.${p}.${s.slice(0, -1)}${ALPHABET[ALPHABET.indexOf(s[42]) ^ 1]}`,
      `${h}.${p}.${s.slice(0, -1)}`,
      `${h}..${s}`,
    ];
    for (const token of bad) expect(() => verify(token)).toThrow(/refused/);
  });

  it('should accept only alg HS256 and typ JWT in the header, and JSON objects', () => {
    const payload = { sub: 'C001', exp: nowSeconds + 600 };
    expect(() => verify(mint(payload, { alg: 'HS256', kid: '../../secret' }))).toThrow(/header may hold only/);
    expect(() => verify(mint(payload, { alg: 'HS256', typ: 'at+jwt' }))).toThrow(/header may hold only/);
    expect(() => verify(mint(payload, { alg: 'HS256', crit: ['exp'] }))).toThrow(/header may hold only/);
    expect(() => verify(mint(payload, ['HS256']))).toThrow(/header is not a JSON object/);
    expect(() => verify(mint(['C001']))).toThrow(/payload is not a JSON object/);
    expect(() => verify(mint('"C001"'))).toThrow(/payload is not a JSON object/);
    const h = b64({ alg: 'HS256' });
    const p = b64('{"sub":"C001",');
    expect(() => verify(`${h}.${p}.${sign(h, p)}`)).toThrow(/payload is not JSON/);
    const invalidUtf8 = Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url');
    expect(() => verify(`${h}.${invalidUtf8}.${sign(h, invalidUtf8)}`)).toThrow(/payload is not JSON/);
  });

  it('should bound the subject and refuse control characters in it', () => {
    expect(verify(mint({ sub: 'C'.repeat(256), exp: nowSeconds + 600 }))).toEqual({ customerId: 'C'.repeat(256) });
    expect(() => verify(mint({ sub: 'C'.repeat(257), exp: nowSeconds + 600 }))).toThrow(/at most 256/);
    expect(() => verify(mint({ sub: 'C001\u0000admin', exp: nowSeconds + 600 }))).toThrow(/control/);
    // `__proto__` in the payload is an own key of the parsed object, never its prototype.
    expect(() => verify(mint(JSON.parse('{"__proto__":{"sub":"C001"},"exp":' + (nowSeconds + 600) + '}')))).toThrow(/subject/);
  });

  it('should refuse every malformed token with KEFU_AUTH', () => {
    const good = mint({ sub: 'C001', exp: nowSeconds + 600 });
    for (const token of [`${good}x`, mint({ sub: 'C001' }), 'a.b.c']) {
      try {
        verify(token);
        throw new Error('accepted');
      } catch (err) {
        expect(err).toMatchObject({ code: 'KEFU_AUTH' });
      }
    }
  });
});
