/**
 * @module nlp/nlu-engine
 * The recogniser: tokenize → TF-IDF features → logistic regression (or naive Bayes) →
 * out-of-scope rule (the best intent's raw score ahead of `oos`'s by less than a threshold, see
 * `oosMargin`), plus entity extraction. One model covers Chinese and English. The softmax
 * scale and the OOS threshold are fitted on held-out folds of the training utterances (never on
 * `tests`). Optionally a TensorFlow.js MLP joins the decision when the linear model is unsure
 * (`neural`, trained by `trainAsync`; off by default, see `neural-fallback.ts`).
 */
import type { Recognizer, KefuRecognizerResult } from '../core/nlu';
import type { Locale } from '../core/shop';
import type { ShopLexicon } from './lexicon-types';
import type { IntentExample } from './corpus-types';
import type { NluToken } from './token-types';
import type { FeatureOptions } from './classifier/features';
import type { TfidfVectorizerJSON } from './classifier/tfidf-vectorizer';
import type { TokenSentimentScorer } from './sentiment/sentiment-types';
import { tokenize, tokenizeText } from './tokenizer';
import { detectLocale } from './lang/detect-locale';
import { extractEntities } from './entities';
import { applyLexiconToJieba } from './jieba-user-dict';
import { TfidfVectorizer } from './classifier/tfidf-vectorizer';
import { trainClassifier, classifierToJSON, classifierFromJSON } from './classifier/classifier';
import type { Classifier, ClassifierType, ClassifierJSON } from './classifier/classifier';
import { DEFAULT_FEATURE_OPTIONS } from './classifier/features';
import { calibrateOnFolds } from './classifier/calibrate-on-folds';
import { OOS_RECALL_WEIGHT, oosMargin } from './classifier/calibration';
import type { HeldOutStats } from './classifier/calibrate-on-folds';
import type { ProgressCallback } from './progress-bar';
import { rankScores } from './classifier/rank-scores';
import type { RankedLabel } from './classifier/rank-scores';
import { NeuralFallback, DEFAULT_NEURAL_MODE } from './classifier/neural-fallback';
import type { NeuralJSON, NeuralOptions } from './classifier/neural-fallback';
import { trainMlp } from './classifier/train-mlp';
import { createLogger } from '../log';
import { CatalogueClasses } from './catalogue-classes';

const log = createLogger('kefu:nlp:engine');

/** Built once per lexicon: training, the engine it returns and `trainAsync`'s second engine share one. */
const classesOfLexicon = new WeakMap<ShopLexicon, CatalogueClasses>();

/** The brand and category classes of a lexicon, when the features use them. */
function catalogueClassesFor(lexicon: ShopLexicon, features: FeatureOptions): CatalogueClasses | undefined {
  if (features.catalogueClasses === false) return undefined;
  let classes = classesOfLexicon.get(lexicon);
  if (!classes) classesOfLexicon.set(lexicon, (classes = new CatalogueClasses(lexicon)));
  return classes;
}

/** Bumped whenever features, tokenisation or the JSON layout change, so cached models retrain. */
export const NLU_MODEL_FORMAT = 8;

export interface NluEngineOptions {
  /**
   * The classifier. Logistic regression is about four points more accurate on held-out folds of
   * the demo corpus; naive Bayes trains in a fraction of the time (large corpora, benchmarks).
   * @default 'logreg'
   */
  classifier: ClassifierType;
  /** Folds of the training utterances used to fit the softmax scale and the OOS threshold. @default 5 */
  folds: number;
  /**
   * How many of the folds are held out in turn (each costs one extra training). One fold of a
   * large corpus is plenty. @default all folds up to 5,000 utterances, else 1
   */
  heldOutFolds?: number;
  /** Seed of the fold shuffle. @default 42 */
  seed: number;
  /** Naive Bayes smoothing (`classifier: 'naive-bayes'` only). @default 0.1 (see naive-bayes.ts) */
  alpha: number;
  /** Which features to extract. @default DEFAULT_FEATURE_OPTIONS */
  features: FeatureOptions;
  /** The out-of-scope intent. @default 'oos' */
  oosIntent: string;
  /**
   * Points of in-scope accuracy one point of OOS recall is worth when the threshold is picked on
   * held-out folds (see `OOS_RECALL_WEIGHT`). @default OOS_RECALL_WEIGHT
   */
  oosRecallWeight: number;
  /**
   * The TensorFlow.js neural fallback: absent (the default) for none. Training it is
   * asynchronous, so an engine with it is trained by `trainAsync`.
   */
  neural?: Partial<NeuralOptions>;
  /** Told about the long steps of training (see `progressBar`). Not stored with the model. */
  onProgress?: ProgressCallback;
}

