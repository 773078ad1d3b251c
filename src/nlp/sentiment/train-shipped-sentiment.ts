/**
 * @module nlp/sentiment/train-shipped-sentiment
 * `npm run train:sentiment`: trains the Chinese sentiment models and writes
 * `models/sentiment-zh.json` (`--out FILE` writes elsewhere):
 * - polarity on the train splits of chnsenticorp, online-shopping-10cats and fewclue-eprstmt
 *   (read in place from `../shared/datasets`, or `KEFU_DATASETS`) less the reviews that are dev
 *   texts of any set or repeats (`sentiment-training-set.ts`), scored on each dev split;
 * - the subjectivity gate on the short training reviews and kefu's own zh intent utterances
 *   (`intents/`), checked on `intents/dev/zh.jsonl`: how much plain shop talk comes out neutral.
 * The data sets, date and dev figures go into the file's `meta`. The test splits are not in
 * `../shared`: they are kept back for acceptance.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../../config';
import { loadIntentCorpus } from '../corpus';
import { tokenize } from '../tokenizer';
import { readSentimentDataset, SENTIMENT_DATASETS, defaultDatasetsRoot } from './sentiment-datasets';
import { sentimentTrainingSet } from './sentiment-training-set';
import type { SentimentModel } from './sentiment-model';
import { SHIPPED_SENTIMENT_MODEL } from './shipped-sentiment-model';
import { subjectivityExamples } from './subjectivity-examples';
import { trainSentimentModel } from './train-sentiment-model';
import { ZhSentimentModels } from './zh-sentiment-models';
import { NEUTRAL_BAND } from './sentiment-analyzer';

/** Accuracy of the model's sign on examples (ties, logit 0 or no known feature, count as positive). */
export function polarAccuracy(model: SentimentModel, examples: readonly { text: string; label: string }[]): number {
  let correct = 0;
  for (const e of examples) if (((model.logit(tokenize(e.text)) ?? 0) >= 0) === (e.label === 'positive')) correct++;
  return examples.length ? correct / examples.length : 0;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Share of `intents/dev/zh.jsonl` messages of neutral intents (not complaints or thanks) whose score is neutral. */
function neutralTalkShare(models: ZhSentimentModels, devFile: string): { n: number; neutral: number } {
  if (!fs.existsSync(devFile)) return { n: 0, neutral: 0 };
  const talk = fs.readFileSync(devFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string; intent: string })
    .filter((e) => e.intent !== 'complaint' && e.intent !== 'smalltalk.thanks');
  const neutral = talk.filter((e) => Math.abs(models.score(tokenize(e.text))) < NEUTRAL_BAND).length;
  return { n: talk.length, neutral: talk.length ? round4(neutral / talk.length) : 0 };
}

/**
 * Trains both models, measures them on dev and writes the file.
 * @example trainShippedSentiment({ root: '../shared/datasets', intentsDir: 'intents', out: 'models/sentiment-zh.json' })
 */
export function trainShippedSentiment({ root, intentsDir, out }: { root: string; intentsDir: string; out: string }): ZhSentimentModels {
  const started = Date.now();
  const train = sentimentTrainingSet(root);
  const reviews = train.examples;
  const polarity = trainSentimentModel(reviews, {}, { trainingSets: train.sets });
  const utterances = loadIntentCorpus(intentsDir).train.filter((e) => e.locale === 'zh');
  const gateExamples = subjectivityExamples(reviews, utterances);
  const subjectivity = trainSentimentModel(
    gateExamples,
    { maxFeatures: 100_000 },
    { trainingSets: [{ name: 'short reviews of the three sets + intents/*.zh.json utterances', split: 'train', n: gateExamples.length }] },
    'opinion',
  );
  const devAccuracy: Record<string, number> = {};
  for (const name of SENTIMENT_DATASETS) devAccuracy[name] = round4(polarAccuracy(polarity, readSentimentDataset(root, name, 'dev')));
  const models = new ZhSentimentModels(polarity, subjectivity);
  const meta = {
    trainedAt: new Date().toISOString(),
    trainSeconds: Math.round((Date.now() - started) / 100) / 10,
    trainingSets: [...polarity.meta.trainingSets, { name: 'intents (zh utterances, subjectivity gate only)', split: 'train', n: utterances.length }],
    devAccuracy,
    neutralShopTalk: neutralTalkShare(models, path.join(intentsDir, 'dev', 'zh.jsonl')),
  };
  const json = { ...models.toJSON(), meta };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(json) + '\n');
  return ZhSentimentModels.fromJSON(json);
}

function main(args: string[]): void {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
  const out = path.resolve(values.out ?? SHIPPED_SENTIMENT_MODEL);
  const models = trainShippedSentiment({ root: defaultDatasetsRoot(REPO_ROOT), intentsDir: path.join(REPO_ROOT, 'intents'), out });
  const meta = models.meta as { trainSeconds: number; devAccuracy: Record<string, number>; neutralShopTalk: { n: number; neutral: number } };
  process.stdout.write(`trained in ${meta.trainSeconds} s, ${models.polarity.size} + ${models.subjectivity.size} features, ${(fs.statSync(out).size / 1e6).toFixed(2)} MB: ${out}\n`);
  for (const [name, acc] of Object.entries(meta.devAccuracy)) process.stdout.write(`${name} dev accuracy ${(acc * 100).toFixed(2)}%\n`);
  process.stdout.write(`intents/dev/zh.jsonl shop talk scored neutral: ${(meta.neutralShopTalk.neutral * 100).toFixed(1)}% of ${meta.neutralShopTalk.n}\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`train:sentiment: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
