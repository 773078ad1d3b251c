import { answerDigits, mayHoldAnswer } from '../../../src/privacy/verification-digits';
import { redact } from '../../../src/privacy/redact';

describe('answerDigits', () => {
  it.each([
    ['8000', '8000'],
    ['还是8000', '8000'],
    ['last 4 digits: 7788', '7788'],
    ['DD20261101008 8000', '8000'],
    ['8-0-0-0', '8000'],
    ['80 00', '8000'],
    ['its5678', '5678'],
    ['2025年', '2025'],
  ])('should read the answer of %s', (text, digits) => {
    expect(answerDigits(text)).toBe(digits);
  });

  it.each(['1234 or 5678', 'DD20261101008', '12345', '2025年买的 DD20261101008', 'no digits'])('should read no answer in %s', (text) => {
    expect(answerDigits(text)).toBeUndefined();
  });

  it('should find nothing in a masked answer: whatever it reads, the redaction masks', () => {
    for (const text of ['还是8000', 'last 4 digits: 7788', 'DD20261101008 8000', '8-0-0-0', 'its5678', '2025年', '1999元 吧']) {
      expect([text, answerDigits(redact(text, { verificationAnswer: true }))]).toEqual([text, undefined]);
    }
  });
});

describe('mayHoldAnswer', () => {
  it('should tell messages that may hold an answer from order numbers and long numbers', () => {
    expect(['还是8000', '80 00', '2025年', '1234 or 5678'].map(mayHoldAnswer)).toEqual([true, true, true, true]);
    expect(['DD20261101008', '查订单DD20261101008', '13800001234', '买2件', '没有数字'].map(mayHoldAnswer)).toEqual([false, false, false, false, false]);
  });
});
