/**
 * @module nlp/entities/quantity
 * Quantities: `两台`, `3个`, `2 pcs`, `x2`, `2x`, `qty 3`, `buy two`.
 */
import type { EntityContext, EntityExtractor } from './entity-context';
import { spanEntity } from './entity-context';
import { parseChineseNumber } from '../lang/zh/chinese-number';
import { allMatches } from '../all-matches';
import { EN_NUMBER_WORDS, parseEnglishNumber } from '../lang/en/english-number';

const ZH_COUNTERS = '个|台|件|部|只|双|套|盒|瓶|支|条|张|本|包|份|箱|对|袋|罐|把|副|组|片|听|提';
const EN_UNITS = 'pcs|pc|pieces?|units?|items?|pairs?|sets?|boxes|box|bottles?|packs?|cans?|bags?|cases?|of them|of these|of those';
const EN_NUM = `(?:\\d+|${EN_NUMBER_WORDS})`;
const B = '(?<![a-z0-9])';

const PATTERNS: readonly RegExp[] = [
  // 两台, 3个 — not 3个月 (three months), not 一个小时.
  new RegExp(`(?<![\\d.])(\\d+|[一二两三四五六七八九十百]+)\\s*(?:${ZH_COUNTERS})(?!月|小时|工作日|星期|礼拜|钟|半)`, 'gu'),
  new RegExp(`${B}(${EN_NUM})\\s*(?:${EN_UNITS})(?![a-z])`, 'gu'),
  new RegExp(`${B}(?:qty|quantity|数量)\\s*[:：]?\\s*(\\d+)`, 'gu'),
  new RegExp(`${B}x\\s?(\\d{1,2})(?![\\d.a-z])`, 'gu'),
  new RegExp(`${B}(\\d{1,3})\\s?x(?![a-z0-9])`, 'gu'),
  new RegExp(`${B}(?:buy|order|get|take|want|need)\\s+(${EN_NUM})(?=\\s+[a-z])(?!\\s+(?:days?|weeks?|months?|years?|hours?|times?)\\b)`, 'gu'),
];

function parse(raw: string): number | undefined {
  return /^[\d一二两三四五六七八九十百]+$/.test(raw) ? parseChineseNumber(raw) : parseEnglishNumber(raw);
}

/** A quantity needs a digit, a Chinese numeral or an English number word. */
const MAYBE = new RegExp(`[\\d一二两三四五六七八九十百]|(?<![a-z])(?:${EN_NUMBER_WORDS})(?![a-z])`, 'u');

export const extractQuantities: EntityExtractor = (ctx: EntityContext) => {
  if (!MAYBE.test(ctx.norm)) return [];
  const found: { start: number; end: number; value: number }[] = [];
  for (const regex of PATTERNS) {
    for (const m of allMatches(regex, ctx.norm)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const value = parse(m[1] ?? '');
      if (value === undefined || value <= 0 || value > 9999) continue;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, value });
    }
  }
  return found.sort((a, b) => a.start - b.start).map((f) => spanEntity(ctx, 'quantity', f.value, f.start, f.end));
};
