/**
 * @module services/faq/han-subwords
 * Chinese words of three or more characters also yield their character bigrams, so that a
 * segmenter's "保修期" still meets "保修" and "今天天气" meets "天气". Bigrams are taken inside a
 * word only (never across words), so stopwords the analyzer dropped do not come back as noise.
 */

const HAN_WORD = /^\p{Script=Han}{3,}$/u;

/** @example withHanSubwords(['保修期', '多长']) // ['保修期', '多长', '保修', '修期'] */
export function withHanSubwords(terms: readonly string[]): string[] {
  const out = [...terms];
  for (const term of terms) {
    if (!HAN_WORD.test(term)) continue;
    const chars = [...term];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}
