/** @module services/recommender — item-to-item recommendations, popularity and constraints. */
export { ItemToItemRecommender, type RecommenderOptions } from './recommender';
export { productFilter, type ProductConstraints } from './constraints';
export { ItemSimilarity, type Neighbour, type ItemSimilarityOptions } from './item-similarity';
export { popularityScores, type PopularityOptions } from './popularity';
export { DEFAULT_EVENT_WEIGHTS, eventWeight, type EventWeights } from './event-weights';
export type { Recommendation, RecommendationReason, RecommendRequest } from './types';
