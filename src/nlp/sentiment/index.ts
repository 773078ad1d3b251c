/**
 * @module nlp/sentiment
 * Per-message sentiment and anger (issue 11): the function to call, the analyzer and model it is
 * made of, and the trainer behind `npm run train:sentiment`.
 */
export { analyzeSentiment, analyzeSentimentTokens, shippedSentimentAnalyzer } from './analyze-sentiment';
export { SentimentAnalyzer, modelScorer, englishLexiconScorer, NEUTRAL_BAND, MAX_SENTIMENT_CHARS } from './sentiment-analyzer';
export type { PolarityScorer } from './sentiment-analyzer';
export { ANGER_THRESHOLD, angerScore } from './anger-score';
export { SentimentModel, SENTIMENT_MODEL_FORMAT } from './sentiment-model';
export type { SentimentModelJSON, SentimentModelMeta } from './sentiment-model';
export { trainSentimentModel, DEFAULT_SENTIMENT_TRAIN_OPTIONS } from './train-sentiment-model';
export type { SentimentTrainOptions } from './train-sentiment-model';
export { ZhSentimentModels, ZH_SENTIMENT_FORMAT } from './zh-sentiment-models';
export type { ZhSentimentModelsJSON } from './zh-sentiment-models';
export { subjectivityExamples } from './subjectivity-examples';
export { SHIPPED_SENTIMENT_MODEL, shippedSentimentModel } from './shipped-sentiment-model';
export { readSentimentDataset, SENTIMENT_DATASETS, defaultDatasetsRoot } from './sentiment-datasets';
export type { SentimentDatasetName, SentimentSplit } from './sentiment-datasets';
export type { SentimentLabel, PolarLabel, SentimentResult, SentimentExample } from './sentiment-types';
