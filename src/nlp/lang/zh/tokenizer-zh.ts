/**
 * @module nlp/lang/zh/tokenizer-zh
 * Chinese stage: a run of Han characters is segmented by jieba (with the shop's user words). The
 * greetings a message opens with ("你好，", "您好问一下", "在吗 ") are left out when a need follows
 * them (`leading-pleasantries.ts`): the need is what the message means.
 */
import type { LanguageStage } from '../language-stage';
import type { NluToken } from '../../token-types';
import { jiebaCut } from './jieba';
import { STOPWORDS_ZH } from './stopwords-zh';
import { ZH_NUMERAL_CHARS } from './chinese-number';
import { leadingPleasantryEnd } from './leading-pleasantries';

const NUMERAL = new RegExp(`^[${ZH_NUMERAL_CHARS}]+$`);
const HAS_UNIT = /[十拾百佰千仟万萬亿]/;

let lastNorm: string | undefined;
let lastOpeningEnd = 0;

/** `leadingPleasantryEnd` of the message, once per message (the stage is called once per Han run). */
function openingEnd(norm: string): number {
  if (norm !== lastNorm) {
    lastNorm = norm;
    lastOpeningEnd = leadingPleasantryEnd(norm);
  }
  return lastOpeningEnd;
}

/** A Han token made only of numerals that reads as a number (两千, 十一; not a lone 一). */
function isNumeral(word: string): boolean {
  return NUMERAL.test(word) && (word.length > 1 || HAS_UNIT.test(word));
}

export const tokenizerZh: LanguageStage = {
  locale: 'zh',
  stopwords: STOPWORDS_ZH,
  tokenize(original, norm, start, end) {
    const tokens: NluToken[] = [];
    const run = norm.slice(start, end);
    const opening = openingEnd(norm);
    let pos = 0;
    for (const word of jiebaCut(run)) {
      // jieba returns pieces that concatenate back to the input; search anyway to stay safe.
      const at = run.startsWith(word, pos) ? pos : run.indexOf(word, pos);
      if (at < 0 || word.trim() === '') continue;
      pos = at + word.length;
      if (start + pos <= opening) continue;
      const token: NluToken = {
        text: original.slice(start + at, start + pos),
        norm: word,
        start: start + at,
        end: start + pos,
        kind: 'han',
      };
      if (isNumeral(word)) token.tag = 'number';
      tokens.push(token);
    }
    return tokens;
  },
};
