/**
 * @module nlp/entities/lexicon-entities
 * Entities found through the shop lexicon: brands (catalogue spelling), categories (slug) and
 * model numbers (catalogue spelling when the catalogue knows the model, else upper-cased).
 */
import type { Entity } from '../../core/nlu';
import type { EntityContext, EntityExtractor } from './entity-context';
import { spanEntity } from './entity-context';
import { compactModel } from './compiled-lexicon';

export const extractBrands: EntityExtractor = (ctx: EntityContext) =>
  ctx.lexicon.brands.match(ctx.norm, ctx.tokens).map((m) => spanEntity(ctx, 'brand', m.value, m.start, m.end));

export const extractCategories: EntityExtractor = (ctx: EntityContext) =>
  ctx.lexicon.categories.match(ctx.norm, ctx.tokens).map((m) => spanEntity(ctx, 'category', m.value, m.start, m.end));

export const extractModels: EntityExtractor = (ctx: EntityContext) => {
  const out: Entity[] = [];
  for (const t of ctx.tokens) {
    if (t.tag === 'model') out.push(spanEntity(ctx, 'model', ctx.lexicon.models.get(compactModel(t.norm)) ?? t.text.toUpperCase(), t.start, t.end));
  }
  return out;
};