export const DEFAULT_ENGINE_OPTIONS: NluEngineOptions = {
  classifier: 'logreg',
  folds: 5,
  seed: 42,
  alpha: 0.1,
  features: DEFAULT_FEATURE_OPTIONS,
  oosIntent: 'oos',
  oosRecallWeight: OOS_RECALL_WEIGHT,
};

export type { HeldOutStats };

export interface NluModelJSON {
  format: number;
  /** When the model was trained (ISO 8601). */
  createdAt?: string;
  /** The training options (without callbacks), for the record. */
  config?: Omit<NluEngineOptions, 'onProgress'>;
  oosIntent: string;
  threshold: number;
  heldOut: HeldOutStats;
  vectorizer: TfidfVectorizerJSON;
  classifier: ClassifierJSON;
  /** The neural fallback's weights and how it joins the decision (absent when off). */
  neural?: NeuralJSON;
}

/** The best intents' probabilities (at most `RANKED_INTENTS`, best first), and the winner after the OOS rule. */
export interface Classification {
  intents: RankedLabel[];
  top: { name: string; score: number };
  /** The best intent's out-of-scope margin (`oosMargin`): below the engine's threshold, `top` is `oos`. */
  margin: number;
}

function fitModel(tokens: readonly (readonly NluToken[])[], labels: readonly string[], opts: NluEngineOptions): { vectorizer: TfidfVectorizer; classifier: Classifier } {
  const vectorizer = TfidfVectorizer.fit(tokens, opts.features);
  const examples = tokens.map((t, i) => ({ vector: vectorizer.transform(t), label: labels[i] as string }));
  const classifier = trainClassifier(opts.classifier, examples, vectorizer.size, opts.alpha);
  return { vectorizer, classifier };
}

/**
 * How many intents a classification lists, best first. The chat needs the winner (and a
 * runner-up for flows that ask "did you mean"); ranking all 150 labels of a benchmark for every
 * message cost more than classifying it.
 */
export const RANKED_INTENTS = 5;

export class NluEngine implements Recognizer {
  private constructor(
    private readonly vectorizer: TfidfVectorizer,
    private readonly classifierType: ClassifierType,
    private readonly classifier: Classifier,
    /** Answers whose out-of-scope margin (`oosMargin`, raw linear scores) is below this become the OOS intent. */
    readonly threshold: number,
    readonly oosIntent: string,
    private readonly lexicon: ShopLexicon,
    readonly heldOut: HeldOutStats,
    private readonly config?: Omit<NluEngineOptions, 'onProgress'>,
    private readonly createdAt?: string,
    private readonly neural?: NeuralFallback,
  ) {
    this.oosIndex = classifier.labels.indexOf(oosIntent);
    this.classes = catalogueClassesFor(lexicon, config?.features ?? DEFAULT_FEATURE_OPTIONS);
  }

  /** Tags brand and category words for the features (absent when the features leave them as words). */
  private readonly classes: CatalogueClasses | undefined;

  /** The tokens the classifier reads: brand and category words tagged with their class. */
  private featureTokens(tokens: readonly NluToken[]): readonly NluToken[] {
    return this.classes ? this.classes.tag(tokens) : tokens;
  }

  /** Index of the OOS intent among the classifier's labels, -1 when it was not trained. */
  private readonly oosIndex: number;

