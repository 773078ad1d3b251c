/**
 * @module dialogs/context/follow-up
 * Reads a message in the context of the recent turns (issue 12): the intent it is answered as,
 * the card it points at, and the product constraints it stands for. The bot calls it once per
 * typed message outside a flow and hands the result to the handlers through the turn state;
 * `bench/follow-up-bench` scores the same function.
 */
import type { KefuRecognizerResult } from '../../core/nlu';
import type { KeywordMatcher } from '../../domain/keyword-matcher';
import type { ProductConstraints } from '../../services/recommender/constraints';
import { constraintsFrom, inheritConstraints } from './constraint-inheritance';
import { ellipticalIntent, familyOf, isProductEllipsis, UNSURE_SCORE } from './elliptical-follow-up';
import type { RecentContext } from './recent-context';
import { productsItMayMean, resolveReference, type Reference } from './reference-resolution';

export interface FollowUp {
  /** The intent to answer the message as. */
  intent: string;
  score: number;
  /** Which rule changed the classifier's intent or added a reference; absent: the message alone. */
  rule?: 'reference' | 'ellipsis';
  /** The card the message points at. */
  reference?: Reference;
  /** "It" among several product cards: the ids of the cards it may mean (the handler asks which one). */
  choices?: string[];
  /** For a product list: the constraints it stands for (inherited from the previous answer when it follows one). */
  constraints?: ProductConstraints;
}

export interface FollowUpInput {
  text: string;
  recognition: KefuRecognizerResult;
  recent?: RecentContext;
  /** Whether the text names one product of the catalogue. */
  namesProduct: (text: string) => boolean;
  /** The domain's keyword lists (`wordsOf(domain)`): refinements, "latest", ordinals, pronouns, follow-up cues, in stock, order words. */
  words: KeywordMatcher;
}

const QUESTION_ABOUT_ONE = new Set(['product.info', 'product.stock']);

/**
 * @example resolveFollowUp({ text: '要华为的', recognition, recent, namesProduct, words: wordsOf(domain) })
 * // { intent: 'product.recommend', rule: 'ellipsis', constraints: { category: 'laptops', price: { max: 5000 }, brand: 'Huawei' } }
 */
export function resolveFollowUp(input: FollowUpInput): FollowUp {
  const { text, recognition, recent, namesProduct, words } = input;
  const top = recognition.topIntent;
  const followUp = (intent: string, rule?: FollowUp['rule'], reference?: Reference): FollowUp => ({
    intent,
    score: top.score,
    ...(rule ? { rule } : {}),
    ...(reference ? { reference } : {}),
    ...(intent === 'product.recommend' ? { constraints: constraintsFor(input) } : {}),
  });
  const orderish = familyOf(top.name) === 'order';
  const reference = resolveReference(text, recent, orderish, words);
  if (reference?.kind === 'order' && orderish) return followUp(top.name, 'reference', reference);
  const productQuestion = familyOf(top.name) === 'product' || top.name === 'oos' || top.score < UNSURE_SCORE;
  // An ordinal points at a card whatever else the words match; "it" gives way to a product the message names.
  const pointed = words.ordinal(text) !== undefined || !namesProduct(text);
  if (reference?.kind === 'product' && productQuestion && words.refinement(text) === null && pointed) {
    return followUp(questionAboutOne(input), 'reference', reference);
  }
  // "Is it any good?" after four recommendations: which one? (A brand or category named is a change to the list.)
  const named = recognition.entities.some((e) => e.type === 'brand' || e.type === 'category' || e.type === 'price');
  const choices = reference === null && productQuestion && !named && words.refinement(text) === null && !namesProduct(text) ? productsItMayMean(text, recent, words) : null;
  if (choices) return { ...followUp(questionAboutOne(input), 'reference'), choices };
  // 有货吗 / "is it any good" right after a question about one product: still that product.
  const oneProduct = recent?.productIds[0];
  if (oneProduct && QUESTION_ABOUT_ONE.has(recent?.intent ?? '') && QUESTION_ABOUT_ONE.has(top.name) && !namesProduct(text)) {
    const named = recognition.entities.some((e) => e.type === 'brand' || e.type === 'category');
    if (!named) return followUp(top.name, 'reference', { kind: 'product', productId: oneProduct, position: 1 });
  }
  // "And the bialetti moka pot?" after a list: a question about that product, whatever the classifier guessed.
  if (familyOf(recent?.intent) === 'product' && (top.name === 'oos' || top.score < UNSURE_SCORE) && namesProduct(text)) {
    return followUp('product.info', 'ellipsis');
  }
  const elliptical = ellipticalIntent(text, recognition, recent, namesProduct, words);
  // Read in context, even when the context agrees with the classifier's first guess: the previous
  // turn settles a close call ("huawei ones please" after laptops is about laptops), so no clarifying question.
  if (elliptical) return followUp(elliptical, 'ellipsis');
  return followUp(top.name);
}

/**
 * What a question about one product asks: its stock (有现货吗, "is it in stock"), a shop's own
 * question the classifier is sure of ("它保修多久" as `product.warranty`), or about it.
 */
function questionAboutOne({ text, recognition, words }: FollowUpInput): string {
  const top = recognition.topIntent;
  const sure = top.score >= UNSURE_SCORE;
  if (words.inStock(text) || (top.name === 'product.stock' && sure)) return 'product.stock';
  return sure && familyOf(top.name) === 'product' && top.name !== 'product.recommend' ? top.name : 'product.info';
}

/** The constraints of a product list: inherited when the previous answer was about products. */
function constraintsFor({ text, recognition, recent, words }: FollowUpInput): ProductConstraints {
  const asked = constraintsFrom(recognition.entities);
  const follows = familyOf(recent?.intent) === 'product' && (isProductEllipsis(text, recognition, words) || words.followUpCue(text));
  return inheritConstraints(follows ? recent?.constraints : undefined, text, asked, words);
}
