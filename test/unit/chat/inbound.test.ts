import { parseFeedback, parseHistoryRequest, parseMessage, parsePostback } from '../../../src/chat/inbound';

describe('parseMessage', () => {
  it('should accept 1–2000 characters and a well-formed id', () => {
    expect(parseMessage({ id: 'abc-1', text: '你好' }, 2000)).toEqual({ kind: 'message', clientId: 'abc-1', text: '你好' });
    expect(parseMessage({ text: '😀'.repeat(2000) }, 2000).text).toHaveLength(4000);
  });

  it('should refuse operators, arrays, long text and odd ids', () => {
    expect(() => parseMessage({ text: { $gt: '' } }, 2000)).toThrow(/string/);
    expect(() => parseMessage({ text: 'x'.repeat(2001) }, 2000)).toThrow(/2001 characters/);
    expect(() => parseMessage({ id: 'a/b', text: 'x' }, 2000)).toThrow(/id/);
    expect(() => parseMessage([], 2000)).toThrow(/object/);
    expect(() => parseMessage({ text: '  ' }, 2000)).toThrow(/empty/);
  });
});

describe('parsePostback, parseHistoryRequest, parseFeedback', () => {
  it('should validate each payload', () => {
    expect(parsePostback({ value: 'intent:order.status' })).toMatchObject({ kind: 'postback', value: 'intent:order.status' });
    expect(() => parsePostback({ value: 5 })).toThrow();
    expect(() => parsePostback({ value: 'x', data: 'y'.repeat(5000) })).toThrow(/large/);
    expect(parseHistoryRequest({ limit: 500 })).toEqual({ limit: 100 });
    expect(() => parseHistoryRequest({ before: { $gt: '' } })).toThrow();
    expect(parseFeedback({ activityId: 'a1', rating: 'up' })).toEqual({ activityId: 'a1', rating: 'up' });
    expect(() => parseFeedback({ activityId: 'a1', rating: 'meh' })).toThrow(/rating/);
  });
});
