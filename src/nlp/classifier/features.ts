/**
 * @module nlp/classifier/features
 * Tokens → feature strings: word unigrams and bigrams of the tokens' `norm` (special tokens
 * replaced by their class, `<order_id>`, `<price>`…), character 1–3-grams of Chinese runs and
 * 3–4-grams of English words. Prefixes keep the kinds apart (`w:`, `b:`, `c:`). The models use
 * their hashes (`featureHashes`); the strings are the readable definition, and what tests check.
 */
import { keepsOwnWord, type NluToken } from '../token-types';
import { normalizeText } from '../normalize';

export interface FeatureOptions {
  /** Character n-gram sizes for Han text. @default [1, 3] */
  hanChars: [number, number];
  /** Character n-gram sizes for Latin words (with `<`/`>` word boundaries). @default [3, 4] */
  latinChars: [number, number];
  /** Add word bigrams, with sentence start/end marks. @default true */
  bigrams: boolean;
  /**
   * Words seen in at most this many training utterances count as rare: each rare or unseen word
   * adds one to the feature `w:<rare>` (see `TfidfVectorizer`). 0 turns the feature off.
   * @default 1
   */
  rare?: number;
  /**
   * Length of the message's dense vector from the shipped word vectors
   * (`nlp/embeddings/message-embedder.ts`), appended to the unit-length TF-IDF features; 0 or
   * absent: none. Logistic regression only (naive Bayes needs counts). Off by default, chosen by
   * measurement (`test/reports/bench-embeddings.md`): at 0.5 the Chinese vectors gain 1.3–1.7
   * points on jddc-zh-dev, but the English ones cost held-out en a point and clinc150 OOS recall
   * 13, and even Chinese-only moves the shared OOS threshold (en-dev −0.7). The fast linear path
   * on TF-IDF alone stays the default; `{ embeddings: 0.5, embeddingLangs: ['zh'] }` is the
   * best setting measured for a Chinese-only shop. Measured again (2026-12-07 16:13 UTC, load
   * 14 on 2 cores) after the OOS rule moved to the logit margin and the intents grew: zh-only
   * vectors gave jddc-zh-dev 76.3 → 76.4%, en-dev 91.4 → 91.9%, held-out zh 97.9 → 98.2%, en
   * 98.4% both, for 35% more training time (67 → 91 s): too little to turn on by default.
   * @default undefined
   */
  embeddings?: number;
  /** Whose words fill the message vector (`embeddings` only). @default ['zh', 'en'] */
  embeddingLangs?: ('zh' | 'en')[];
  /**
   * Brand and category words also count as their class (`<brand>`, `<category>`: see
   * `nlp/catalogue-classes`), so a question learnt with 小米 or Sony reads the same with a brand
   * only this shop sells. false: they are words like any other. @default true
   */
  catalogueClasses?: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { hanChars: [1, 3], latinChars: [3, 4], bigrams: true, rare: 1 };

const EMOJI = /^\p{Extended_Pictographic}/u;

/**
 * The word a token contributes: its class for special tokens; of punctuation only `?`, `!` and
 * emoji (👍, 😡 and 🙏 say a lot in chat), each once however often it is repeated.
 */
export function featureUnit(t: NluToken): string | undefined {
  if (t.tag) return `<${t.tag}>`;
  if (t.kind === 'punct') {
    if (t.norm === '?' || t.norm === '？') return '<?>';
    if (t.norm === '!' || t.norm === '！') return '<!>';
    return EMOJI.test(t.norm) ? t.norm : undefined;
  }
  return t.norm;
}

const SURROGATE = /[\ud800-\udfff]/;

function charGrams(text: string, [lo, hi]: [number, number], out: string[]): void {
  if (!SURROGATE.test(text)) {
    // One code unit per character: plain substrings (most text, and the hot path).
    for (let n = lo; n <= hi; n++) for (let i = 0; i + n <= text.length; i++) out.push('c:' + text.substring(i, i + n));
    return;
  }
  const chars = [...text];
  for (let n = lo; n <= hi; n++) {
    for (let i = 0; i + n <= chars.length; i++) out.push('c:' + chars.slice(i, i + n).join(''));
  }
}

/**
 * @example extractFeatures(tokenize('查订单DD20261101008'))
 * // ['w:查', 'w:订单', 'w:<order_id>', 'b:<s>|查', …, 'c:查', 'c:订', 'c:查订', …]
 */
export function extractFeatures(tokens: readonly NluToken[], opts: FeatureOptions = DEFAULT_FEATURE_OPTIONS): string[] {
  const out: string[] = [];
  const units: string[] = [];
  for (const t of tokens) {
    const u = featureUnit(t);
    if (u === undefined) continue;
    units.push(u);
    out.push('w:' + u);
    // Short numbers and model-like words also keep their own identity (88/886 bye, 3q thanks), and so do brand and category words.
    if (keepsOwnWord(t)) out.push('w:' + t.norm);
  }
  if (opts.bigrams && units.length > 0) {
    let prev = '<s>';
    for (const u of units) {
      out.push('b:' + prev + '|' + u);
      prev = u;
    }
    out.push('b:' + prev + '|</s>');
  }
  // Han runs: adjacent Han tokens joined, so n-grams do not depend on how jieba cut them.
  let run = '';
  let runEnd = -1;
  for (const t of tokens) {
    if (t.kind === 'han' && !t.tag) {
      if (t.start !== runEnd && run) {
        charGrams(run, opts.hanChars, out);
        run = '';
      }
      run += t.norm;
      runEnd = t.end;
    } else if (t.kind === 'word') {
      charGrams('<' + normalizeText(t.text) + '>', opts.latinChars, out);
    }
  }
  if (run) charGrams(run, opts.hanChars, out);
  return out;
}
