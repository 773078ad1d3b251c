/**
 * The headers of what kefu serves from `public/`, against the real server: its own pages (the
 * demo shop and the staff console) carry a Content-Security-Policy that allows no inline script
 * or style except the page's own, by hash, and may not be framed; the widget's files carry no
 * such restriction, because shops embed them in their pages. The hashes are recomputed here from
 * the served bytes, independently of the server's code.
 */
import { createHash } from 'node:crypto';
import { contentSecurityPolicy } from '../../src/http/document-headers';
import { startTestServer, type TestServer } from '../helpers/test-server';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** `directive → sources` of a policy. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('page headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it.each([
    ['the demo shop', '/'],
    ['the staff console', '/console/'],
  ])('should send %s with a policy of its own scripts and styles only, no framing, nosniff and a referrer policy', async (_what, path) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const policy = directives(res.headers.get('content-security-policy') ?? '');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    for (const directive of ['default-src', 'script-src', 'style-src']) {
      expect([directive, policy.get(directive)?.some((s) => s === "'unsafe-inline'" || s === "'unsafe-eval'" || s === '*' || s === 'https:')]).toEqual([directive, false]);
    }
    // Exactly the page's inline scripts are allowed, by hash.
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !m[1].includes('src=')).map((m) => sha256(m[2]));
    expect(policy.get('script-src')).toEqual(["'self'", ...inline]);
  });

  it('should allow the demo page its inline style block and style attribute by hash, and nothing else inline', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const policy = directives((await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '');
    const blocks = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
    const attributes = [...html.matchAll(/ style="([^"]*)"/g)].map((m) => sha256(m[1]));
    expect(blocks.length).toBeGreaterThan(0);
    expect(policy.get('style-src')).toEqual(["'self'", ...blocks, ...(attributes.length ? ["'unsafe-hashes'", ...attributes] : [])]);
  });

  it('should redirect /console to /console/ and serve HEAD with the same policy', async () => {
    const redirect = await fetch(`${server.url}/console`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/console/');
    const get = await fetch(`${server.url}/console/`);
    const head = await fetch(`${server.url}/console/`, { method: 'HEAD' });
    expect(head.headers.get('content-security-policy')).toBe(get.headers.get('content-security-policy'));
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
  });

  it.each([
    ['/widget/kefu-widget.js', /^text\/javascript/],
    ['/widget/kefu-widget.css', /^text\/css/],
  ])('should serve %s embeddable in any shop page: no policy, no frame or resource restriction, the right type with nosniff', async (path, type) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('cross-origin-resource-policy')).toBeNull();
  });

  it('should hash inline script and style as written, skip scripts with src, and decode attribute entities', () => {
    const policy = directives(
      contentSecurityPolicy(
        '<script src="/a.js"></script><script>go("你好")</script>' +
          '<style>p{color:red}</style><p style="a:&quot;b&quot;">x</p><script type="module">run()</script>',
      ),
    );
    expect(policy.get('script-src')).toEqual(["'self'", sha256('go("你好")'), sha256('run()')]);
    expect(policy.get('style-src')).toEqual(["'self'", sha256('p{color:red}'), "'unsafe-hashes'", sha256('a:"b"')]);
    expect(directives(contentSecurityPolicy('<p>plain</p>')).get('style-src')).toEqual(["'self'"]);
  });
});
