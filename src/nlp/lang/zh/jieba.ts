/**
 * @module nlp/lang/zh/jieba
 * The one place that segments Chinese words: jieba's dictionary and HMM, cut by kefu's own port
 * of cppjieba (`nlp/speed/jieba-segmenter.ts`, the same cuts as `nodejieba.cut`, in a tenth of
 * the memory). The dictionary files are nodejieba's. The dictionary is global to the process
 * (per thread): the first cut loads the default dictionaries, later words are added with
 * `addJiebaWords`, so every shop lexicon loaded into the process adds to the same dictionary.
 */
import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { JiebaSegmenter } from '../../speed/jieba-segmenter';
import { createLogger } from '../../../log';

const log = createLogger('kefu:nlp:jieba');

/** nodejieba's dictionary files (jieba's own, in its cppjieba submodule). */
const DICT_DIR = join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict');

const inserted = new Set<string>();
let segmenter: JiebaSegmenter | undefined;

/** Loads the default dictionaries plus the user dictionary file (nodejieba's small default without one), once. */
function ensureLoaded(userDict?: string): JiebaSegmenter {
  segmenter ??= JiebaSegmenter.load({
    dict: join(DICT_DIR, 'jieba.dict.utf8'),
    hmm: join(DICT_DIR, 'hmm_model.utf8'),
    userDict: userDict ?? join(DICT_DIR, 'user.dict.utf8'),
  });
  return segmenter;
}

/**
 * Makes sure the words are segmented whole. Idempotent; cheap for words already added.
 * @example addJiebaWords(['笔记本电脑', '索尼'])
 */
export function addJiebaWords(words: Iterable<string>): void {
  const jieba = ensureLoaded();
  let added = 0;
  for (const word of words) {
    const w = word.trim();
    if (w.length < 2 || /\s/.test(w) || inserted.has(w)) continue;
    inserted.add(w);
    // A word the dictionary already holds keeps its frequency: inserting it again lowers it to
    // the user-word default, and 有华为的耳机吗 would then be cut 有华为 / 的 / 耳机 / 吗.
    if (jieba.cut(w, false).length === 1) continue;
    jieba.insertWord(w);
    added++;
  }
  if (added > 0) log.debug('added %d user words', added);
}

/**
 * Loads a jieba user dictionary file (`word [freq] [tag]` per line). Before the first cut it is
 * read with the default dictionaries (in place of nodejieba's small default user dictionary);
 * afterwards its words are inserted one by one.
 */
export function loadJiebaUserDict(path: string): void {
  if (!segmenter) {
    ensureLoaded(path);
    return;
  }
  const words = readFileSync(path, 'utf8').split('\n').map((line) => line.trim().split(/\s+/)[0] ?? '');
  addJiebaWords(words);
}

/** Segments Chinese text with the HMM for unknown words. */
export function jiebaCut(text: string): string[] {
  return ensureLoaded().cut(text, true);
}
