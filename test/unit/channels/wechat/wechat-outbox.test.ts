import { WechatOutbox } from '../../../../src/channels/wechat/wechat-outbox';
import { printLine, setPrintLine } from '../../../../src/log';

describe('WechatOutbox', () => {
  it('should say once in the log that nothing can be sent without an app id and secret', async () => {
    const lines: string[] = [];
    const original = printLine;
    setPrintLine((line) => lines.push(line));
    try {
      const outbox = new WechatOutbox(undefined);
      expect(outbox.canSend).toBe(false);
      outbox.send('oA', '你好', 'a reply');
      outbox.send('oB', 'hello', 'a message');
      await outbox.drain();
    } finally {
      setPrintLine(original);
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/warn kefu:wechat .*KEFU_WECHAT_APP_ID and KEFU_WECHAT_APP_SECRET/);
  });
});
