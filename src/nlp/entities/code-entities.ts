/**
 * @module nlp/entities/code-entities
 * Entities that the tokenizer already isolated as code tokens: order numbers (upper-cased),
 * phone numbers (digits only; a +86/0086 prefix of a Chinese mobile is dropped, as shops store
 * the 11 digits) and e-mail addresses (lower-cased).
 */
import type { Entity } from '../../core/nlu';
import type { EntityContext, EntityExtractor } from './entity-context';
import type { TokenTag } from '../token-types';
import { spanEntity } from './entity-context';

function fromTag(tag: TokenTag, type: Entity['type'], value: (norm: string) => string): EntityExtractor {
  // A loop rather than filter + map (banking77 dev: 90 → 77 ns per extractor and message).
  return (ctx: EntityContext) => {
    const out: Entity[] = [];
    for (const t of ctx.tokens) if (t.tag === tag) out.push(spanEntity(ctx, type, value(t.norm), t.start, t.end));
    return out;
  };
}

/** `dd20261101008` → `DD20261101008` */
export const extractOrderIds = fromTag('order_id', 'orderId', (n) => n.toUpperCase());

/** `+86 138-0013-8000` → `13800138000` */
export const extractPhones = fromTag('phone', 'phone', (n) => {
  const digits = n.replace(/\D/g, '');
  const cn = /^(?:0086|86)(1[3-9]\d{9})$/.exec(digits);
  return cn ? (cn[1] as string) : digits;
});

export const extractEmails = fromTag('email', 'email', (n) => n);
