/**
 * @module test/staff/login-from-address
 * A console login sent from a chosen loopback address (127.x.y.z are all this machine on
 * Linux), so tests can play several clients: the server counts the socket's peer address.
 */
import http from 'node:http';

export interface LoginAnswer {
  status: number;
  body: { error?: { code: string; message: string; zh?: string; retryAfterSeconds?: number }; staff?: { name: string } };
  retryAfter: string | undefined;
  setCookie: string | undefined;
}

/** The n-th of many distinct loopback addresses (127.0.1.1, 127.0.1.2, …), none of them 127.0.0.1. */
export function loopbackAddress(n: number): string {
  return `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}

export function loginFrom(baseUrl: string, localAddress: string, credentials: { name: string; password: string }): Promise<LoginAnswer> {
  const url = new URL('/api/staff/login', baseUrl);
  const payload = JSON.stringify(credentials);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'Content-Type': 'application/json', Origin: baseUrl, 'Content-Length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const setCookie = res.headers['set-cookie'];
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), retryAfter, setCookie: setCookie?.[0] });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
