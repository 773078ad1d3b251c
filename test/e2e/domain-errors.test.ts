/**
 * A shop whose `domain.json` is broken does not start: the error names the file and the JSON
 * path, before any store is opened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '../helpers/test-server';

function shopWithDomain(domain: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-bad-domain-'));
  fs.writeFileSync(path.join(dir, 'domain.json'), JSON.stringify(domain));
  return dir;
}

describe('a broken shop domain', () => {
  it('should stop the server start naming the file and the JSON path', async () => {
    const dir = shopWithDomain({ intents: { 'promo.info': { answer: { kind: 'telepathy' } } } });
    await expect(startTestServer({ shopDir: dir })).rejects.toThrow(`${path.join(dir, 'domain.json')}: intents["promo.info"].answer.kind "telepathy" is not a known answer kind`);
    const keywords = shopWithDomain({ keywords: { stop: { zh: ['不聊了'] } } });
    await expect(startTestServer({ shopDir: keywords })).rejects.toThrow(/domain\.json: keywords\.stop\.en must be a non-empty list of words/);
  });
});
