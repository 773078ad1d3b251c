/**
 * @module services/faq/faq-retriever
 * Finds the FAQ that answers a shopper's question: BM25 per language over each FAQ's phrasings
 * (the best phrasing counts) plus, with a lower weight, its answer. The score is turned into a
 * confidence by dividing by the query's self-score (what a phrasing identical to the query
 * would get), so `best` can say "nothing fits" with one threshold for any shop and language.
 * That word-level confidence is blended with a meaning-level one (`semantic-index.ts`: shop
 * synonyms in both languages and associations learned from paraphrase pairs), so a question that
 * shares few words with any phrasing still finds its FAQ.
 */
import type { TextAnalyzer } from '../../core/nlu';
import { LOCALES, localize, type Faq, type Locale } from '../../core/shop';
import { createLogger } from '../../log';
import { Bm25Index, type Bm25Options } from './bm25-index';
import { withHanSubwords } from './han-subwords';
import { SemanticIndex } from './semantic-index';
import { shippedAssociations, type TermAssociations } from './term-associations';

const log = createLogger('kefu:services:faq');

const SEMANTIC_WEIGHT = 0.7;

export interface FaqHit {
  faq: Faq;
  /**
   * The blend of BM25 (questions + answerWeight · answer, relative to the query's self-score) and
   * the semantic similarity, times `tagBoost` for tagged FAQs: the ranking key.
   */
  score: number;
  /** `score` capped at 1: in [0, 1]. */
  confidence: number;
}

export interface FaqSearchOptions {
  /** FAQs carrying any of these tags are preferred (score and confidence × `tagBoost`). */
  tags?: readonly string[];
  /** @default 5 */
  limit?: number;
}

export interface FaqRetrieverOptions extends Bm25Options {
  /** Weight of the answer text relative to the questions. @default 0.3 */
  answerWeight?: number;
  /**
   * Lowest confidence `best` accepts. @default 0.3 — chosen with `semanticWeight` and the semantic
   * index's weights on the demo shop's dev paraphrases (`test/fixtures/faq-paraphrases/demo-shop.json`,
   * 150 paraphrases, 14 unrelated questions, zh and en; `npm run bench`, `test/reports/bench-faq.md`):
   * the best recall@1 with every unrelated question left unanswered. (BM25 alone used 0.2.)
   */
  threshold?: number;
  /** Multiplier for FAQs carrying a requested tag. @default 1.5 */
  tagBoost?: number;
  /**
   * Learned associations for the semantic part: the shipped table by default, `null` for synonyms
   * and characters only.
   */
  associations?: TermAssociations | null;
  /** Share of the semantic similarity in the confidence (0 = BM25 only). @default 0.7 */
  semanticWeight?: number;
  /** Weight of a learned association relative to the feature itself. @default 0.5 */
  expansion?: number;
  /** Weight of a shop-synonym concept relative to a character. @default 3 */
  conceptWeight?: number;
}

/** One language's indexes: `questions` holds one document per phrasing, `answers` one per FAQ. */
interface LocaleIndex {
  questions: Bm25Index;
  /** question document → FAQ position */
  owner: number[];
  answers: Bm25Index;
  /** One document per phrasing, in the order of `questions`. */
  semantic: SemanticIndex | null;
}

/**
 * @example
 * const faq = new FaqRetriever(shop.faq, analyzer);
 * faq.best('多久能发货', 'zh', { tags: ['shipping'] })?.faq.id
 */
export class FaqRetriever {
  private readonly indexes = new Map<Locale, LocaleIndex>();
  private readonly answerWeight: number;
  private readonly threshold: number;
  private readonly tagBoost: number;
  private readonly semanticWeight: number;

  constructor(
    private readonly faqs: readonly Faq[],
    private readonly analyzer: TextAnalyzer,
    options: FaqRetrieverOptions = {},
  ) {
    this.answerWeight = options.answerWeight ?? 0.3;
    this.threshold = options.threshold ?? 0.3;
    this.tagBoost = options.tagBoost ?? 1.5;
    this.semanticWeight = options.semanticWeight ?? SEMANTIC_WEIGHT;
    for (const locale of LOCALES) this.indexes.set(locale, this.buildIndex(locale, options));
    log.debug('indexed %s faqs', faqs.length);
  }