  /**
   * Trains on the corpus. The shop lexicon's words are added to the Chinese segmenter first.
   * @example const engine = NluEngine.train(corpus.train, buildShopLexicon(products));
   */
  static train(corpus: readonly IntentExample[], lexicon: ShopLexicon, options: Partial<NluEngineOptions> = {}): NluEngine {
    const opts = { ...DEFAULT_ENGINE_OPTIONS, ...options };
    if (opts.neural) throw new Error('the neural fallback trains asynchronously: use NluEngine.trainAsync');
    if (corpus.length === 0) throw new Error('cannot train the nlu on an empty corpus');
    if (opts.classifier === 'naive-bayes' && opts.features.embeddings) {
      // Naive Bayes counts features; a word vector's values may be negative.
      throw new Error('features.embeddings needs the logistic regression classifier, not naive-bayes');
    }
    applyLexiconToJieba(lexicon);
    const progress = opts.onProgress ?? (() => undefined);
    const classes = catalogueClassesFor(lexicon, opts.features);
    const tokens = corpus.map((e) => (classes ? classes.tag(tokenize(e.text)) : tokenize(e.text)));
    const labels = corpus.map((e) => e.intent);
    progress('tokenize', 1, 1);

    let round = 0;
    const { scale, threshold, stats } = calibrateOnFolds(tokens, labels, opts, (t, l) => {
      const fitted = fitModel(t, l, opts);
      progress('held-out folds', ++round, Math.min(opts.folds, opts.heldOutFolds ?? (tokens.length <= 5000 ? opts.folds : 1)));
      return fitted;
    });

    progress('final model', 0, 1);
    const { vectorizer, classifier } = fitModel(tokens, labels, opts);
    progress('final model', 1, 1);
    classifier.setScale(scale);
    log.debug('trained on %d utterances, %d features, scale %s, oos margin threshold %s, held-out accuracy %s',
      corpus.length, vectorizer.size, scale.toFixed(2), threshold.toFixed(3), stats.accuracy.toFixed(3));
    const { onProgress: _callback, ...config } = opts;
    return new NluEngine(vectorizer, opts.classifier, classifier, threshold, opts.oosIntent, lexicon, stats, config, new Date().toISOString());
  }

  /**
   * `train`, then (with `options.neural`) the TensorFlow.js MLP on the same features.
   * @example const engine = await NluEngine.trainAsync(train, lexicon, { neural: {} });
   */
  static async trainAsync(corpus: readonly IntentExample[], lexicon: ShopLexicon, options: Partial<NluEngineOptions> = {}): Promise<NluEngine> {
    const { neural, ...linearOptions } = options;
    const engine = NluEngine.train(corpus, lexicon, linearOptions);
    if (!neural) return engine;
    const progress = options.onProgress ?? (() => undefined);
    progress('neural fallback', 0, 1);
    const examples = corpus.map((e) => ({ vector: engine.vectorizer.transform(engine.featureTokens(tokenize(e.text))), label: e.intent }));
    const mlp = await trainMlp(examples, engine.vectorizer.size, engine.classifier.labels, neural);
    progress('neural fallback', 1, 1);
    const { mode, margin } = { ...DEFAULT_NEURAL_MODE, ...neural };
    log.debug('neural fallback trained: %j', mlp.toJSON().training);
    const config = { ...(engine.config as Omit<NluEngineOptions, 'onProgress'>), neural };
    return new NluEngine(engine.vectorizer, engine.classifierType, engine.classifier, engine.threshold, engine.oosIntent, lexicon, engine.heldOut, config, engine.createdAt, new NeuralFallback(mode, margin, mlp));
  }

  /** Class scores of the last classification (classification is synchronous, so never shared). */
  private scratch = new Float64Array(0);

  /** How many classifications the neural fallback took part in (0 without one). */
  get neuralConsulted(): number {
    return this.neural?.consulted ?? 0;
  }

