/**
 * @module domain/built-in-responses
 * The package's own `dialogs/*.json`, read once, for code that is not handed the shop's
 * `Responses` (the composition root hands them wherever it can; a shop folder's texts reach
 * only code that got them).
 */
import path from 'node:path';
import { REPO_ROOT } from '../config/repo-root';
import { Responses } from './responses';

let builtIn: Responses | undefined;

/** @example builtInResponses().text('en', 'common.turnFailed') */
export function builtInResponses(): Responses {
  builtIn ??= Responses.load(path.join(REPO_ROOT, 'dialogs'));
  return builtIn;
}
