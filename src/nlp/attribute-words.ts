/**
 * @module nlp/attribute-words
 * Words that describe a product of any kind (colours), in Chinese and English. A shop whose only
 * black products are notebooks must not learn "black" as a stationery word, so these never
 * become category words or brand aliases.
 */
export const ATTRIBUTE_WORDS: ReadonlySet<string> = new Set(
  ('black white red blue green yellow pink purple grey gray silver gold orange brown beige navy ' +
    '黑色 白色 红色 蓝色 绿色 黄色 粉色 紫色 灰色 银色 金色 橙色 棕色 米色 藏青 黑 白 红 蓝 绿 粉')
    .split(/\s+/),
);
