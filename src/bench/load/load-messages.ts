/**
 * @module bench/load/load-messages
 * What the load generator's shoppers say: a fixed list in Chinese and English across the
 * intents a shop sees most (greetings, FAQ, products, recommendations, order status, small
 * talk), written for the benchmark. Nothing here asks for a person or complains, so the bot
 * answers every turn itself. Order numbers are well formed, so an anonymous shopper is asked the
 * verification question.
 */

export interface LoadMessage {
  lang: 'zh' | 'en';
  kind: 'greeting' | 'faq' | 'product' | 'recommendation' | 'order' | 'smalltalk';
  text: string;
}

export const LOAD_MESSAGES: readonly LoadMessage[] = [
  { lang: 'zh', kind: 'greeting', text: '你好呀' },
  { lang: 'en', kind: 'greeting', text: 'hello there' },
  { lang: 'zh', kind: 'faq', text: '买满多少可以免运费' },
  { lang: 'en', kind: 'faq', text: 'which ways can I pay for my order' },
  { lang: 'zh', kind: 'faq', text: '退货的话运费谁来出' },
  { lang: 'en', kind: 'faq', text: 'do you ship on weekends' },
  { lang: 'zh', kind: 'product', text: '索尼那款WH-1000XM5现在还有货吗' },
  { lang: 'en', kind: 'product', text: 'is the MacBook Air M3 in stock' },
  { lang: 'zh', kind: 'recommendation', text: '想买个两千块以内的降噪耳机，推荐一下' },
  { lang: 'en', kind: 'recommendation', text: 'can you suggest a phone under 3000' },
  { lang: 'zh', kind: 'order', text: '帮我看看订单DD20261002039现在到哪儿了' },
  { lang: 'en', kind: 'order', text: 'what is the status of order DD20261002039' },
  { lang: 'zh', kind: 'smalltalk', text: '今天辛苦你啦' },
  { lang: 'en', kind: 'smalltalk', text: 'thanks, you are very helpful' },
];

/**
 * The `n`-th message of conversation `conversation`: each conversation walks the whole list,
 * starting at a different place so that concurrent turns mix languages and intents.
 * @example loadMessage(3, 0).text
 */
export function loadMessage(conversation: number, n: number): LoadMessage {
  return LOAD_MESSAGES[(conversation * 5 + n) % LOAD_MESSAGES.length];
}
