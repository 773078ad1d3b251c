/**
 * @module nlp
 * The NLU: tokenizer, shop lexicon, entities, intent classifier, corpus and model cache.
 */
export { normalizeText } from './normalize';
export { detectLocale } from './lang/detect-locale';
export { tokenize } from './tokenizer';
export type { NluToken, TokenTag } from './token-types';
export { buildShopLexicon, lexiconWords, type ShopKnowledge } from './lexicon';
export type { ShopLexicon, BrandEntry, CategoryEntry, ProductEntry } from './lexicon-types';
export { writeJiebaUserDict, applyLexiconToJieba } from './jieba-user-dict';
export { loadJiebaUserDict } from './lang/zh/jieba';
export { extractEntities } from './entities';
export { parseChineseNumber } from './lang/zh/chinese-number';
export { NluEngine, NLU_MODEL_FORMAT, DEFAULT_ENGINE_OPTIONS } from './nlu-engine';
export type { NluEngineOptions, NluModelJSON, Classification, HeldOutStats } from './nlu-engine';
export type { NeuralMode, NeuralOptions } from './classifier/neural-fallback';
export { loadIntentCorpus } from './corpus';
export type { IntentCorpus, CorpusOptions } from './corpus';
export type { IntentExample } from './corpus-types';
export { CorpusError } from './corpus-error';
export { loadOrTrainModel, modelHash } from './model-cache';
export type { ModelCacheInput } from './model-cache';
export { progressBar } from './progress-bar';
export type { ProgressCallback } from './progress-bar';
export { KefuTextAnalyzer } from './analyzer';
export { evaluate } from './eval-corpus';
export type { EvalResult, IntentScore } from './eval-corpus';
