import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shopResponses } from '../../../src/channels/shop-responses';
import { loadConfig } from '../../../src/config';

describe('shopResponses', () => {
  let shopDir: string;
  beforeEach(() => {
    shopDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-shop-responses-'));
    fs.mkdirSync(path.join(shopDir, 'dialogs'));
    fs.writeFileSync(
      path.join(shopDir, 'dialogs', 'channel.json'),
      JSON.stringify({ zh: { busy: '小店正在查，马上好～' }, en: { busy: 'Checking, back in a sec!' } }),
    );
  });
  afterEach(() => fs.rmSync(shopDir, { recursive: true, force: true }));

  it.each([
    ['zh', '小店正在查，马上好～', '回复数字即可选择：'],
    ['en', 'Checking, back in a sec!', 'Reply with a number:'],
  ] as const)("should speak the shop folder's texts over the built-in ones (%s)", (locale, busy, menuPrompt) => {
    const responses = shopResponses(loadConfig({ shopDir }, {}));
    expect(responses.text(locale, 'channel.busy')).toBe(busy);
    expect(responses.text(locale, 'channel.menuPrompt')).toBe(menuPrompt);
  });

  it('should read the files once per configuration', () => {
    const config = loadConfig({ shopDir }, {});
    const first = shopResponses(config);
    fs.writeFileSync(path.join(shopDir, 'dialogs', 'channel.json'), '{"zh": ');
    expect(shopResponses(config)).toBe(first);
    expect(() => shopResponses(loadConfig({ shopDir }, {}))).toThrow(path.join(shopDir, 'dialogs', 'channel.json'));
  });
});
