/**
 * @module nlp/model-cache
 * Trains the NLU once per corpus + catalogue: the model is stored as
 * `<modelDir>/nlu-<hash>.json` (`<dataDir>/models` by default), where the hash covers the corpus files, the shop lexicon,
 * extra examples (staff's accepted annotations) and the model format version. A later start with the same inputs
 * reads it instead of training.
 */
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import type { Product } from '../core/shop';
import type { IntentExample } from './corpus-types';
import type { NluEngineOptions, NluModelJSON } from './nlu-engine';
import { NluEngine, NLU_MODEL_FORMAT } from './nlu-engine';
import { loadIntentCorpus } from './corpus';
import { buildShopLexicon, type ShopKnowledge } from './lexicon';
import type { ShopLexicon } from './lexicon-types';
import { progressBar, type ProgressCallback } from './progress-bar';
import { shippedEmbeddingsHash } from './embeddings/message-embedder';
import { createLogger } from '../log';

const log = createLogger('kefu:nlp:model-cache');

export interface ModelCacheInput {
  /**
   * The intent files in merge order (`shopContent(config).intentFiles`: built-in, then the shop's),
   * or a folder of `<domain>.<locale>.json` files. Their names and contents are part of the hash.
   */
  intents: string | readonly string[];
  /** Intent names the corpus may use (the merged domain's). @default the built-in domain's intents */
  intentNames?: readonly string[];
  /** The shop's catalogue (for the lexicon). */
  products: Product[];
  /** The shop's category names, synonyms and brand aliases (for the lexicon). */
  knowledge?: ShopKnowledge;
  /**
   * The shop lexicon, when the caller derived it already (a training worker thread gets the main
   * thread's: `buildShopLexicon` cuts titles with jieba, whose dictionary differs per thread).
   * @default buildShopLexicon(products, knowledge)
   */
  lexicon?: ShopLexicon;
  /** The data folder. */
  dataDir: string;
  /** Where models are stored. @default `<dataDir>/models` */
  modelDir?: string;
  /** Training options; they are part of the hash. */
  options?: Partial<NluEngineOptions>;
  /** Utterances trained beside the corpus (accepted annotations); they are part of the hash. */
  extraExamples?: readonly IntentExample[];
  /** Training progress. @default a progress bar on standard error */
  onProgress?: ProgressCallback;
  /** Called after the model was trained (not when it was read from the cache). */
  onTrained?: (engine: NluEngine) => void;
}

/**
 * The cache key: corpus file names and contents, lexicon, options, extra examples, format version.
 * A shop's intent file hashes like a built-in one of the same name and content, so moving a file
 * into a shop folder unchanged keeps the model; any change to any file's content retrains.
 */
export function modelHash(files: string[], lexiconJson: string, options: Partial<NluEngineOptions> = {}, extraExamples: readonly IntentExample[] = []): string {
  const h = createHash('sha256');
  h.update(`format:${NLU_MODEL_FORMAT}\n`);
  for (const file of [...files].sort()) {
    h.update(`file:${basename(file)}\n`);
    h.update(readFileSync(file));
  }
  h.update(`lexicon:${lexiconJson}\n`);
  h.update(`options:${JSON.stringify(options)}\n`);
  // Features built from the shipped word vectors: a retrained vector file retrains the model.
  if (options.features?.embeddings) h.update(`embeddings:${shippedEmbeddingsHash()}\n`);
  // Only when there are some: models trained without any keep their earlier hash.
  if (extraExamples.length > 0) h.update(`extra:${JSON.stringify(extraExamples.map((e) => [e.locale, e.intent, e.text]))}\n`);
  return h.digest('hex').slice(0, 16);
}

/**
 * @example const engine = loadOrTrainModel({ intents: shopContent(config).intentFiles, products, dataDir: 'data' });
 */
export function loadOrTrainModel(input: ModelCacheInput): NluEngine {
  const corpus = loadIntentCorpus(input.intents, { intents: input.intentNames });
  const lexicon = input.lexicon ?? buildShopLexicon(input.products, input.knowledge);
  const extra = input.extraExamples ?? [];
  const hash = modelHash(corpus.files, JSON.stringify(lexicon), input.options, extra);
  const dir = input.modelDir ?? join(input.dataDir, 'models');
  const file = join(dir, `nlu-${hash}.json`);
  if (existsSync(file)) {
    try {
      const engine = NluEngine.fromJSON(JSON.parse(readFileSync(file, 'utf8')) as NluModelJSON, lexicon);
      log.debug('loaded nlu model %s', file);
      return engine;
    } catch (err) {
      log.warn('cannot read cached nlu model %s, retraining', file, err);
    }
  }
  const started = Date.now();
  const engine = NluEngine.train(extra.length > 0 ? [...corpus.train, ...extra] : corpus.train, lexicon, { onProgress: input.onProgress ?? progressBar(), ...input.options });
  mkdirSync(dir, { recursive: true });
  // Written under a temporary name and renamed, so a reader never sees half a model.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, JSON.stringify(engine.toJSON()));
  renameSync(tmp, file);
  log.info('trained nlu model on %d utterances (%d extra) in %d ms: %s', corpus.train.length + extra.length, extra.length, Date.now() - started, file);
  input.onTrained?.(engine);
  return engine;
}
