/**
 * @module nlp/sentiment/subjectivity-examples
 * Training data for the Chinese subjectivity gate: does a message voice an opinion at all? The
 * review sets only hold opinions, so a polarity model trained on them alone reads "我的订单到哪了"
 * as a bad review (订单, 到哪了 occur in complaints): P(positive) 0.01. The gate learns opinion
 * (short reviews, kefu's own complaint and thanks utterances) against neutral shop talk (kefu's
 * other zh training utterances in `intents/`, questions and requests), in the manner of Pang &
 * Lee's subjectivity-then-polarity pipeline (2004).
 */
import type { IntentExample } from '../corpus-types';
import type { SentimentExample } from './sentiment-types';

export type SubjectivityLabel = 'opinion' | 'neutral';

/** The built-in intents whose utterances voice an opinion (the rest are requests and questions). */
export const OPINION_INTENTS: readonly string[] = ['complaint', 'smalltalk.thanks'];

/** Reviews longer than this are left out: chat messages are short, and length alone should not say "opinion". */
export const SHORT_REVIEW_CHARS = 40;

/**
 * @param reviews labelled reviews (any polarity)
 * @param utterances kefu's intent training utterances (zh)
 * @param opinionIntents the intents of those utterances that voice an opinion (a domain with other intent names passes its own)
 * @example subjectivityExamples(reviews, loadIntentCorpus('intents').train.filter((e) => e.locale === 'zh'))
 */
export function subjectivityExamples(
  reviews: readonly SentimentExample[],
  utterances: readonly IntentExample[],
  opinionIntents: readonly string[] = OPINION_INTENTS,
): { text: string; label: SubjectivityLabel }[] {
  const opinion = new Set(opinionIntents);
  const opinions = reviews.filter((r) => [...r.text].length <= SHORT_REVIEW_CHARS).map((r) => ({ text: r.text, label: 'opinion' as const }));
  const talk = utterances.map((u) => ({ text: u.text, label: opinion.has(u.intent) ? ('opinion' as const) : ('neutral' as const) }));
  return [...opinions, ...talk];
}
