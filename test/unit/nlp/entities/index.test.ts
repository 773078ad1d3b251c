import { extractEntities } from '../../../../src/nlp/entities';
import { tokenize } from '../../../../src/nlp/tokenizer';
import { buildShopLexicon } from '../../../../src/nlp/lexicon';
import type { Entity, EntityType } from '../../../../src/core/nlu';
import type { Product } from '../../../../src/core/shop';
import products from '../../../fixtures/nlp/products.json';

const lexicon = buildShopLexicon(products as Product[]);

function entities(text: string, type?: EntityType): Entity[] {
  const all = extractEntities(text, tokenize(text), lexicon);
  for (const e of all) expect(text.slice(e.start, e.end)).toBe(e.text);
  return type ? all.filter((e) => e.type === type) : all;
}

function values(text: string, type: EntityType): Entity['value'][] {
  return entities(text, type).map((e) => e.value);
}

describe('extractEntities', () => {
  describe('orderId', () => {
    it('should find order numbers in zh and en, upper-cased', () => {
      expect(values('订单dd20261101008到哪了', 'orderId')).toEqual(['DD20261101008']);
      expect(values('where is order DD20261101008?', 'orderId')).toEqual(['DD20261101008']);
      expect(values('订单号ＤＤ２０２６１１０１００８', 'orderId')).toEqual(['DD20261101008']);
    });
  });

  describe('phone', () => {
    it('should keep digits only and drop the +86 of a Chinese mobile', () => {
      expect(values('我的手机号是+86 138-0013-8000', 'phone')).toEqual(['13800138000']);
      expect(values('my phone is 138 0013 8000', 'phone')).toEqual(['13800138000']);
      expect(values('call me at (555) 123-4567', 'phone')).toEqual(['5551234567']);
    });

    it('should not read an order number as a phone', () => {
      expect(values('DD13800138000', 'phone')).toEqual([]);
    });
  });

  describe('email', () => {
    it('should find e-mail addresses in zh and en', () => {
      expect(values('邮箱是Bob.Smith@Example.com谢谢', 'email')).toEqual(['bob.smith@example.com']);
      expect(values('email me at a.b@shop.cn', 'email')).toEqual(['a.b@shop.cn']);
    });
  });

  describe('price', () => {
    it.each([
      ['3000以内的手机', { max: 3000 }],
      ['3000元以下', { max: 3000 }],
      ['不超过2000', { max: 2000 }],
      ['预算1w', { max: 10000 }],
      ['500到1000元', { min: 500, max: 1000 }],
      ['500-1000', { min: 500, max: 1000 }],
      ['两千左右的笔记本', { min: 1600, max: 2400 }],
      ['三千以上', { min: 3000 }],
      ['under 500', { max: 500 }],
      ['below $300', { max: 300 }],
      ['between 200 and 400', { min: 200, max: 400 }],
      ['around 1000', { min: 800, max: 1200 }],
      ['less than 5k', { max: 5000 }],
      ['1k-2k', { min: 1000, max: 2000 }],
      ['at least $200', { min: 200 }],
      ['¥2999', { min: 2399, max: 3599 }],
    ])('should read %s', (text, range) => {
      expect(values(text, 'price')).toEqual([range]);
    });

    it('should not read days, pieces, months or codes as prices', () => {
      for (const text of ['不到3天', '退货要7天以内吗', 'over 3 weeks', '3个月', '订单DD20261101008', 'call 138-0013-8000', 'under 5']) {
        expect(values(text, 'price')).toEqual([]);
      }
    });
  });

  describe('quantity', () => {
    it.each([
      ['买两台', 2],
      ['要3个', 3],
      ['来一件', 1],
      ['2 pcs please', 2],
      ['x2', 2],
      ['I want to buy three of them', 3],
      ['quantity: 4', 4],
    ])('should read %s', (text, n) => {
      expect(values(text, 'quantity')).toEqual([n]);
    });

    it('should not read durations as quantities', () => {
      expect(values('用了3个月', 'quantity')).toEqual([]);
      expect(values('order 2 days ago', 'quantity')).toEqual([]);
    });
  });

  describe('category', () => {
    it('should map zh and en words to the catalogue slug', () => {
      expect(values('推荐一款手机', 'category')).toEqual(['phones']);
      expect(values('两千左右的笔记本电脑', 'category')).toEqual(['laptops']);
      expect(values('any good headphones?', 'category')).toEqual(['audio']);
      expect(values('cheap laptops please', 'category')).toEqual(['laptops']);
    });

    it('should not find a short word inside a longer one', () => {
      expect(values('我的手机号是13800138000', 'category')).toEqual([]);
    });

    it('should not use generic words of categories the catalogue lacks', () => {
      expect(values('有香水吗', 'category')).toEqual([]);
      expect(values('推荐一个电视', 'category')).toEqual([]);
    });
  });

  describe('brand', () => {
    it('should find brands by their catalogue name and their alias in the other language', () => {
      expect(values('索尼的耳机', 'brand')).toEqual(['Sony']);
      expect(values('SONY headphones', 'brand')).toEqual(['Sony']);
      expect(values('huawei phones', 'brand')).toEqual(['华为']);
      expect(values('华为手机', 'brand')).toEqual(['华为']);
      expect(values('lancome serum', 'brand')).toEqual(['Lancôme']);
    });
  });

  describe('model', () => {
    it('should spell catalogue models as the catalogue does, however typed', () => {
      expect(values('wh1000xm5有货吗', 'model')).toEqual(['WH-1000XM5']);
      expect(values('is the v12 in stock', 'model')).toEqual(['V12']);
    });

    it('should upper-case models the catalogue does not know', () => {
      expect(values('do you have the X200?', 'model')).toEqual(['X200']);
    });
  });

  it('should find several entities in one sentence without overlaps', () => {
    const found = entities('推荐两台3000以内的华为手机');
    expect(found.map((e) => [e.type, e.value])).toEqual([
      ['quantity', 2],
      ['price', { max: 3000 }],
      ['brand', '华为'],
      ['category', 'phones'],
    ]);
  });

  it('should find no brand or category with a lexicon that has none, and the other entities as before', () => {
    const text = '推荐两台3000以内的华为手机 sony headphones';
    const bare = extractEntities(text, tokenize(text), buildShopLexicon([]));
    expect(bare.map((e) => e.type)).toEqual(['quantity', 'price']);
    expect(entities(text).filter((e) => e.type === 'quantity' || e.type === 'price')).toEqual(bare);
    expect(entities(text).map((e) => e.type)).toEqual(expect.arrayContaining(['brand', 'category']));
  });
});
