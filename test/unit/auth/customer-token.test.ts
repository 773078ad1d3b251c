import { createHmac } from 'node:crypto';
import { signCustomerToken, verifyCustomerToken } from '../../../src/auth/customer-token';

const SECRET = 'unit-secret';

describe('verifyCustomerToken', () => {
  it('should accept a token signed with the shop secret', () => {
    expect(verifyCustomerToken(signCustomerToken('C001', SECRET), SECRET)).toEqual({ customerId: 'C001' });
  });

  it('should refuse tokens when no secret is configured', () => {
    expect(() => verifyCustomerToken(signCustomerToken('C001', SECRET), undefined)).toThrow(/does not accept/);
  });

  it('should refuse a wrong signature, an expired token, alg none and HS512', () => {
    expect(() => verifyCustomerToken(signCustomerToken('C001', 'other'), SECRET)).toThrow(/signature/);
    expect(() => verifyCustomerToken(signCustomerToken('C001', SECRET, 10, Date.now() - 3600_000), SECRET)).toThrow(/expired/);
    const payload = Buffer.from(JSON.stringify({ sub: 'C001' })).toString('base64url');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    expect(() => verifyCustomerToken(`${none}.${payload}.`, SECRET)).toThrow(/HS256/);
    const hs512 = Buffer.from(JSON.stringify({ alg: 'HS512' })).toString('base64url');
    const sig = createHmac('sha512', SECRET).update(`${hs512}.${payload}`).digest('base64url');
    expect(() => verifyCustomerToken(`${hs512}.${payload}.${sig}`, SECRET)).toThrow(/HS256/);
  });

  it('should refuse malformed tokens and tokens without a subject', () => {
    for (const bad of ['', 'a.b', 'a.b.c', '!!.??.##']) expect(() => verifyCustomerToken(bad, SECRET)).toThrow(/refused/);
    const header = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ exp: Date.now() / 1000 + 60 })).toString('base64url');
    const sig = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    expect(() => verifyCustomerToken(`${header}.${payload}.${sig}`, SECRET)).toThrow(/subject/);
  });
});
