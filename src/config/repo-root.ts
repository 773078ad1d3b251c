/**
 * @module config/repo-root
 * The package's root folder, where its built-in content (`intents/`, `dialogs/`, `public/`) lives.
 */
import path from 'node:path';

/** Two levels above `dist/config/repo-root.js` or `src/config/repo-root.ts`. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
