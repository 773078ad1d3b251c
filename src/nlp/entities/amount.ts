/**
 * @module nlp/entities/amount
 * Money amounts in normalised text: `3000`, `3000元`, `¥2999`, `$500`, `5k`, `1.5万`, `两千`.
 * `AMOUNT` is a regex source without capture groups; `parseAmount` reads a match of it.
 */
import { ZH_NUMERAL_CHARS, parseChineseNumber } from '../lang/zh/chinese-number';

const ZH = `[${ZH_NUMERAL_CHARS}]`;
const PREFIX = '(?:[¥$€£]\\s?|(?:rmb|cny|usd)\\s?)';
const SUFFIX = '(?:元|块钱|块|人民币|美元|美金|刀|rmb|yuan|cny|usd|dollars?|bucks)';
/** Units that make a number something other than money (days, pieces, gigabytes…). */
const NOT_MONEY =
  '(?:天|日|个|件|台|部|只|双|套|盒|瓶|支|条|张|本|包|份|箱|小时|分钟|分|秒|周|星期|月|年|次|号|岁|寸|斤|公斤|克|毫升|升|米|厘米|毫米|倍|折|%|' +
  'gb|g|tb|mah|w|hz|ml|cm|mm|kg|m|inch|in|days?|hours?|hrs?|mins?|minutes?|weeks?|months?|years?|yrs?|items?|pcs|pieces?|units?|percent|people|times|orders?)(?![a-z])';

/** An amount: optional currency, a number in digits or Chinese numerals (k/w/千/万 allowed), optional currency word. */
export const AMOUNT =
  `${PREFIX}?(?:\\d+(?:[.,]\\d+)?(?![\\d.,])(?:k(?![a-z])|w(?![a-z])|千|万)?|${ZH}+(?!${ZH}))` +
  `(?:\\s?${SUFFIX}(?![a-z])|(?!\\s?${NOT_MONEY}))`;

/** Does this amount text carry a currency sign or word? */
export function hasCurrency(amount: string): boolean {
  return new RegExp(`^${PREFIX}|${SUFFIX}$`).test(amount.trim());
}

/**
 * @example parseAmount('¥2,999') // 2999
 * @example parseAmount('5k') // 5000
 * @example parseAmount('两千块') // 2000
 */
export function parseAmount(amount: string): number | undefined {
  let s = amount.trim().replace(new RegExp(`^${PREFIX}`), '').replace(new RegExp(`\\s?${SUFFIX}$`), '').trim();
  let scale = 1;
  if (/\dk$/.test(s)) [s, scale] = [s.slice(0, -1), 1000];
  else if (/\dw$/.test(s)) [s, scale] = [s.slice(0, -1), 10000];
  const value = parseChineseNumber(s);
  return value === undefined ? undefined : Math.round(value * scale * 100) / 100;
}
