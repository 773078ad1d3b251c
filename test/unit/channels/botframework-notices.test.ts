import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { noticeText } from '../../../src/channels/botframework/notices';
import { Responses } from '../../../src/domain/responses';

const DIALOGS = path.join(__dirname, '../../../dialogs');
const responses = Responses.load(DIALOGS);

describe('Bot Framework notices', () => {
  it.each([
    ['zh', '这条消息太长了，请精简到 2000 字以内再发一次。'],
    ['en', 'That message is too long. Please keep it under 2000 characters and send it again.'],
  ] as const)('should say a notice in the shopper language (%s)', (locale, text) => {
    expect(noticeText(responses, 'tooLong', locale, { max: 2000 })).toBe(text);
  });

  it('should say it in every language of the dialogs when the activity names none', () => {
    expect(noticeText(responses, 'privateOnly', null)).toBe(`${responses.text('zh', 'channel.privateOnly')} ${responses.text('en', 'channel.privateOnly')}`);
  });

  it('should include a language a shop added as data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-notices-'));
    try {
      // A third language must give every key: reuse the English texts, with the one notice in Japanese.
      const withJa = fs.readdirSync(DIALOGS).filter((f) => f.endsWith('.json')).map((f) => {
        const parsed = JSON.parse(fs.readFileSync(path.join(DIALOGS, f), 'utf8')) as Record<string, Record<string, unknown>>;
        if (!parsed.en) return path.join(DIALOGS, f);
        const ja = { ...parsed.en, ...(f === 'channel.json' ? { privateOnly: '個別チャットでお問い合わせください。' } : {}) };
        fs.writeFileSync(path.join(dir, f), JSON.stringify({ ja }));
        return path.join(dir, f);
      });
      const three = Responses.load([DIALOGS, ...withJa]);
      expect(noticeText(three, 'privateOnly', null).split(' ').at(-1)).toBe('個別チャットでお問い合わせください。');
      expect(three.locales()).toEqual(['zh', 'en', 'ja']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
