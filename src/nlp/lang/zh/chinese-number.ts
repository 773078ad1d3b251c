/**
 * @module nlp/lang/zh/chinese-number
 * Reads numbers written with Chinese numerals (一二两三…十百千万亿), alone or mixed with digits
 * (`1.5万`, `3千`, `两千五`).
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 俩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8 };

/** Characters that may appear in a Chinese numeral. */
export const ZH_NUMERAL_CHARS = '零〇一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿';

/** A regex source matching a number in digits, Chinese numerals or both (`3000`, `两千`, `1.5万`). */
export const NUMBER_SOURCE = `(?:\\d+(?:[.,]\\d+)?[${ZH_NUMERAL_CHARS}]*|[${ZH_NUMERAL_CHARS}]+)`;

/**
 * Parses a Chinese or mixed numeral; `undefined` if it is not one.
 * @example parseChineseNumber('两千五') // 2500
 * @example parseChineseNumber('1.5万') // 15000
 * @example parseChineseNumber('十二') // 12
 */
export function parseChineseNumber(text: string): number | undefined {
  const s = text.replace(/,/g, '');
  if (s === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  let total = 0; // finished big-unit sections
  let section = 0; // within the current 万/亿 section
  let digit: number | undefined; // pending digit value
  let lastUnit = 0; // last small unit seen, for "两千五" → 2500
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const arabic = /^\d+(?:\.\d+)?/.exec(rest);
    if (arabic) {
      digit = Number(arabic[0]);
      i += arabic[0].length;
      continue;
    }
    const ch = s[i] as string;
    i++;
    if (ch in DIGITS) {
      digit = DIGITS[ch];
      if (digit === 0) lastUnit = 0;
      continue;
    }
    if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch] as number;
      section += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
      continue;
    }
    if (ch in BIG_UNITS) {
      const unit = BIG_UNITS[ch] as number;
      total = (total + section + (digit ?? (section === 0 ? 1 : 0))) * unit;
      section = 0;
      digit = undefined;
      lastUnit = unit;
      continue;
    }
    return undefined;
  }
  if (digit !== undefined) {
    // A trailing digit after a unit is one order lower: 两千五 = 2500, 三万五 = 35000.
    section += lastUnit >= 10 && s.length > 1 && !/\d$/.test(s) ? digit * (lastUnit / 10) : digit;
  }
  const value = total + section;
  return Number.isFinite(value) ? value : undefined;
}
