/**
 * @module catalogue/recognizer-input
 * What the NLU model of a bot is trained from: the shop's intent files, its catalogue and category
 * and brand knowledge, and staff's accepted annotations. The server start (`buildBot`) and a
 * retrain in a worker thread (`train-in-worker`) read it from here, so both ask the model cache for
 * the same model (the same hash) and a model trained off the main thread is the one the bot loads.
 */
import type { KefuConfig } from '../config';
import type { ShopData } from '../core/shop';
import { domainIntents } from '../domain/domain-queries';
import { loadDomain } from '../domain/load-domain';
import type { Domain } from '../domain/types';
import type { IntentExample } from '../nlp/corpus-types';
import type { ModelCacheInput } from '../nlp/model-cache';
import { shopContent } from '../shop-folder/shop-content';

/** The model cache's input without its callbacks or a lexicon (it crosses into a worker thread, and each thread derives the lexicon). */
export type RecognizerInput = Omit<ModelCacheInput, 'onTrained' | 'onProgress' | 'lexicon'>;

/**
 * @param domain the shop's merged domain (read from its files when not given): its intents are the
 *   ones the corpus may use (a shop's own intents included)
 * @example const recognizer = loadOrTrainModel(recognizerInput(config, shop, extraExamples, domain));
 */
export function recognizerInput(config: KefuConfig, shop: ShopData, extraExamples: readonly IntentExample[], domain?: Domain): RecognizerInput {
  const content = shopContent(config);
  return {
    intents: content.intentFiles,
    intentNames: domainIntents(domain ?? loadDomain(content.domainFiles)),
    products: shop.products,
    // Only what the lexicon reads: the worker thread gets a copy of it.
    knowledge: { categories: shop.categories, brands: shop.brands },
    dataDir: config.dataDir,
    modelDir: config.modelDir,
    extraExamples,
  };
}
