/**
 * A tiny labelled set for the classifier tests: three intents, a few sentences each.
 */
import { TfidfVectorizer } from '../../../../src/nlp/classifier/tfidf-vectorizer';
import { tokenize } from '../../../../src/nlp/tokenizer';
import type { LabelledVector } from '../../../../src/nlp/classifier/naive-bayes';

export const SENTENCES: [string, string][] = [
  ['where is my order', 'status'], ['track my parcel', 'status'], ['has my package shipped', 'status'], ['我的快递到哪了', 'status'], ['查一下物流', 'status'],
  ['cancel my order', 'cancel'], ['i want to cancel', 'cancel'], ['please cancel the order', 'cancel'], ['取消订单', 'cancel'], ['我要取消这个订单', 'cancel'],
  ['hello', 'greet'], ['hi there', 'greet'], ['good morning', 'greet'], ['你好', 'greet'], ['在吗', 'greet'],
];

export function fixture(): { vectorizer: TfidfVectorizer; examples: LabelledVector[] } {
  const tokens = SENTENCES.map(([s]) => tokenize(s));
  const vectorizer = TfidfVectorizer.fit(tokens);
  const examples = tokens.map((t, i) => ({ vector: vectorizer.transform(t), label: (SENTENCES[i] as [string, string])[1] }));
  return { vectorizer, examples };
}

export const PROBES: [string, string][] = [
  ['where is my parcel', 'status'], ['cancel it please', 'cancel'], ['hello there', 'greet'], ['快递到哪了', 'status'], ['取消吧', 'cancel'], ['你好啊', 'greet'],
];
