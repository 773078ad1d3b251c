/**
 * @module nlp/sentiment/read-sentiment-examples
 * Reads JSON Lines `{"text", "label": "positive" | "negative"}` for `kefu eval --task sentiment`;
 * a bad line names file and line and stops, and an empty file is an error, not a zero score.
 */
import fs from 'node:fs';
import type { SentimentExample } from './sentiment-types';

export function readSentimentExamples(file: string): SentimentExample[] {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
  const examples: SentimentExample[] = [];
  fs.readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      const { text, label } = (record ?? {}) as Record<string, unknown>;
      if (typeof text !== 'string' || text.trim() === '' || (label !== 'positive' && label !== 'negative')) {
        throw new Error(`${file}:${i + 1}: each line must be {"text": string, "label": "positive" | "negative"}`);
      }
      examples.push({ text, label });
    });
  if (examples.length === 0) throw new Error(`${file}: no examples (an empty file is an error, not a zero score)`);
  return examples;
}
