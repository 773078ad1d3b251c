/** @module services/faq — FAQ retrieval (BM25 per language). */
export { FaqRetriever, type FaqHit, type FaqSearchOptions, type FaqRetrieverOptions } from './faq-retriever';
