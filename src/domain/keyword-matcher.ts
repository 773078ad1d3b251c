/**
 * @module domain/keyword-matcher
 * The domain's keyword lists as matchers. A list matches in any language (a shopper may answer
 * "ok" in a Chinese conversation); Latin words match whole words only ("no" is not "note"),
 * Chinese words anywhere they occur.
 */
import { LOCALES } from '../core/shop';
import { ORDINAL_LISTS, type Domain, type KeywordListName, type Keywords } from './types';

/** How a list is matched: the whole message (punctuation after it aside), its start, or anywhere. */
export type KeywordMode = 'whole' | 'start' | 'contains';

/** What "cheaper / more / pricier" a message asks of the last recommendation. */
export type RefinementWord = 'cheaper' | 'pricier' | 'more';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word as a pattern: Latin edges are word boundaries, spaces match any run of spaces. */
function wordPattern(word: string): string {
  const body = escape(word.trim()).replace(/\s+/g, '\\s+');
  return `${/^\w/.test(word.trim()) ? '\\b' : ''}${body}${/\w$/.test(word.trim()) ? '\\b' : ''}`;
}

export class KeywordMatcher {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly keywords: Keywords) {}

  /**
   * @example new KeywordMatcher(domain.keywords).matches('stop', 'never mind!', 'whole') // true
   */
  matches(list: KeywordListName, text: string, mode: KeywordMode): boolean {
    return this.pattern(list, mode).test(text);
  }

  /** Whether the message is only a "never mind" (`stop`). */
  stop(text: string): boolean {
    return this.matches('stop', text, 'whole');
  }

  /** true, false, or null when the message starts with neither a `yes` nor a `no` word (no first: "不要" is no). */
  yesNo(text: string): boolean | null {
    if (this.matches('no', text, 'start')) return false;
    if (this.matches('yes', text, 'start')) return true;
    return null;
  }

  /** Whether the message asks for the latest order ("最近的", "my last order"). */
  latest(text: string): boolean {
    return this.matches('latest', text, 'contains');
  }

  /** "cheaper" / "pricier" / "more" asked of the last recommendation, in that order of precedence; null when none. */
  refinement(text: string): RefinementWord | null {
    if (this.matches('refineCheaper', text, 'contains')) return 'cheaper';
    if (this.matches('refinePricier', text, 'contains')) return 'pricier';
    if (this.matches('refineMore', text, 'contains')) return 'more';
    return null;
  }

  /**
   * The position a message points at with an ordinal (`ordinalFirst`…`ordinalLast`): 1-based, or
   * -1 for "the last one"; undefined without one.
   * @example words.ordinal('第二个拍照咋样') // 2
   */
  ordinal(text: string): number | undefined {
    const found = (Object.keys(ORDINAL_LISTS) as (keyof typeof ORDINAL_LISTS)[]).find((list) => this.matches(list, text, 'contains'));
    return found ? ORDINAL_LISTS[found] : undefined;
  }

  /** Whether the message points at a card with a pronoun (`pronoun`: 它, 这款, "it", "that one"). */
  pronoun(text: string): boolean {
    return this.matches('pronoun', text, 'contains');
  }

  /** Whether the message changes the last request rather than making a new one (`followUpCue`: 呢, 只要, "what about"). */
  followUpCue(text: string): boolean {
    return this.matches('followUpCue', text, 'contains');
  }

  /** Whether the message asks for what is in stock (`inStock`: 有现货, "in stock"). */
  inStock(text: string): boolean {
    return this.matches('inStock', text, 'contains');
  }

  /** Whether the message speaks of an order (`orderWord`: 订单, 包裹, "parcel"). */
  orderWord(text: string): boolean {
    return this.matches('orderWord', text, 'contains');
  }

  private pattern(list: KeywordListName, mode: KeywordMode): RegExp {
    const key = `${list}:${mode}`;
    let re = this.patterns.get(key);
    if (!re) {
      // Longest first, so "是的" is tried before "是".
      const words = LOCALES.flatMap((l) => this.keywords[list][l]).sort((a, b) => b.length - a.length);
      const any = `(?:${words.map(wordPattern).join('|')})`;
      const source = mode === 'whole' ? `^\\s*${any}\\s*[。.!！]*\\s*$` : mode === 'start' ? `^\\s*${any}` : any;
      re = new RegExp(source, 'i');
      this.patterns.set(key, re);
    }
    return re;
  }
}

const matchers = new WeakMap<Domain, KeywordMatcher>();

/** The domain's keyword matcher (built once per domain). */
export function wordsOf(domain: Domain): KeywordMatcher {
  let m = matchers.get(domain);
  if (!m) {
    m = new KeywordMatcher(domain.keywords);
    matchers.set(domain, m);
  }
  return m;
}
