/**
 * @module nlp/sentiment/anger-words
 * Words and signs of an angry shopper, kefu's own lists, with a weight each: 1 for what on its own
 * says "angry" (气死, 骗子, scam, furious), 0.5 for what says it only beside other signs
 * (差评, 无语, ridiculous). Chinese entries are matched as substrings of the normalised text
 * (simplified, lower-case), longest first and without overlaps (投诉你们 counts once); English
 * entries as whole words or phrases. Words that hide inside others are left out or lengthened:
 * not 靠 (可靠, reliable), 滚 (滚筒) or 烂 (灿烂).
 */

export const ANGER_WORDS_ZH: Readonly<Record<string, number>> = {
  气死: 1, 气炸: 1, 火大: 1, 骗子: 1, 骗人: 1, 骗钱: 1, 垃圾: 1, 投诉: 1, 投诉你们: 1, 奸商: 1, 黑心: 1, 欺诈: 1, 诈骗: 1, 坑人: 1, 坑爹: 1,
  不要脸: 1, 忍无可忍: 1, 受够了: 1, 太过分: 1, 12315: 1, 消协: 1, 工商局: 1, 曝光你们: 1, 举报你们: 1, 妈的: 1, 他妈: 1,
  尼玛: 1, 傻逼: 1, 煞笔: 1, 滚蛋: 1, 给我滚: 1, 混蛋: 1, 王八蛋: 1, 废物: 1, 耍我: 1, 什么破: 1, 破玩意: 1, 态度恶劣: 1, 生气: 0.5,
  差评: 0.5, 无语: 0.5, 过分: 0.5, 恶心: 0.5, 坑: 0.5, 忽悠: 0.5, 退钱: 0.5, 还钱: 0.5, 什么玩意: 0.5, 搞什么: 0.5, 烂货: 0.5,
  离谱: 0.5, 差劲: 0.5, 敷衍: 0.5, 到底: 0.5, 怎么回事: 0.5, 找你们领导: 0.5, 再也不: 0.5, 失望: 0.5,
};

export const ANGER_WORDS_EN: Readonly<Record<string, number>> = {
  scam: 1, scammer: 1, scammers: 1, scammed: 1, fraud: 1, furious: 1, outraged: 1, unacceptable: 1, disgusting: 1, disgusted: 1,
  pissed: 1, livid: 1, 'fed up': 1, 'sick of': 1, 'sick and tired': 1, liar: 1, liars: 1, lied: 1, thieves: 1, robbed: 1,
  ripoff: 1, 'rip-off': 1, 'rip off': 1, wtf: 1, fuck: 1, fucking: 1, shit: 1, bullshit: 1, crap: 0.5, damn: 0.5,
  ridiculous: 0.5, worst: 0.5, pathetic: 0.5, useless: 0.5, incompetent: 1, joke: 0.5, angry: 1, outrageous: 1, terrible: 0.5,
  horrible: 0.5, awful: 0.5, garbage: 0.5, trash: 0.5, lawyer: 0.5, sue: 0.5, 'report you': 1, 'never again': 0.5, 'complaint': 0.5,
  'waste of money': 0.5, 'give me my money back': 1, 'where is my money': 0.5, 'how many times': 0.5,
};

/** Emoji of anger: 😡 🤬 👿 on their own, 😤 💢 👎 😠 beside other signs. */
export const ANGER_EMOJI: Readonly<Record<string, number>> = {
  '\u{1f621}': 1, '\u{1f92c}': 1, '\u{1f47f}': 1, '\u{1f624}': 0.5, '\u{1f4a2}': 0.5, '\u{1f44e}': 0.5, '\u{1f620}': 0.5,
};
