import type { ChatActivity } from '../../../src/core/conversation';
import { builtInResponses } from '../../../src/domain/built-in-responses';
import { anonymousView, ordersShown } from '../../../src/privacy/anonymous-view';

const responses = builtInResponses();

const reply = (locale: 'zh' | 'en', extra: Partial<ChatActivity> = {}): ChatActivity => ({
  type: 'message',
  id: 'r1',
  timestamp: '2026-12-07T09:00:00Z',
  conversationId: 'c',
  from: { id: 'kefu-bot', role: 'bot' },
  locale,
  text: 'Order DD20261126033 has shipped with SF, tracking number SF1901042878494.',
  attachments: [
    { contentType: 'application/vnd.kefu.order+json', content: { orderId: 'DD20261126033', trackingNumber: 'SF1901042878494' } },
    { contentType: 'application/vnd.kefu.product+json', content: { productId: 'P1' } },
  ],
  suggestedActions: { actions: [{ type: 'postBack', title: 'Cancel', value: 'intent:order.cancel:DD20261126033' }] },
  channelData: { intent: { name: 'order.status', score: 1 } },
  ...extra,
});

describe('anonymousView', () => {
  it.each([
    ['zh', /订单 DD20261126033 的详情已隐藏/],
    ['en', /details of order DD20261126033 are hidden/],
  ] as const)('should put a placeholder in place of an order not verified (%s)', (locale, placeholder) => {
    const hidden = anonymousView(reply(locale), [], responses);
    expect(hidden.text).toMatch(placeholder);
    expect(JSON.stringify(hidden)).not.toContain('SF1901042878494');
    expect(hidden.attachments).toEqual([{ contentType: 'application/vnd.kefu.product+json', content: { productId: 'P1' } }]);
    expect(hidden.suggestedActions).toBeUndefined();
    expect(hidden.channelData).toMatchObject({ intent: { name: 'order.status' }, orderHidden: ['DD20261126033'] });
  });

  it('should show an order to a connection verified for it, unchanged', () => {
    const shown = reply('en');
    expect(anonymousView(shown, ['DD20261126033'], responses)).toBe(shown);
  });

  it('should hide a reply that names its order in channel data only', () => {
    const echo = reply('zh', { text: '新地址是：上海市…，确认修改吗？', attachments: undefined, channelData: { order: 'DD20261128030' } });
    expect(ordersShown(echo)).toEqual(['DD20261128030']);
    expect(anonymousView(echo, [], responses).text).toMatch(/DD20261128030 的详情已隐藏/);
  });

  it('should show a verification answer redacted, even from its raw copy', () => {
    const answer: ChatActivity = { ...reply('zh'), from: { id: 'u', role: 'user' }, text: '还是8000', attachments: undefined, suggestedActions: undefined, channelData: { verificationAnswer: true } };
    expect(anonymousView(answer, [], responses).text).toBe('还是[****]');
  });
});