  /** Intent probabilities for already tokenised text (brand and category words already tagged, as `classify` does). */
  classifyTokens(tokens: readonly NluToken[]): Classification {
    const labels = this.classifier.labels;
    if (this.scratch.length < labels.length) this.scratch = new Float64Array(labels.length);
    const vector = this.vectorizer.transform(tokens);
    this.classifier.scoreInto(vector, this.scratch);
    let best = 0;
    for (let c = 1; c < labels.length; c++) if ((this.scratch[c] as number) > (this.scratch[best] as number)) best = c;
    // The linear model's margin, also with the neural fallback: the threshold was fitted on it.
    const margin = labels.length > 0 ? oosMargin(this.scratch, this.oosIndex, best) : -Infinity;
    let scale = this.classifier.scale;
    if (this.neural) {
      this.neural.combine(vector, this.scratch, scale, margin < this.threshold);
      scale = 1; // the scores are now log-probabilities
    }
    const intents = rankScores(this.scratch, labels, scale, RANKED_INTENTS);
    const first = intents[0] ?? { name: this.oosIntent, score: 1 };
    // Below the threshold the answer is OOS, with the confidence that the best intent is wrong.
    const top = margin >= this.threshold ? first : { name: this.oosIntent, score: first.name === this.oosIntent ? first.score : 1 - first.score };
    return { intents, top, margin };
  }

  /** @example engine.classify('我的订单到哪了').top // { name: 'order.status', score: 0.97 } */
  classify(text: string): Classification {
    return this.classifyTokens(this.featureTokens(tokenize(text)));
  }

  /** Scores the sentiment of each recognised message (absent: recognitions carry none). */
  private sentiment?: TokenSentimentScorer;

  /**
   * Makes every recognition carry the message's sentiment, scored on the tokens and normalised
   * text the recogniser read it into: the chat path reads a message once (intent, entities and
   * sentiment), not once for the intent and again for the sentiment.
   * @example engine.scoreSentimentWith(shippedSentimentAnalyzer().scoreTokenized)
   */
  scoreSentimentWith(scorer: TokenSentimentScorer | undefined): this {
    this.sentiment = scorer;
    return this;
  }

  /** Synchronous `recognize`. */
  recognizeSync(text: string, locale?: Locale): KefuRecognizerResult {
    const { norm, tokens } = tokenizeText(text);
    const { intents, top } = this.classifyTokens(this.featureTokens(tokens));
    const record: Record<string, { score: number }> = {};
    for (const i of intents) record[i.name] = { score: i.score };
    const read = locale ?? detectLocale(text);
    const result: KefuRecognizerResult = {
      text,
      locale: read,
      intents: record,
      entities: extractEntities(text, tokens, this.lexicon, norm),
      topIntent: top,
    };
    if (this.sentiment) result.sentiment = this.sentiment(text, tokens, read, norm);
    return result;
  }

  /**
   * @example (await engine.recognize('3000以内的手机推荐')).topIntent.name // 'product.recommend'
   */
  async recognize(text: string, locale?: Locale): Promise<KefuRecognizerResult> {
    return this.recognizeSync(text, locale);
  }

  toJSON(): NluModelJSON {
    return {
      format: NLU_MODEL_FORMAT,
      ...(this.createdAt ? { createdAt: this.createdAt } : {}),
      ...(this.config ? { config: this.config } : {}),
      oosIntent: this.oosIntent,
      threshold: this.threshold,
      heldOut: this.heldOut,
      vectorizer: this.vectorizer.toJSON(),
      classifier: classifierToJSON(this.classifierType, this.classifier),
      ...(this.neural ? { neural: this.neural.toJSON() } : {}),
    };
  }

  /** Reads a model written by `toJSON`; the lexicon is the shop's (it is not stored in the model). */
  static fromJSON(json: NluModelJSON, lexicon: ShopLexicon): NluEngine {
    if (!json || json.format !== NLU_MODEL_FORMAT) {
      throw new Error(`unsupported nlu model format ${String(json?.format)} (expected ${NLU_MODEL_FORMAT})`);
    }
    applyLexiconToJieba(lexicon);
    const vectorizer = TfidfVectorizer.fromJSON(json.vectorizer);
    const classifier = classifierFromJSON(json.classifier);
    return new NluEngine(
      vectorizer,
      json.classifier.type,
      classifier,
      json.threshold,
      json.oosIntent,
      lexicon,
      json.heldOut,
      json.config,
      json.createdAt,
      json.neural ? NeuralFallback.fromJSON(json.neural, vectorizer.size, classifier.labels) : undefined,
    );
  }
}
