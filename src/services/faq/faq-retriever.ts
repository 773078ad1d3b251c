/**
 * @module services/faq/faq-retriever
 * Finds the FAQ that answers a shopper's question: BM25 per language over each FAQ's phrasings
 * (the best phrasing counts) plus, with a lower weight, its answer. The score is turned into a
 * confidence by dividing by the query's self-score (what a phrasing identical to the query
 * would get), so `best` can say "nothing fits" with one threshold for any shop and language.
 */
import type { TextAnalyzer } from '../../core/nlu';
import { LOCALES, localize, type Faq, type Locale } from '../../core/shop';
import { createLogger } from '../../log';
import { Bm25Index, type Bm25Options } from './bm25-index';
import { withHanSubwords } from './han-subwords';

const log = createLogger('kefu:services:faq');

export interface FaqHit {
  faq: Faq;
  /** BM25 (questions + answerWeight · answer), times `tagBoost` for tagged FAQs. */
  score: number;
  /** Score relative to the query's self-score, in [0, 1]. */
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
   * Lowest confidence `best` accepts. @default 0.2 — chosen on the demo shop's 25 FAQs with
   * 54 paraphrases (none of them a stored phrasing) and 20 unrelated questions, zh and en: the
   * correct FAQ scored ≥ 0.24 in all but one case, while unrelated questions scored ≤ 0.17 except
   * those sharing one content word with an FAQ ("how long is a marathon", 0.36–0.49), which no
   * threshold separates from short genuine questions ("包邮吗") without losing many of them.
   */
  threshold?: number;
  /** Multiplier for FAQs carrying a requested tag. @default 1.5 */
  tagBoost?: number;
}

/** One language's indexes: `questions` holds one document per phrasing, `answers` one per FAQ. */
interface LocaleIndex {
  questions: Bm25Index;
  /** question document → FAQ position */
  owner: number[];
  answers: Bm25Index;
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

  constructor(
    private readonly faqs: readonly Faq[],
    private readonly analyzer: TextAnalyzer,
    options: FaqRetrieverOptions = {},
  ) {
    this.answerWeight = options.answerWeight ?? 0.3;
    this.threshold = options.threshold ?? 0.2;
    this.tagBoost = options.tagBoost ?? 1.5;
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
    if (terms.length === 0) return [];
    const self = index.questions.selfScore(terms);
    if (self <= 0) return [];

    const questionScores = new Map<number, number>();
    for (const [doc, s] of index.questions.score(terms)) {
      const f = index.owner[doc];
      questionScores.set(f, Math.max(questionScores.get(f) ?? 0, s));
    }
    const combined = new Map(questionScores);
    for (const [f, s] of index.answers.score(terms)) combined.set(f, (combined.get(f) ?? 0) + this.answerWeight * s);

    const tags = new Set(options.tags ?? []);
    const hits: FaqHit[] = [];
    for (const [f, raw] of combined) {
      const faq = this.faqs[f];
      const boost = faq.tags?.some((t) => tags.has(t)) ? this.tagBoost : 1;
      hits.push({ faq, score: raw * boost, confidence: Math.min(1, (raw / self) * boost) });
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

  private buildIndex(locale: Locale, options: Bm25Options): LocaleIndex {
    const index: LocaleIndex = { questions: new Bm25Index(options), owner: [], answers: new Bm25Index(options) };
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
      }
      index.answers.add(this.terms(answerText(faq, locale), locale));
    });
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
