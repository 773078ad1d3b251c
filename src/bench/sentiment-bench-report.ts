/**
 * @module bench/sentiment-bench-report
 * The shape of `test/reports/bench-sentiment.json` and its Markdown twin.
 */

export interface SentimentBenchRow {
  dataset: string;
  system: string;
  n: number;
  /** Null when the system does not read the language. */
  accuracy: number | null;
  macroF1: number | null;
  predictPerSecond: number | null;
  note: string;
}

export interface SentimentBenchReport {
  date: string;
  machine: string;
  commit: string;
  /** The shipped model's meta (training sets, date, dev accuracy). */
  model: Record<string, unknown>;
  rows: SentimentBenchRow[];
  /** kefu's `analyzeSentiment` on chat messages (intent dev lists). */
  chat: { locale: string; n: number; predictPerSecond: number; microseconds: number; tokensGivenMicroseconds: number; neutral: number; negative: number; positive: number }[];
}

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function sentimentBenchMarkdown(r: SentimentBenchReport): string {
  const lines = [
    '# bench:sentiment',
    '',
    `Run ${r.date} on ${r.machine}, commit ${r.commit}. Written by \`npm run bench:sentiment\` (\`src/bench/sentiment-bench.ts\`).`,
    '',
    'Dev splits of `../shared/datasets` (the test splits are kept back for acceptance) and kefu\'s own 100 English shopper reviews (`test/fixtures/sentiment/en-shopper-reviews.jsonl`). Every system is scored alike: a polarity ≥ 0 counts as positive. Predictions/s: one prediction at a time in one process, the fastest of three timed passes after a warm-up, on a shared 2-core machine (compare rows of one run).',
    '',
    '| dataset | n | system | accuracy | macro-F1 | predictions/s | note |',
    '|---|---|---|---|---|---|---|',
    ...r.rows.map((x) => `| ${x.dataset} | ${x.n} | ${x.system} | ${pct(x.accuracy)} | ${pct(x.macroF1)} | ${x.predictPerSecond?.toLocaleString('en-US') ?? '—'} | ${x.note} |`),
    '',
    '## kefu on chat messages',
    '',
    '`analyzeSentiment` on the intent dev lists `intents/dev/<locale>.jsonl`, tokenizer included, and `analyzeSentimentTokens` on tokens made beforehand (the chat path hands over the intent recogniser\'s tokens, so this is what sentiment adds to a turn); and how plain shop talk is labelled.',
    '',
    '| locale | messages | predictions/s | µs per message | µs with tokens given | neutral | negative | positive |',
    '|---|---|---|---|---|---|---|---|',
    ...r.chat.map((c) => `| ${c.locale} | ${c.n} | ${c.predictPerSecond.toLocaleString('en-US')} | ${c.microseconds} | ${c.tokensGivenMicroseconds} | ${c.neutral} | ${c.negative} | ${c.positive} |`),
    '',
    '## The shipped model',
    '',
    '```json',
    JSON.stringify(r.model, null, 2),
    '```',
    '',
  ];
  return lines.join('\n');
}
