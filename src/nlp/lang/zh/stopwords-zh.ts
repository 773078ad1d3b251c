/**
 * @module nlp/lang/zh/stopwords-zh
 * Chinese function words and politeness fillers that carry nothing for search. Kept short on
 * purpose: words like 不/没 (negation) or 多少 (how much) matter to a shopper and stay.
 */

export const STOPWORDS_ZH: ReadonlySet<string> = new Set(
  (
    '的 地 得 了 着 过 吗 呢 吧 啊 呀 哦 嗯 哈 嘛 啦 哟 么 呗 ' +
    '我 你 您 他 她 它 我们 你们 他们 咱 咱们 自己 ' +
    '是 在 有 和 跟 与 及 或 或者 还是 就 也 都 又 还 再 才 而 且 并 ' +
    '这 那 这个 那个 这些 那些 这样 那样 这里 那里 一下 一个 一些 有点 有些 ' +
    '请 请问 麻烦 帮 帮我 给 给我 想 想要 要 我想 能 能不能 可以 可不可以 会 把 被 让 ' +
    '个 下 些 点 之 对 为 从 向 到 于 以 上 中 里 吧 呐 嘞 哎 诶 哇 喔 噢 ' +
    '谢谢 你好 您好 一 就是 然后 那么 所以 因为 但是 不过 其实 比较 非常 特别 很 太 挺'
  ).split(/\s+/),
);
