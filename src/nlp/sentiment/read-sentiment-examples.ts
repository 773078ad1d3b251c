/**
 * @module nlp/sentiment/read-sentiment-examples
 * Reads JSON Lines `{"text", "label": "positive" | "negative"}` for `kefu eval --task sentiment`;
 * a bad line names file and line and stops, and an empty file is an error, not a zero score.
 */
import { readJsonLines } from '../read-json-lines';
import type { SentimentExample } from './sentiment-types';

export function readSentimentExamples(file: string): SentimentExample[] {
  return readJsonLines(
    file,
    ({ text, label }) =>
      typeof text !== 'string' || text.trim() === '' || (label !== 'positive' && label !== 'negative') ? null : { text, label },
    '{"text": string, "label": "positive" | "negative"}',
  );
}
