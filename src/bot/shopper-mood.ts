/**
 * @module bot/shopper-mood
 * What the bot remembers of a shopper's mood between turns (issue 11): the anger of their last
 * few messages, so that a handoff asked for calmly right after an angry message still goes to
 * the front of the queue, and which empathy sentence it opened with last, so that an angry
 * shopper does not read the same sentence twice in a row.
 */
import type { MessageSentiment } from '../core/nlu';
import type { Locale } from '../core/shop';

/** The conversation-state property the mood is kept in. */
export const MOOD_PROPERTY = 'mood';

/** How many of the shopper's latest messages count as "recent" for the handoff's priority. */
export const RECENT_TURNS = 3;

export interface ShopperMood {
  /** Anger of the shopper's latest messages (postbacks not counted), oldest first, at most `RECENT_TURNS`. */
  recentAnger?: number[];
  /** Index of the empathy variant the bot opened with last. */
  lastEmpathy?: number;
}

/** What the replies' `channelData.sentiment` records: the scores (three decimals), and whether the bot took the shopper as angry. */
export interface TranscriptSentiment extends MessageSentiment {
  angry: boolean;
}

export function sentimentForTranscript(s: MessageSentiment, threshold: number): TranscriptSentiment {
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  return { label: s.label, score: round(s.score), anger: round(s.anger), angry: s.anger >= threshold };
}

/** Records one message's anger; resolves whether the shopper is angry now or was in a recent message. */
export function noteAnger(mood: ShopperMood, anger: number | undefined, threshold: number): boolean {
  if (anger !== undefined) mood.recentAnger = [...(mood.recentAnger ?? []), anger].slice(-RECENT_TURNS);
  return (mood.recentAnger ?? []).some((a) => a >= threshold);
}

/**
 * The empathy sentence to open with: the variant after the last one used (so never the same
 * twice in a row), recorded in `mood`.
 */
export function nextEmpathy(mood: ShopperMood, variants: readonly string[]): string {
  const index = mood.lastEmpathy === undefined ? 0 : (mood.lastEmpathy + 1) % variants.length;
  mood.lastEmpathy = index;
  return variants[index] ?? '';
}

/** `reply` opened with `empathy`: Chinese runs on, English takes a space. */
export function withEmpathy(empathy: string, reply: string | undefined, locale: Locale): string {
  if (!reply) return empathy;
  return locale === 'zh' ? `${empathy}${reply}` : `${empathy} ${reply}`;
}
