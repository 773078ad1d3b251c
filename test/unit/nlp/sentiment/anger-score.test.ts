/** The anger score: polarity, anger words (zh substrings, en words and phrases, emoji) and shouting cues. */
import { angerScore, angerWordWeight, shoutingCues } from '../../../../src/nlp/sentiment/anger-score';
import { normalizeText } from '../../../../src/nlp/normalize';

describe('angerScore', () => {
  it('should find Chinese anger words as substrings, not inside harmless words', () => {
    expect(angerWordWeight(normalizeText('骗子'), [])).toBe(1);
    expect(angerWordWeight(normalizeText('差评'), [])).toBe(0.5);
    expect(angerWordWeight(normalizeText('这个很可靠，滚筒洗衣机，阳光灿烂'), [])).toBe(0);
    // Full-width and upper-case forms are folded first.
    expect(angerWordWeight(normalizeText('打１２３１５'), [])).toBe(1);
    // 投诉你们 counts once, not as 投诉 + 投诉你们.
    expect(angerWordWeight(normalizeText('投诉你们'), [])).toBe(1);
  });

  it('should find English anger words and phrases, at most 1 in all', () => {
    expect(angerWordWeight('', ['i', 'am', 'fed', 'up'])).toBe(1);
    expect(angerWordWeight('', ['ridiculous'])).toBe(0.5);
    expect(angerWordWeight('', ['scam', 'fraud', 'liars'])).toBe(1);
    expect(angerWordWeight('', ['fed'])).toBe(0);
  });

  it('should count each kind of shouting once', () => {
    expect(shoutingCues('where is it')).toBe(0);
    expect(shoutingCues('where is it???')).toBe(0.5);
    expect(shoutingCues('为什么！！还没到？？')).toBe(1);
    expect(shoutingCues('WHERE IS MY ORDER')).toBe(0.5);
    expect(shoutingCues('I bought a USB cable from DHL')).toBe(0);
  });

  it('should combine polarity, words and cues into [0, 1]', () => {
    expect(angerScore('你好', '你好', [], 0)).toBe(0);
    expect(angerScore('质量一般', '质量一般', [], -0.9)).toBeCloseTo(0.36, 5);
    expect(angerScore('垃圾！骗子！！', normalizeText('垃圾！骗子！！'), [], -0.99)).toBe(1);
    // Cues count less the more positive the message is.
    expect(angerScore('太棒了！！！', '太棒了！！！', [], 0.9)).toBeLessThan(0.05);
  });
});
