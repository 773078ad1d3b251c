/**
 * @module services/recommender/types
 * What a recommender is asked and what it answers.
 */
import type { Product } from '../../core/shop';

/** Why a product was recommended, so a reply can say "because you bought …". */
export interface RecommendationReason {
  kind: 'similar' | 'bought-together' | 'popular' | 'top-rated';
  /** The product of the shopper's history (or the seed of `similarTo`) that led here. */
  becauseOf?: string;
}

export interface Recommendation {
  productId: string;
  /** Ranking score within one answer (higher is better); not comparable across calls. */
  score: number;
  reason: RecommendationReason;
}

export interface RecommendRequest {
  /** A known shopper gets recommendations from their history; otherwise popular items. */
  customerId?: string;
  /** Only products passing it are recommended (see `productFilter`). */
  filter?: (product: Product) => boolean;
  /** Product ids never to recommend (e.g. what is already shown). */
  exclude?: readonly string[];
  /** @default 10 */
  limit?: number;
}
