/**
 * @module bench/chat-path-turn
 * What the chat does with one typed shopper message before any dialog runs: intent, entities and
 * sentiment, as `KefuBot` gets them from the engine `app.ts` builds (`chatPathEngine`: the
 * engine scores the sentiment on its own reading of the message) — `recognize`, then the
 * sentiment the recognition carries or, for a recogniser without one, `analyzeSentiment` on the
 * text. The chat-path bench times it.
 */
import type { KefuRecognizerResult, MessageSentiment } from '../core/nlu';
import type { NluEngine } from '../nlp/nlu-engine';
import { analyzeSentiment, shippedSentimentAnalyzer } from '../nlp/sentiment/analyze-sentiment';

/** The engine as `app.ts` sets it up for the chat: recognitions carry the shipped sentiment. */
export function chatPathEngine(engine: NluEngine): NluEngine {
  return engine.scoreSentimentWith(shippedSentimentAnalyzer().scoreTokenized);
}

/** One message through the chat path: the recognition with its sentiment. */
export function chatPathTurn(engine: NluEngine, text: string): KefuRecognizerResult & { sentiment: MessageSentiment } {
  const recognition = engine.recognizeSync(text);
  recognition.sentiment ??= analyzeSentiment(text, recognition.locale);
  return recognition as KefuRecognizerResult & { sentiment: MessageSentiment };
}
