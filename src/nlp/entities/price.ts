/**
 * @module nlp/entities/price
 * Price constraints in Chinese and English: upper bounds (`3000以内`, `不超过2000`, `under 500`,
 * `less than 5k`), lower bounds (`3000以上`, `at least 200`), ranges (`500到1000元`, `1k-2k`,
 * `between 200 and 400`), and approximate prices (`两千左右`, `around 1000`: ±20%). A bare
 * amount with a currency (`¥2999`, `3000元`) counts as approximate too.
 */
import type { PriceRange } from '../../core/nlu';
import type { EntityContext, EntityExtractor } from './entity-context';
import { spanEntity } from './entity-context';
import { AMOUNT, hasCurrency, parseAmount } from './amount';
import { ZH_NUMERAL_CHARS } from '../lang/zh/chinese-number';
import { allMatches } from '../all-matches';

const A = `(${AMOUNT})`;
/** ±20% around an approximate price. */
const AROUND = 0.2;

type Build = (a: number, b: number) => PriceRange | undefined;

interface PricePattern {
  regex: RegExp;
  build: Build;
}

const range: Build = (a, b) => (a < b ? { min: a, max: b } : undefined);
const max: Build = (a) => ({ max: a });
const min: Build = (a) => ({ min: a });
const around: Build = (a) => ({ min: Math.round(a * (1 - AROUND)), max: Math.round(a * (1 + AROUND)) });

const B = '(?<![a-z0-9])';
const MAX_BEFORE =
  '不超过|不要超过|别超过|不能超过|不超|不高于|不到|低于|少于|小于|最多|最高|顶多|最贵|预算是|预算在|预算有|预算|' +
  `${B}(?:under|below|less than|lower than|cheaper than|no more than|not more than|not over|at most|up to|max(?:imum)?|within|budget(?: is| of)?)`;
const MIN_BEFORE = `高于|超过|大于|至少|最少|起码|最低|${B}(?:over|above|more than|at least|min(?:imum)?|starting at|no less than)`;
const AROUND_BEFORE = `大概|大约|差不多|约|${B}(?:around|about|approximately|approx\\.?|roughly|circa|near)|~`;

/** In priority order: earlier patterns claim their text first. */
const PATTERNS: readonly PricePattern[] = [
  { regex: new RegExp(`${B}between\\s+${A}\\s+and\\s+${A}`, 'gu'), build: range },
  { regex: new RegExp(`${A}\\s*(?:和|与|跟)\\s*${A}\\s*之间`, 'gu'), build: range },
  { regex: new RegExp(`(?:${B}from\\s+)?${A}\\s*(?:to|-|~|到|至)\\s*${A}`, 'gu'), build: range },
  { regex: new RegExp(`${A}\\s*(?:左右|上下|附近|出头)`, 'gu'), build: around },
  { regex: new RegExp(`${A}\\s*(?:以内|以下|之内|之下|内|封顶|or less|or below|or under|and under|and below|max|tops)`, 'gu'), build: max },
  { regex: new RegExp(`${A}\\s*(?:以上|之上|起步|起|往上|\\+|or more|and up|and above|or above|plus)`, 'gu'), build: min },
  { regex: new RegExp(`(?:${AROUND_BEFORE})\\s*${A}`, 'gu'), build: around },
  { regex: new RegExp(`(?:${MAX_BEFORE})\\s*(?:在\\s*)?${A}`, 'gu'), build: max },
  { regex: new RegExp(`(?:${MIN_BEFORE})\\s*${A}`, 'gu'), build: min },
];

/** Bare amounts count only with a currency sign or word. */
const BARE = new RegExp(`${B}${A}`, 'gu');

/** Amounts below this without a currency are taken for something else ("under 5"). */
const MIN_PLAIN_AMOUNT = 10;

function amountOk(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = parseAmount(raw);
  if (value === undefined || value <= 0) return undefined;
  return value < MIN_PLAIN_AMOUNT && !hasCurrency(raw) ? undefined : value;
}

/** Codes that are not prices (order numbers, phones, models) must not be read as amounts. */
function inOtherCode(ctx: EntityContext, start: number, end: number): boolean {
  return ctx.tokens.some((t) => t.kind === 'code' && t.tag !== 'price' && t.tag !== undefined && start < t.end && end > t.start);
}

/** A price needs a digit or a Chinese numeral; most texts have neither. */
const HAS_NUMBER = new RegExp(`[\\d${ZH_NUMERAL_CHARS}]`, 'u');

export const extractPrices: EntityExtractor = (ctx: EntityContext) => {
  if (!HAS_NUMBER.test(ctx.norm)) return [];
  const found: { start: number; end: number; value: PriceRange }[] = [];
  const free = (s: number, e: number): boolean => !found.some((f) => s < f.end && e > f.start) && !inOtherCode(ctx, s, e);
  for (const { regex, build } of PATTERNS) {
    for (const m of allMatches(regex, ctx.norm)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const a = amountOk(m[1]);
      const b = m[2] === undefined ? 0 : amountOk(m[2]);
      if (a === undefined || b === undefined || !free(start, end)) continue;
      const value = build(a, b);
      if (value) found.push({ start, end, value });
    }
  }
  for (const m of allMatches(BARE, ctx.norm)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const a = hasCurrency(m[1] ?? '') ? amountOk(m[1]) : undefined;
    if (a !== undefined && free(start, end)) found.push({ start, end, value: around(a, 0) as PriceRange });
  }
  return found.sort((x, y) => x.start - y.start).map((f) => spanEntity(ctx, 'price', f.value, f.start, f.end));
};
