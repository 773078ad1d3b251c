/**
 * @module nlp/jieba-user-dict
 * Writes a shop lexicon as a jieba user dictionary (`word tag` per line), and applies one.
 */
import { writeFileSync, mkdirSync } from 'fs';
import { dirname } from 'path';
import type { ShopLexicon } from './lexicon-types';
import { lexiconWords } from './lexicon';
import { addJiebaWords } from './lang/zh/jieba';

/**
 * Writes the lexicon's Chinese words so that `nodejieba.load({userDict})` keeps them whole.
 * @example writeJiebaUserDict(lexicon, 'data/jieba.user.dict.utf8')
 */
export function writeJiebaUserDict(lexicon: ShopLexicon, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lexiconWords(lexicon).map((w) => `${w} nz`).join('\n') + '\n', 'utf8');
}

/** Adds the lexicon's words to the process-wide jieba dictionary (no file needed). */
export function applyLexiconToJieba(lexicon: ShopLexicon): void {
  addJiebaWords(lexiconWords(lexicon));
}
