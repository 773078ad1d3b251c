/**
 * The bot's memory of a shopper's mood: recent anger for the handoff's priority, empathy
 * sentences never twice in a row, and how the sentiment is recorded on replies.
 */
import { nextEmpathy, noteAnger, RECENT_TURNS, sentimentForTranscript, withEmpathy, type ShopperMood } from '../../../src/bot/shopper-mood';

describe('shopper mood', () => {
  it('should count a shopper as angry while one of their last messages was, then calm again', () => {
    const mood: ShopperMood = {};
    expect(noteAnger(mood, 0.1, 0.5)).toBe(false);
    expect(noteAnger(mood, 0.8, 0.5)).toBe(true);
    // A postback adds nothing; calm messages after it keep the anger in mind for RECENT_TURNS messages.
    expect(noteAnger(mood, undefined, 0.5)).toBe(true);
    for (let i = 1; i < RECENT_TURNS; i++) expect(noteAnger(mood, 0, 0.5)).toBe(true);
    expect(noteAnger(mood, 0, 0.5)).toBe(false);
    expect(mood.recentAnger).toHaveLength(RECENT_TURNS);
    expect(noteAnger({}, 0.5, 0.5)).toBe(true);
  });

  it('should open with the next empathy variant each time, never the same twice in a row', () => {
    const mood: ShopperMood = {};
    const variants = ['非常抱歉。', '理解您的心情。', 'Sorry.'];
    const used = Array.from({ length: 7 }, () => nextEmpathy(mood, variants));
    expect(used.slice(0, 3)).toEqual(variants);
    for (let i = 1; i < used.length; i++) expect(used[i]).not.toBe(used[i - 1]);
    expect(nextEmpathy({ lastEmpathy: 5 }, ['only one'])).toBe('only one');
  });

  it('should put the empathy sentence before the reply: zh run on, en with a space, alone when there is no text', () => {
    expect(withEmpathy('非常抱歉。', '请提供订单号。', 'zh')).toBe('非常抱歉。请提供订单号。');
    expect(withEmpathy("I'm sorry.", 'Which order?', 'en')).toBe("I'm sorry. Which order?");
    expect(withEmpathy("I'm sorry.", undefined, 'en')).toBe("I'm sorry.");
  });

  it('should record the scores to three decimals and whether the bot took it as angry', () => {
    expect(sentimentForTranscript({ label: 'negative', score: -0.87654, anger: 0.50001 }, 0.5)).toEqual({ label: 'negative', score: -0.877, anger: 0.5, angry: true });
    expect(sentimentForTranscript({ label: 'neutral', score: 0.0004, anger: 0.4999 }, 0.5)).toEqual({ label: 'neutral', score: 0, anger: 0.5, angry: false });
  });
});
