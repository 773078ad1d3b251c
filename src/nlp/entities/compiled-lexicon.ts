/**
 * @module nlp/entities/compiled-lexicon
 * A shop lexicon turned into matchers, built once per lexicon object and cached.
 */
import type { ShopLexicon } from '../lexicon-types';
import { PhraseMatcher } from '../phrase-matcher';
import { normalizeText } from '../normalize';

export interface CompiledLexicon {
  /** Alias → brand as the catalogue spells it. */
  brands: PhraseMatcher<string>;
  /** Word → category slug. */
  categories: PhraseMatcher<string>;
  /** Model number without separators (`wh1000xm5`) → as written in the catalogue. */
  models: ReadonlyMap<string, string>;
}

/** A model number reduced to letters and digits, for matching however it is typed. */
export function compactModel(model: string): string {
  return normalizeText(model).replace(/[^a-z0-9]/g, '');
}

const cache = new WeakMap<ShopLexicon, CompiledLexicon>();

/** @example compileLexicon(lexicon).brands.match(norm, tokens) */
export function compileLexicon(lexicon: ShopLexicon): CompiledLexicon {
  const hit = cache.get(lexicon);
  if (hit) return hit;
  const brands = new PhraseMatcher<string>();
  for (const b of lexicon.brands) for (const a of b.aliases) brands.add(a, b.name);
  const categories = new PhraseMatcher<string>();
  for (const c of lexicon.categories) for (const w of c.words) categories.add(w, c.slug);
  const models = new Map<string, string>();
  for (const p of lexicon.products) for (const m of p.models) if (!models.has(compactModel(m))) models.set(compactModel(m), m);
  const compiled = { brands, categories, models };
  cache.set(lexicon, compiled);
  return compiled;
}
