import { tokenize } from '../../../src/nlp/tokenizer';
import { writeJiebaUserDict } from '../../../src/nlp/jieba-user-dict';
import { loadJiebaUserDict } from '../../../src/nlp/lang/zh/jieba';
import { buildShopLexicon } from '../../../src/nlp/lexicon';
import type { NluToken } from '../../../src/nlp/token-types';
import products from '../../fixtures/nlp/products.json';
import type { Product } from '../../../src/core/shop';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** The token whose original text is `text`. */
function find(tokens: NluToken[], text: string): NluToken | undefined {
  return tokens.find((t) => t.text === text);
}

/** Every token's offsets must cut its own text out of the original. */
function expectOffsets(text: string, tokens: NluToken[]): void {
  for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
}

describe('tokenize', () => {
  it('should keep order numbers, brands, model numbers and words whole with offsets into mixed text', () => {
    const text = '我的订单DD20261101008里的iPhone和索尼WH-1000XM5耳机到哪了？';
    const tokens = tokenize(text);
    expectOffsets(text, tokens);
    expect(find(tokens, 'DD20261101008')).toMatchObject({ kind: 'code', tag: 'order_id', norm: 'dd20261101008', start: 4, end: 17 });
    expect(find(tokens, 'iPhone')).toMatchObject({ kind: 'word', start: 19, end: 25 });
    expect(find(tokens, 'WH-1000XM5')).toMatchObject({ kind: 'code', tag: 'model', norm: 'wh-1000xm5', start: 28, end: 38 });
    expect(find(tokens, '耳机')).toMatchObject({ kind: 'han' });
  });

  it('should give offsets into the original text across full-width characters and emoji', () => {
    const text = '😀查订单ＤＤ２０２６１１０１００８，谢谢🙏 thanks';
    const tokens = tokenize(text);
    expectOffsets(text, tokens);
    expect(find(tokens, 'ＤＤ２０２６１１０１００８')).toMatchObject({ tag: 'order_id', norm: 'dd20261101008', start: 5 });
    expect(find(tokens, '😀')).toMatchObject({ kind: 'punct', start: 0, end: 2 });
    expect(find(tokens, 'thanks')).toMatchObject({ kind: 'word', norm: 'thank' });
  });

  it('should pull out phones, e-mails and prices as single tokens', () => {
    const text = '电话 +86 138-0013-8000，邮箱 Bob.Smith@example.com，预算¥2999或3000元 or $500';
    const tokens = tokenize(text);
    expectOffsets(text, tokens);
    expect(find(tokens, '+86 138-0013-8000')).toMatchObject({ tag: 'phone', norm: '8613800138000' });
    expect(find(tokens, 'Bob.Smith@example.com')).toMatchObject({ tag: 'email', norm: 'bob.smith@example.com' });
    expect(find(tokens, '¥2999')).toMatchObject({ tag: 'price' });
    expect(find(tokens, '3000元')).toMatchObject({ tag: 'price' });
    expect(find(tokens, '$500')).toMatchObject({ tag: 'price' });
  });

  it('should tell model numbers from quantities and sizes', () => {
    const tokens = tokenize('V12 x2 2pcs 128GB iPhone 15');
    expect(find(tokens, 'V12')?.tag).toBe('model');
    expect(find(tokens, 'x2')?.tag).toBeUndefined();
    expect(find(tokens, '2pcs')?.tag).toBeUndefined();
    expect(find(tokens, '128GB')?.tag).toBeUndefined();
    expect(find(tokens, '15')).toMatchObject({ kind: 'number', tag: 'number' });
  });

  it('should stem English words and keep contractions together', () => {
    const tokens = tokenize("I don't like shipping delays");
    expect(tokens.map((t) => t.norm)).toEqual(['i', "don't", 'like', 'ship', 'delai']);
  });

  it('should keep shop words whole after the user dictionary is loaded', () => {
    const lexicon = buildShopLexicon(products as Product[]);
    const file = join(mkdtempSync(join(tmpdir(), 'kefu-nlp-')), 'user.dict.utf8');
    writeJiebaUserDict(lexicon, file);
    loadJiebaUserDict(file);
    const text = '想买笔记本电脑和扫地机器人';
    const tokens = tokenize(text);
    expectOffsets(text, tokens);
    expect(find(tokens, '笔记本电脑')).toMatchObject({ kind: 'han', start: 2, end: 7 });
    expect(find(tokens, '扫地机器人')).toMatchObject({ kind: 'han', start: 8, end: 13 });
  });

  it('should point into the original text after full-width, case and traditional folding', () => {
    const text = '請問ＤＤ２０２６１１０１００８的訂單到哪了？ Where is ＭＹ order';
    const tokens = tokenize(text);
    expectOffsets(text, tokens);
    expect(find(tokens, '訂單')?.norm).toBe('订单');
    expect(find(tokens, 'ＤＤ２０２６１１０１００８')?.tag).toBe('order_id');
    expect(find(tokens, 'ＭＹ')?.norm).toBe('my');
  });

  it('should read an emoji sequence and a run of one punctuation mark as single tokens', () => {
    const text = '太慢了😡😡！！！ ok👍🏻???';
    const tokens = tokenize(text);
    expectOffsets(text, tokens);
    expect(tokens.filter((t) => t.kind === 'punct').map((t) => [t.text, t.norm])).toEqual([
      ['😡', '😡'], ['😡', '😡'], ['！！！', '!'], ['👍🏻', '👍'], ['???', '?'],
    ]);
  });
});
