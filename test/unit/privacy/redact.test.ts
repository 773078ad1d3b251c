import { redact, redactDeep } from '../../../src/privacy/redact';

describe('redact', () => {
  describe('zh', () => {
    it.each([
      ['我的手机 138 0000 1234，寄到上海市浦东新区世纪大道100号 8楼', '我的手机 [电话]，寄到[地址]'],
      ['电话13800001234', '电话[电话]'],
      ['+86 138-0000-1234 打这个', '[电话] 打这个'],
      ['座机 021-12345678', '座机 [电话]'],
      ['收货地址改成北京市朝阳区建国路88号3号楼2单元501室，谢谢', '收货地址改成[地址]，谢谢'],
      ['地址：广东省深圳市南山区科技园南路15号', '地址：[地址]'],
      ['寄到杭州市西湖区文三路90号', '寄到[地址]'],
      ['邮箱 wang.lei@example.cn', '邮箱 [邮箱]'],
      ['卡号 4111 1111 1111 1111 付款失败', '卡号 [卡号] 付款失败'],
      ['手机尾号5678', '手机尾号[****]'],
    ])('should mask %s', (input, expected) => {
      expect(redact(input)).toBe(expected);
    });

    it('should keep order numbers, prices, dates and quantities', () => {
      for (const text of ['订单DD20260101001到哪了', '我要买2件，价格199元，2026年1月1日下单', '快递单号SF1234567890123']) {
        expect(redact(text)).toBe(text);
      }
    });
  });

  describe('en', () => {
    it.each([
      ['mail me at Amy.Lee+shop@example.co.uk please', 'mail me at [email] please'],
      ['ship it to 200 Nanjing Road West, Jing an District, Shanghai', 'ship it to [address]'],
      ['new address: 1600 Amphitheatre Parkway, Mountain View, CA 94043 thanks', 'new address: [address] thanks'],
      ['12 Baker St, Apt 4B, London', '[address]'],
      ['send it to PO Box 1234', 'send it to [address]'],
      ['call me on (555) 123-4567 or +44 20 7946 0958', 'call me on [phone] or [phone]'],
      ['my number is 13800001234', 'my number is [phone]'],
      ['card 4111-1111-1111-1111 failed', 'card [card] failed'],
      ['my last four are 4321', 'my last four are [****]'],
    ])('should mask %s', (input, expected) => {
      expect(redact(input)).toBe(expected);
    });

    it('should keep order numbers, tracking numbers and long numbers that are not cards', () => {
      for (const text of ['order BK20260101007 qty 3 of 12 items', 'tracking SF1234567890123', 'ref 1234567890123']) {
        expect(redact(text)).toBe(text);
      }
    });
  });

  it('should mask a message that is only the four verification digits', () => {
    expect(redact(' 1234 ')).toBe('[****]');
    expect(redact('12345')).toBe('12345');
  });

  it('should redact every string inside a card, each in its own language', () => {
    const card = { orderId: 'DD20260101001', shipping: { address: '上海市浦东新区世纪大道100号', phone: '138 0000 1234' }, total: 1999 };
    expect(redactDeep(card)).toEqual({ orderId: 'DD20260101001', shipping: { address: '[地址]', phone: '[phone]' }, total: 1999 });
  });

  describe('verification answers', () => {
    it.each([
      ['后四位是1234吧', '后四位是[****]吧'],
      ['后四位应该是 1234', '后四位应该是 [****]'],
      ['尾号 5678', '尾号 [****]'],
      ['尾号为56 78', '尾号为[****]'],
      ['the last four are 4321', 'the last four are [****]'],
      ['the last 4 digits of my phone are 4321', 'the last 4 digits of my phone are [****]'],
      ['it ends with 4321', 'it ends with [****]'],
      ['80 00', '[****]'],
    ])('should mask the digits after a cue or alone, in any turn: %s', (input, expected) => {
      expect(redact(input)).toBe(expected);
    });

    it.each([
      ['还是8000', '还是[****]'],
      ['its 5678', 'its [****]'],
      ['its5678 i think', 'its[****] i think'],
      ['8-0-0-0', '[****]'],
      ['8000 thanks', '[****] thanks'],
      ['是2025吧', '是[****]吧'],
      ['不是1234，是5678', '不是[****]，是[****]'],
      ['DD20261101008 8000', 'DD20261101008 [****]'],
      ['my email is a@b.com', 'my email is [email]'],
    ])('should mask every verification digit of an answer: %s', (input, expected) => {
      expect(redact(input, { verificationAnswer: true })).toBe(expected);
    });

    it('should keep order numbers, years and prices with their unit, when the digits cannot be the answer', () => {
      for (const text of ['DD20261101008', '2025年在DD20261101008买的', '¥1999 的那单 DD20261101008', 'tracking SF1901042878494']) {
        expect(redact(text, { verificationAnswer: true })).toBe(text);
      }
    });

    it('should leave prices, years and four-digit numbers of other turns alone', () => {
      for (const text of ['还是8000以内的吧', 'its 5678 pages long', '2026年1月买的', 'budget 1999', '后来买了4件']) {
        expect(redact(text)).toBe(text);
      }
    });

    it('should not take the bot\'s own question for an answer', () => {
      for (const text of ['请回复订单 DD20261101008 收货手机号的后四位，或下单时使用的邮箱。', 'please reply with the last 4 digits of the phone number on order DD20261101008']) {
        expect(redact(text)).toBe(text);
      }
    });
  });
});
