/**
 * @module nlp/catalogue-classes
 * Brand and category words as classes for the intent features: "有小米的充电宝吗" and
 * "有杰里猫的玩偶吗" are one question to the classifier, `有 <brand> 的 …`, whichever shop sells
 * which brand. The words come from the shop's lexicon (its brands with their aliases, its category
 * words) and from the built-in names of every known brand and product kind, so the built-in
 * training lines, written with brands like 小米 and Sony, teach the pattern to a bookshop too.
 *
 * A tagged token keeps its own word feature beside the class (`nlp/classifier/features`), so a
 * brand that is also a word ("Apple", "Coach") still reads as itself. Phrases are matched on
 * token norms, longest first, so they match however the segmenter cut them and in stemmed English.
 */
import builtinBrands from './lexicon-data/brands.json';
import { GENERIC_CATEGORIES } from './generic-categories';
import type { ShopLexicon } from './lexicon-types';
import type { CatalogueTag, NluToken } from './token-types';
import { tokenize } from './tokenizer';

type CatalogueClass = CatalogueTag;

/** Built-in brand names that are mostly ordinary words in chat (石头 a stone, 美的 "beautiful"…): never a class. */
const ORDINARY_WORDS = new Set(['石头', '北面', '美的', '真我', '一加', '富士', '荣耀']);

/** Phrases longer than this many tokens are not matched. */
const MAX_PHRASE = 4;

const SEP = '\u0001';

/** Token norms of a phrase → its class; built for one lexicon (after the segmenter learned its words). */
export class CatalogueClasses {
  private readonly phrases = new Map<string, CatalogueClass>();
  /** Norms that start some phrase: most tokens start none, and skip the lookups. */
  private readonly starts = new Set<string>();

  constructor(lexicon: ShopLexicon) {
    // Categories first: a word that names both (a shop brand called "Books") reads as a brand.
    for (const g of GENERIC_CATEGORIES) for (const w of g.words) this.add(w, 'category');
    for (const c of lexicon.categories) for (const w of c.words) this.add(w, 'category');
    for (const b of builtinBrands.brands as { zh: string[]; en: string[] }[]) {
      for (const name of [...b.zh, ...b.en]) if (!ORDINARY_WORDS.has(name)) this.add(name, 'brand');
    }
    for (const b of lexicon.brands) for (const name of [b.name, ...b.aliases]) this.add(name, 'brand');
  }

  private add(phrase: string, cls: CatalogueClass): void {
    const norms = tokenize(phrase).filter((t) => t.kind !== 'punct').map((t) => t.norm);
    if (norms.length === 0 || norms.length > MAX_PHRASE) return;
    this.phrases.set(norms.join(SEP), cls);
    this.starts.add(norms[0] as string);
  }

  /**
   * The tokens with each brand or category word tagged with its class (copies; the input is
   * untouched, and the same array comes back when nothing matched).
   * @example classes.tag(tokenize('有小米的充电宝吗')) // 小米 tagged 'brand', 充电宝's tokens 'category'
   */
  tag(tokens: readonly NluToken[]): readonly NluToken[] {
    let out: NluToken[] | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i] as NluToken;
      if (first.tag || !this.starts.has(first.norm)) continue;
      const found = this.longestAt(tokens, i);
      if (!found) continue;
      out ??= tokens.slice();
      for (let k = i; k < i + found.length; k++) out[k] = { ...(tokens[k] as NluToken), tag: found.cls };
      i += found.length - 1;
    }
    return out ?? tokens;
  }

  private longestAt(tokens: readonly NluToken[], i: number): { length: number; cls: CatalogueClass } | undefined {
    let key = '';
    let best: { length: number; cls: CatalogueClass } | undefined;
    for (let j = i; j < i + MAX_PHRASE && j < tokens.length; j++) {
      const t = tokens[j] as NluToken;
      if (t.tag || t.kind === 'punct') break;
      key = j === i ? t.norm : key + SEP + t.norm;
      const cls = this.phrases.get(key);
      if (cls) best = { length: j - i + 1, cls };
    }
    return best;
  }
}
