/**
 * @module nlp/embeddings/embeddings-file
 * Where the shipped word vectors are: `models/embeddings-<lang>.bin` at the repository root.
 */
import path from 'node:path';
import { REPO_ROOT } from '../../config/repo-root';

export type EmbeddingLang = 'zh' | 'en';

export function embeddingsFile(lang: EmbeddingLang, root = REPO_ROOT): string {
  return path.join(root, 'models', `embeddings-${lang}.bin`);
}