  /**
   * FAQs matching the query, best first; FAQs sharing no term with it are left out.
   * @example faq.search('how long does delivery take', 'en', { limit: 3 })
   */
  search(query: string, locale: Locale, options: FaqSearchOptions = {}): FaqHit[] {
    const index = this.indexes.get(locale)!;
    const terms = this.terms(query, locale);
    const self = terms.length > 0 ? index.questions.selfScore(terms) : 0;

    /** FAQ position → confidence from BM25, in [0, 1] before the tag boost */
    const lexical = new Map<number, number>();
    if (self > 0) {
      for (const [doc, s] of index.questions.score(terms)) {
        const f = index.owner[doc];
        lexical.set(f, Math.max(lexical.get(f) ?? 0, s));
      }
      for (const [f, s] of index.answers.score(terms)) lexical.set(f, (lexical.get(f) ?? 0) + this.answerWeight * s);
      for (const [f, s] of lexical) lexical.set(f, Math.min(1, s / self));
    }
    const semantic = new Map<number, number>();
    if (index.semantic && this.semanticWeight > 0) {
      index.semantic.similarities(query).forEach((sim, doc) => {
        const f = index.owner[doc];
        if (sim > (semantic.get(f) ?? 0)) semantic.set(f, sim);
      });
    }

    const tags = new Set(options.tags ?? []);
    const hits: FaqHit[] = [];
    for (const f of new Set([...lexical.keys(), ...semantic.keys()])) {
      const faq = this.faqs[f];
      const boost = faq.tags?.some((t) => tags.has(t)) ? this.tagBoost : 1;
      const blend = (1 - this.semanticWeight) * (lexical.get(f) ?? 0) + this.semanticWeight * (semantic.get(f) ?? 0);
      if (blend <= 0) continue;
      hits.push({ faq, score: blend * boost, confidence: Math.min(1, blend * boost) });
    }
    hits.sort((a, b) => b.score - a.score || (a.faq.id < b.faq.id ? -1 : a.faq.id > b.faq.id ? 1 : 0));
    return hits.slice(0, options.limit ?? 5);
  }

  /**
   * The best FAQ whose confidence reaches the threshold, or `null` when none fits.
   * @example faq.best('今天天气怎么样', 'zh') // null
   */
  best(query: string, locale: Locale, options: Omit<FaqSearchOptions, 'limit'> = {}): FaqHit | null {
    const hits = this.search(query, locale, { ...options, limit: this.faqs.length });
    return hits.find((h) => h.confidence >= this.threshold) ?? null;
  }

  private terms(text: string, locale: Locale): string[] {
    return withHanSubwords(this.analyzer.terms(text, locale));
  }

  private buildIndex(locale: Locale, options: FaqRetrieverOptions): LocaleIndex {
    const index: LocaleIndex = { questions: new Bm25Index(options), owner: [], answers: new Bm25Index(options), semantic: null };
    const texts: string[] = [];
    this.faqs.forEach((faq, f) => {
      // Phrasings in this language ("zh", "zh-CN", "zh-Hans" all count as zh); an FAQ written
      // only in the other language still gets indexed.
      const own = Object.entries(faq.questions)
        .filter(([tag]) => primaryLanguage(tag) === locale)
        .flatMap(([, list]) => list);
      const phrasings = own.length > 0 ? own : Object.values(faq.questions).flat();
      for (const q of phrasings) {
        index.questions.add(this.terms(q, locale));
        index.owner.push(f);
        texts.push(q);
      }
      index.answers.add(this.terms(answerText(faq, locale), locale));
    });
    if ((options.semanticWeight ?? SEMANTIC_WEIGHT) > 0) {
      const associations = options.associations === undefined ? shippedAssociations() : options.associations;
      index.semantic = new SemanticIndex(texts, associations, { expansion: options.expansion, conceptWeight: options.conceptWeight });
    }
    return index;
  }
}

/** "zh-CN" → "zh" */
function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0].toLowerCase();
}

/** The answer in the locale, accepting region-tagged keys ("en-US"). */
function answerText(faq: Faq, locale: Locale): string {
  if (typeof faq.answer === 'string') return faq.answer;
  const own = Object.entries(faq.answer).find(([tag]) => primaryLanguage(tag) === locale);
  return own ? own[1] : localize(faq.answer, locale);
}
