/**
 * @module nlp/entities/entity-context
 * What every entity extractor reads: the original text, its normalised twin (same length, so
 * offsets agree), its tokens and the compiled shop lexicon.
 */
import type { Entity } from '../../core/nlu';
import type { NluToken } from '../token-types';
import type { CompiledLexicon } from './compiled-lexicon';

export interface EntityContext {
  text: string;
  norm: string;
  tokens: readonly NluToken[];
  lexicon: CompiledLexicon;
}

/** One entity type's extractor. */
export type EntityExtractor = (ctx: EntityContext) => Entity[];

/** Builds an entity from a span of the original text. */
export function spanEntity(ctx: EntityContext, type: Entity['type'], value: Entity['value'], start: number, end: number): Entity {
  return { type, value, text: ctx.text.slice(start, end), start, end };
}
