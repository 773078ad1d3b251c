/**
 * @module nlp/lang/zh/jieba
 * The one place that talks to nodejieba. Its dictionaries are global to the process: the first
 * `cut` loads the default dictionaries, later words are added with `insertWord`, so every shop
 * lexicon loaded into the process adds to the same dictionary.
 */
import * as nodejieba from 'nodejieba';
import { readFileSync } from 'fs';
import { createLogger } from '../../../log';

const log = createLogger('kefu:nlp:jieba');
const inserted = new Set<string>();
let loaded = false;

/** Loads the default dictionaries plus an optional user dictionary file, once. */
function ensureLoaded(userDict?: string): void {
  if (loaded) return;
  nodejieba.load(userDict ? { userDict } : {});
  loaded = true;
}

/**
 * Makes sure the words are segmented whole. Idempotent; cheap for words already added.
 * @example addJiebaWords(['笔记本电脑', '索尼'])
 */
export function addJiebaWords(words: Iterable<string>): void {
  ensureLoaded();
  let added = 0;
  for (const word of words) {
    const w = word.trim();
    if (w.length < 2 || /\s/.test(w) || inserted.has(w)) continue;
    inserted.add(w);
    // A word the dictionary already holds keeps its frequency: inserting it again lowers it to
    // the user-word default, and 有华为的耳机吗 would then be cut 有华为 / 的 / 耳机 / 吗.
    if (nodejieba.cut(w, false).length === 1) continue;
    nodejieba.insertWord(w);
    added++;
  }
  if (added > 0) log.debug('added %d user words', added);
}

/**
 * Loads a jieba user dictionary file (`word [freq] [tag]` per line). Before the first cut it is
 * handed to `nodejieba.load`; afterwards its words are inserted one by one.
 */
export function loadJiebaUserDict(path: string): void {
  if (!loaded) {
    ensureLoaded(path);
    return;
  }
  const words = readFileSync(path, 'utf8').split('\n').map((line) => line.trim().split(/\s+/)[0] ?? '');
  addJiebaWords(words);
}

/** Segments Chinese text with the HMM for unknown words. */
export function jiebaCut(text: string): string[] {
  ensureLoaded();
  return nodejieba.cut(text, true);
}
