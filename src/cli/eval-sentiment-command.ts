/**
 * @module cli/eval-sentiment-command
 * `kefu eval --task sentiment [--train TRAIN.jsonl] --test TEST.jsonl [--json] [--lang zh|en|auto]`:
 * scores JSON Lines `{"text", "label": "positive" | "negative"}`. Without `--train` it uses the
 * shipped models (Chinese: `models/sentiment-zh.json`; English: the AFINN lexicon), chosen per
 * text by `--lang` or by the detected language; with `--train` it first trains the linear model
 * (`trainSentimentModel`) on TRAIN and scores every test text with it. A text counts as positive
 * when its polarity is ≥ 0 (the binary labels leave no room for `neutral`). With `--json` the
 * last line of standard output is the intent eval's contract (`n`, `accuracy`, `macroF1`,
 * `trainSeconds`, `predictPerSecond`, `firstPassPerSecond`) plus `task`, `model` and `perLabel`
 * (precision, recall, F1 per label), computed by the same `intentMetrics` and `predictAll`.
 */
import { performance } from 'node:perf_hooks';
import type { Locale } from '../core/shop';
import { intentMetrics } from '../eval/intent-metrics';
import { predictAll } from '../eval/predict-all';
import { readSentimentExamples } from '../nlp/sentiment/read-sentiment-examples';
import { modelScorer, SentimentAnalyzer } from '../nlp/sentiment/sentiment-analyzer';
import { shippedSentimentAnalyzer } from '../nlp/sentiment/analyze-sentiment';
import { trainSentimentModel } from '../nlp/sentiment/train-sentiment-model';

export interface SentimentEvalSummary {
  task: 'sentiment';
  /** `shipped` (kefu's models) or `trained` (on `--train`). */
  model: 'shipped' | 'trained';
  n: number;
  accuracy: number;
  macroF1: number;
  perLabel: Record<string, { n: number; precision: number; recall: number; f1: number }>;
  trainSeconds: number;
  predictPerSecond: number;
  firstPassPerSecond: number;
}

/**
 * @example runSentimentEval({ test: 'test.jsonl', json: true, lang: 'auto' }) // 0, summary on stdout
 */
export function runSentimentEval(values: { train?: string; test: string; json: boolean; lang: Locale | 'auto' }): number {
  try {
    const test = readSentimentExamples(values.test);
    const train = values.train ? readSentimentExamples(values.train) : null;
    const started = performance.now();
    let analyzer: SentimentAnalyzer;
    if (train) {
      // A small file keeps features seen once (the default drops them, for 60,000 reviews).
      const scorer = modelScorer(trainSentimentModel(train, train.length < 1000 ? { minDf: 1 } : {}));
      analyzer = new SentimentAnalyzer({ zh: scorer, en: scorer });
    } else analyzer = shippedSentimentAnalyzer();
    const trainSeconds = (performance.now() - started) / 1000;
    const locale = values.lang === 'auto' ? undefined : values.lang;
    const { predictions, predictPerSecond, firstPassPerSecond } = predictAll(
      (text) => {
        const polarity = analyzer.polarity(text, locale);
        return { name: polarity >= 0 ? 'positive' : 'negative', score: Math.abs(polarity) };
      },
      test.map((e) => ({ text: e.text, intent: e.label })),
    );
    const metrics = intentMetrics(predictions);
    const summary: SentimentEvalSummary = {
      task: 'sentiment',
      model: train ? 'trained' : 'shipped',
      n: metrics.n,
      accuracy: metrics.accuracy,
      macroF1: metrics.macroF1,
      perLabel: metrics.perIntent,
      trainSeconds: Math.round(trainSeconds * 1000) / 1000,
      predictPerSecond,
      firstPassPerSecond,
    };
    if (values.json) process.stdout.write(JSON.stringify(summary) + '\n');
    else {
      const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
      const labels = Object.entries(summary.perLabel).map(([l, s]) => `${l} P=${pct(s.precision)} R=${pct(s.recall)} F1=${pct(s.f1)}`);
      process.stdout.write(`n=${summary.n} accuracy=${pct(summary.accuracy)} macroF1=${pct(summary.macroF1)} ${labels.join(' ')} model=${summary.model} train=${summary.trainSeconds}s predict=${predictPerSecond}/s\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`kefu eval: ${(err as Error).message}\n`);
    return 1;
  }
}
