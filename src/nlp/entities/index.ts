/**
 * @module nlp/entities
 * All entity extractors, run in priority order; an entity that overlaps one found earlier is
 * dropped (a phone number is not also a price, a brand word not also a category).
 */
import type { Entity } from '../../core/nlu';
import type { ShopLexicon } from '../lexicon-types';
import type { NluToken } from '../token-types';
import type { EntityExtractor } from './entity-context';
import { normalizeText } from '../normalize';
import { compileLexicon } from './compiled-lexicon';
import { extractOrderIds, extractPhones, extractEmails } from './code-entities';
import { extractPrices } from './price';
import { extractQuantities } from './quantity';
import { extractBrands, extractCategories, extractModels } from './lexicon-entities';

/** In priority order. */
const EXTRACTORS: readonly EntityExtractor[] = [
  extractOrderIds, extractPhones, extractEmails, extractPrices, extractModels, extractQuantities, extractBrands, extractCategories,
];

/**
 * @param norm `normalizeText(text)`, when the caller has it already (`tokenizeText`)
 * @example
 * extractEntities('3000以内的华为手机', tokenize('3000以内的华为手机'), lexicon)
 * // [{type:'price', value:{max:3000}…}, {type:'brand', value:'华为'…}, {type:'category', value:'phones'…}]
 */
export function extractEntities(text: string, tokens: readonly NluToken[], lexicon: ShopLexicon, norm = normalizeText(text)): Entity[] {
  const ctx = { text, norm, tokens, lexicon: compileLexicon(lexicon) };
  const kept: Entity[] = [];
  for (const extract of EXTRACTORS) {
    for (const e of extract(ctx)) {
      if (!kept.some((k) => e.start < k.end && e.end > k.start)) kept.push(e);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

export { compileLexicon } from './compiled-lexicon';
export type { CompiledLexicon } from './compiled-lexicon';
