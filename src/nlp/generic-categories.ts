/**
 * @module nlp/generic-categories
 * A small built-in lexicon of common e-commerce category words, Chinese and English. It is never
 * used on its own: `buildShopLexicon` lends an entry's words to a catalogue category only when
 * that category exists (its slug names the entry, or its own words overlap the entry's).
 */

export interface GenericCategory {
  /** Slug words that name this kind of category (singular, lower-case). */
  keys: readonly string[];
  /** Words shoppers use for it, in both languages. */
  words: readonly string[];
  /**
   * Those of `words` that also name something else (笔记本/notebook: a laptop or a paper
   * notebook): lent to a category the kind applies to, but no evidence that it applies.
   */
  ambiguous?: readonly string[];
}

export const GENERIC_CATEGORIES: readonly GenericCategory[] = [
  { keys: ['phone', 'smartphone', 'mobile', 'cellphone'], words: ['手机', '智能手机', 'phone', 'smartphone', 'mobile phone', 'cellphone', 'cell phone'] },
  { keys: ['laptop', 'notebook', 'computer', 'pc'], words: ['笔记本', '笔记本电脑', '手提电脑', '电脑', 'laptop', 'notebook', 'computer'], ambiguous: ['笔记本', 'notebook'] },
  { keys: ['tablet', 'pad'], words: ['平板', '平板电脑', 'tablet'] },
  { keys: ['headphone', 'earphone', 'audio', 'earbud', 'headset'], words: ['耳机', '蓝牙耳机', '耳麦', 'headphone', 'earphone', 'earbud', 'headset'] },
  { keys: ['speaker'], words: ['音箱', '音响', 'speaker'] },
  { keys: ['watch', 'wearable', 'smartwatch'], words: ['手表', '智能手表', '手环', 'watch', 'smartwatch', 'fitness tracker'] },
  { keys: ['camera'], words: ['相机', '照相机', '单反', '微单', 'camera'] },
  { keys: ['tv', 'television'], words: ['电视', '电视机', 'tv', 'television'] },
  { keys: ['appliance', 'home-appliance'], words: ['家电', '电器', 'appliance'] },
  { keys: ['kitchen', 'cookware'], words: ['厨房', '厨具', '锅', 'kitchen', 'cookware'] },
  { keys: ['skincare', 'skin'], words: ['护肤', '护肤品', '面霜', '乳液', '精华', '洗面奶', '防晒', 'skincare', 'skin care', 'moisturizer', 'serum', 'cleanser', 'sunscreen'] },
  { keys: ['makeup', 'cosmetic'], words: ['化妆品', '彩妆', '口红', '粉底', 'makeup', 'cosmetics', 'lipstick', 'foundation'] },
  { keys: ['beauty'], words: ['美妆', '美容', 'beauty'] },
  { keys: ['fragrance', 'perfume'], words: ['香水', 'perfume', 'fragrance', 'cologne'] },
  { keys: ['haircare', 'hair'], words: ['洗发水', '护发素', 'shampoo', 'conditioner'] },
  { keys: ['clothing', 'apparel', 'fashion', 'clothe', 'wear'], words: ['衣服', '服装', '服饰', '上衣', '外套', 'clothes', 'clothing', 'apparel', 'jacket'] },
  { keys: ['shoe', 'footwear', 'sneaker'], words: ['鞋', '鞋子', '运动鞋', '跑鞋', 'shoe', 'sneaker', 'footwear'] },
  { keys: ['bag', 'luggage'], words: ['包', '包包', '背包', '双肩包', '手提包', '行李箱', 'bag', 'backpack', 'handbag', 'luggage', 'suitcase'] },
  { keys: ['book'], words: ['书', '图书', '书籍', 'book'] },
  { keys: ['toy', 'game'], words: ['玩具', '积木', 'toy'] },
  { keys: ['food', 'snack', 'grocery'], words: ['零食', '食品', '吃的', 'snack', 'food', 'grocery'] },
  { keys: ['drink', 'beverage', 'coffee', 'tea'], words: ['饮料', '饮品', '咖啡', '茶叶', 'drink', 'beverage', 'coffee', 'tea'] },
  { keys: ['sport', 'fitness', 'outdoor'], words: ['运动', '健身', '户外', 'sport', 'fitness', 'outdoor'] },
  { keys: ['baby', 'kid', 'maternity'], words: ['母婴', '婴儿', '宝宝', '奶粉', '尿不湿', 'baby', 'diaper'] },
  { keys: ['pet'], words: ['宠物', '猫粮', '狗粮', 'pet'] },
  { keys: ['furniture'], words: ['家具', '家居', 'furniture'] },
  { keys: ['household', 'cleaning', 'detergent'], words: ['日用品', '清洁', '洗衣液', 'detergent', 'cleaning'] },
  { keys: ['accessory'], words: ['配件', '手机壳', '充电器', '数据线', 'accessory', 'charger', 'cable'] },
  { keys: ['gaming', 'console', 'videogame'], words: ['游戏机', '主机', 'console', 'gaming'] },
  { keys: ['jewelry', 'jewellery'], words: ['首饰', '项链', '手链', '戒指', 'jewelry', 'necklace'] },
  { keys: ['health'], words: ['保健品', '保健', '维生素', 'health', 'vitamin', 'supplement'] },
];
