import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Responses } from '../../../src/domain/responses';

const PACKAGE_DIALOGS = path.join(__dirname, '../../../dialogs');

describe('Responses.load', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-responses-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(rel: string, content: unknown): string {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  }

  it('should load a folder, namespacing keys by file name, in zh and en', () => {
    write('builtin/order.json', { zh: { askId: '请提供订单号' }, en: { askId: 'Your order number?' } });
    const responses = Responses.load(path.join(dir, 'builtin'));
    expect(responses.text('zh', 'order.askId')).toBe('请提供订单号');
    expect(responses.text('en', 'order.askId')).toBe('Your order number?');
    expect(responses.locales()).toEqual(['zh', 'en']);
  });

  it('should let a later file override an earlier key of the same namespace and keep the others', () => {
    const builtin = write('builtin/order.json', {
      zh: { askId: '请提供订单号', notFound: '没有找到订单 {orderId}' },
      en: { askId: 'Your order number?', notFound: 'No order {orderId}' },
    });
    const shop = write('shop/order.json', { zh: { askId: '亲，订单号发一下～' }, en: { askId: 'Hi! Which order?' } });
    const responses = Responses.load([builtin, shop]);
    expect(responses.text('zh', 'order.askId')).toBe('亲，订单号发一下～');
    expect(responses.text('en', 'order.askId')).toBe('Hi! Which order?');
    expect(responses.text('zh', 'order.notFound', { orderId: 'DD1' })).toBe('没有找到订单 DD1');
    expect(responses.text('en', 'order.notFound', { orderId: 'DD1' })).toBe('No order DD1');
  });

  it('should apply the list in order, so the earlier file loses when listed last', () => {
    const builtin = write('builtin/order.json', { zh: { askId: '内置' }, en: { askId: 'built-in' } });
    const shop = write('shop/order.json', { zh: { askId: '店铺' }, en: { askId: 'shop' } });
    expect(Responses.load([shop, builtin]).text('zh', 'order.askId')).toBe('内置');
    expect(Responses.load([shop, builtin]).text('en', 'order.askId')).toBe('built-in');
  });

  it('should mix folders and files, a new shop file adding a namespace', () => {
    write('builtin/order.json', { zh: { askId: '订单号？' }, en: { askId: 'Order number?' } });
    const extra = write('shop/gifts.json', { zh: { wrap: '可以礼品包装' }, en: { wrap: 'We can gift-wrap it' } });
    const responses = Responses.load([path.join(dir, 'builtin'), extra]);
    expect(responses.text('zh', 'gifts.wrap')).toBe('可以礼品包装');
    expect(responses.text('en', 'gifts.wrap')).toBe('We can gift-wrap it');
    expect(responses.has('order.askId')).toBe(true);
  });

  it('should accept a shop file that overrides one language only, the merged result being complete', () => {
    const builtin = write('builtin/order.json', { zh: { askId: '订单号？' }, en: { askId: 'Order number?' } });
    const shop = write('shop/order.json', { zh: { askId: '亲，订单号？' } });
    const responses = Responses.load([builtin, shop]);
    expect(responses.text('zh', 'order.askId')).toBe('亲，订单号？');
    expect(responses.text('en', 'order.askId')).toBe('Order number?');
  });

  it.each([
    ['zh', 'en', { zh: { a: '甲', b: '乙' }, en: { a: 'A' } }],
    ['en', 'zh', { zh: { a: '甲' }, en: { a: 'A', b: 'B' } }],
  ])('should name the file when a key has %s but no %s', (has, lacks, content) => {
    const file = write('builtin/order.json', content);
    expect(() => Responses.load(path.join(dir, 'builtin'))).toThrow(`${file}: "order.b" has ${has} but no ${lacks}`);
  });

  it('should name the shop file whose new key lacks a language after merging', () => {
    const builtin = write('builtin/order.json', { zh: { askId: '订单号？' }, en: { askId: 'Order number?' } });
    const shop = write('shop/order.json', { zh: { thanks: '谢谢' } });
    expect(() => Responses.load([builtin, shop])).toThrow(`${shop}: "order.thanks" has zh but no en`);
  });

  it('should name the file that is not valid JSON or not a response file', () => {
    const broken = write('builtin/broken.json', '{"zh": ');
    expect(() => Responses.load([broken])).toThrow(broken);
    const wrong = write('builtin/wrong.json', { zh: { a: 3 }, en: { a: 'A' } });
    expect(() => Responses.load([wrong])).toThrow(`${wrong}: zh.a must be a text or a non-empty list of texts`);
  });

  it('should skip a settings file of the folder that is keyed by no language, and reject a stray key beside languages', () => {
    write('builtin/order.json', { zh: { askId: '订单号？' }, en: { askId: 'Order number?' } });
    write('builtin/staff-hours.json', { timeZone: 'Asia/Shanghai', weekly: {} });
    expect(Responses.load(path.join(dir, 'builtin')).text('en', 'order.askId')).toBe('Order number?');
    const stray = write('other/order.json', { zh: { a: '甲' }, en: { a: 'A' }, comment: { a: 'x' } });
    expect(() => Responses.load([stray])).toThrow(`${stray}: "comment" is not a language tag`);
  });

  it('should ignore a "$comment" note for the shop owner beside the languages', () => {
    const noted = write('noted/order.json', { $comment: 'texts of the order flow', zh: { askId: '订单号？' }, en: { askId: 'Order number?' } });
    const responses = Responses.load([noted]);
    expect(responses.locales()).toEqual(['zh', 'en']);
    expect(responses.text('zh', 'order.askId')).toBe('订单号？');
  });

  it('should read a third language from the files, which must then be complete', () => {
    const builtin = write('builtin/order.json', { zh: { askId: '订单号？' }, en: { askId: 'Order number?' } });
    const ja = write('shop/order.json', { ja: { askId: 'ご注文番号は？' } });
    const responses = Responses.load([builtin, ja]);
    expect(responses.locales()).toEqual(['zh', 'en', 'ja']);
    expect(responses.text('ja', 'order.askId')).toBe('ご注文番号は？');
    expect(responses.everyLocale('order.askId')).toEqual({ zh: '订单号？', en: 'Order number?', ja: 'ご注文番号は？' });

    const more = write('builtin/more.json', { zh: { bye: '再见' }, en: { bye: 'Bye' } });
    expect(() => Responses.load([builtin, more, ja])).toThrow(`${more}: "more.bye" has zh but no ja`);
  });

  it('should load the package dialogs/ with the same keys in zh and en', () => {
    const responses = Responses.load(PACKAGE_DIALOGS);
    expect(responses.locales()).toEqual(expect.arrayContaining(['zh', 'en']));
    expect(responses.text('zh', 'common.yes')).toBe('是的');
    expect(responses.text('en', 'common.yes')).toBe('Yes');
  });
});
