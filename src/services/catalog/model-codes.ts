/**
 * @module services/catalog/model-codes
 * Model numbers of a product: attributes whose key names a model (`model`, `型号`, `sku`, `mpn`),
 * and code-like words of its titles (letters and digits mixed, dashes allowed: "WH-1000XM5",
 * "A2337", "RTX4060"), but not specifications, a number with a unit ("256GB", "5G", "50ml",
 * "2.8K"), which many products share. Returned in compact form.
 */
import { localizedValues } from './localized-values';
import type { Product } from '../../core/shop';
import { compact } from './char-ngrams';

const MODEL_KEY = /model|型号|sku|mpn|part/i;
const CODE = /[\p{L}\p{N}]+(?:[-_./][\p{L}\p{N}]+)*/gu;
const SPEC = /^\d+(?:[.,]\d+)?[a-z]{1,3}$/;

/** @example modelCodes({ title: 'Sony WH-1000XM5', ... }) // ['wh1000xm5'] */
export function modelCodes(product: Product): string[] {
  const codes = new Set<string>();
  for (const [key, value] of Object.entries(product.attributes ?? {})) {
    if (!MODEL_KEY.test(key)) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (compact(String(v))) codes.add(compact(String(v)));
  }
  for (const title of localizedValues(product.title)) {
    // Latin runs only: a Han word next to digits ("13英寸") is not a model number.
    for (const word of title.normalize('NFKC').match(CODE) ?? []) {
      for (const part of word.split(/\p{Script=Han}+/u)) {
        const c = compact(part);
        const spec = SPEC.test(part.toLowerCase());
        if (c.length >= 2 && !spec && /\p{L}/u.test(c) && /\p{N}/u.test(c)) codes.add(c);
      }
    }
  }
  return [...codes];
}
