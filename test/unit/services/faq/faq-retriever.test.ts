import type { Faq } from '../../../../src/core/shop';
import { FaqRetriever } from '../../../../src/services/faq/faq-retriever';
import { testAnalyzers } from '../../../fixtures/services/analyzers';
import faqJson from '../../../fixtures/services/faq.json';

const faqs = faqJson as Faq[];

describe.each(testAnalyzers())('FaqRetriever with %s', (_name, analyzer) => {
  const retriever = new FaqRetriever(faqs, analyzer);

  it.each([
    ['几天能发货', 'faq-shipping-time'],
    ['你们一般多久发货呀', 'faq-shipping-time'],
    ['运费怎么算', 'faq-shipping-fee'],
    ['我想退货', 'faq-return-policy'],
    ['退款什么时候到', 'faq-refund-time'],
    ['能开发票吗', 'faq-invoice'],
    ['可以用支付宝付款吗', 'faq-payment'],
    ['保修期多长', 'faq-warranty'],
    ['收货地址写错了', 'faq-change-address'],
  ])('should answer the zh paraphrase %s', (query, id) => {
    expect(retriever.best(query, 'zh')?.faq.id).toBe(id);
  });

  it.each([
    ['how long until you ship my order', 'faq-shipping-time'],
    ['is shipping free', 'faq-shipping-fee'],
    ['I want to return my shoes', 'faq-return-policy'],
    ['when do I get my refund', 'faq-refund-time'],
    ['I need an invoice', 'faq-invoice'],
    ['do you take credit cards', 'faq-payment'],
    ['what warranty do you offer', 'faq-warranty'],
    ['change address', 'faq-change-address'],
  ])('should answer the en paraphrase %s', (query, id) => {
    expect(retriever.best(query, 'en')?.faq.id).toBe(id);
  });

  it.each([
    ['今天天气怎么样', 'zh'],
    ['讲个笑话', 'zh'],
    ['你是谁', 'zh'],
    ['who won the match', 'en'],
    ['what is the capital of France', 'en'],
    ['tell me a joke', 'en'],
    ['', 'en'],
  ] as const)('should find nothing for the unrelated %s', (query, locale) => {
    expect(retriever.best(query, locale)).toBeNull();
  });

  it('should rank hits and report a confidence in [0, 1]', () => {
    const hits = retriever.search('how much is delivery, is it free?', 'en', { limit: 3 });
    expect(hits[0].faq.id).toBe('faq-shipping-fee');
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    for (const h of hits) {
      expect(h.confidence).toBeGreaterThan(0);
      expect(h.confidence).toBeLessThanOrEqual(1);
    }
    expect(retriever.search('how much is delivery', 'en', { limit: 1 })).toHaveLength(1);
  });

  it('should prefer FAQs with the requested tag and fall back to others', () => {
    // "多久" fits both the shipping and the refund FAQ; the tag decides.
    expect(retriever.best('要多久', 'zh', { tags: ['refund'] })?.faq.id).toBe('faq-refund-time');
    expect(retriever.best('要多久', 'zh', { tags: ['shipping'] })?.faq.id).toBe('faq-shipping-time');
    // No invoice FAQ is tagged "shipping": the untagged match still wins.
    expect(retriever.best('能开发票吗', 'zh', { tags: ['shipping'] })?.faq.id).toBe('faq-invoice');
  });

  it('should index an FAQ written in one language only, and a plain-string answer', () => {
    const only: Faq[] = [
      { id: 'en-only', questions: { en: ['Do you ship to Canada?'] }, answer: 'Yes, we ship to Canada.' },
      { id: 'zh-only', questions: { zh: ['可以货到付款吗'] }, answer: '支持货到付款。' },
    ];
    const r = new FaqRetriever(only, analyzer);
    expect(r.best('ship to canada', 'zh')?.faq.id).toBe('en-only');
    expect(r.best('支持货到付款吗', 'en')?.faq.id).toBe('zh-only');
    expect(r.best('ship to canada', 'en')?.faq.id).toBe('en-only');
  });

  it('should read region-tagged languages (zh-CN, en-US) as zh and en', () => {
    const tagged: Faq[] = [
      { id: 'cod', questions: { 'zh-CN': ['可以货到付款吗'], 'en-US': ['Can I pay cash on delivery?'] }, answer: { 'zh-CN': '支持。', 'en-US': 'Yes.' } },
      { id: 'gift', questions: { 'zh-CN': ['可以包装成礼物吗'], 'en-US': ['Do you offer gift wrapping?'] }, answer: { 'en-US': 'Yes, for 10 yuan.' } },
    ];
    const r = new FaqRetriever(tagged, analyzer);
    expect(r.best('货到付款', 'zh')?.faq.id).toBe('cod');
    expect(r.best('cash on delivery', 'en')?.faq.id).toBe('cod');
    expect(r.best('gift wrapping', 'en')?.faq.id).toBe('gift');
    expect(r.search('10 yuan', 'en', { limit: 1 })[0]?.faq.id).toBe('gift');
  });

  it('should find a match through the answer text when no question shares a word', () => {
    expect(retriever.search('alipay', 'en', { limit: 1 })[0]?.faq.id).toBe('faq-payment');
  });
});
