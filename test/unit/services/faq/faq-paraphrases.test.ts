/**
 * The FAQ retriever on paraphrases written for this project (`test/fixtures/faq-paraphrases`), in
 * Chinese and English, with the project's analyzer: questions that share few words with any stored
 * phrasing find their FAQ, unrelated questions find none, and the blend does better than BM25 alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Faq, Locale } from '../../../../src/core/shop';
import { KefuTextAnalyzer } from '../../../../src/nlp/analyzer';
import { FaqRetriever } from '../../../../src/services/faq/faq-retriever';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const readFaq = (dir: string): Faq[] => JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'faq.json'), 'utf8')) as Faq[];
const analyzer = new KefuTextAnalyzer();

describe('FaqRetriever on paraphrases of the demo shop', () => {
  const faq = new FaqRetriever(readFaq('shops/demo/knowledge'), analyzer);
  const bm25 = new FaqRetriever(readFaq('shops/demo/knowledge'), analyzer, { semanticWeight: 0, threshold: 0.2 });

  it.each([
    ['你们发啥快递', 'faq-shipping-carriers'],
    ['能不能给我发顺丰', 'faq-shipping-carriers'],
    ['你们家邮费咋收的', 'faq-shipping-fee'],
    ['钱多久能退回来', 'faq-refund-timing'],
    ['退的钱一直没收到', 'faq-refund-not-received'],
    ['账户怎么删', 'faq-account-delete'],
    ['刚买完就降价了', 'faq-price-protection'],
    ['是正品行货吗', 'faq-genuine-products'],
  ])('should answer the zh paraphrase %s with %s', (q, id) => {
    expect(faq.best(q, 'zh')?.faq.id).toBe(id);
  });

  it.each([
    ['which shipping company do you use', 'faq-shipping-carriers'],
    ['can you send it by SF', 'faq-shipping-carriers'],
    ['when do I get my money back', 'faq-refund-timing'],
    ['I never got my refund', 'faq-refund-not-received'],
    ['how do vouchers work', 'faq-promo-coupon-use'],
    ['can you send it overseas', 'faq-shipping-remote-international'],
    ['are the items authentic', 'faq-genuine-products'],
    ['my company needs a VAT special invoice to deduct tax', 'faq-invoice-vat-special'],
  ])('should answer the en paraphrase %s with %s', (q, id) => {
    expect(faq.best(q, 'en')?.faq.id).toBe(id);
  });

  it('should answer paraphrases BM25 alone misses', () => {
    for (const [q, locale, id] of [
      ['买一百块钱的东西免邮不', 'zh', 'faq-shipping-fee'],
      ['价保几天', 'zh', 'faq-price-protection'],
      ['会不会是假货', 'zh', 'faq-genuine-products'],
      ['what carrier will bring my parcel', 'en', 'faq-shipping-carriers'],
      ['how do vouchers work', 'en', 'faq-promo-coupon-use'],
      ['can I use Alipay', 'en', 'faq-payment-methods'],
    ] as [string, Locale, string][]) {
      expect(bm25.best(q, locale)?.faq.id).not.toBe(id);
      expect(faq.best(q, locale)?.faq.id).toBe(id);
    }
  });

  it.each([
    ['今天天气怎么样', 'zh'],
    ['给我讲个笑话', 'zh'],
    ['一加一等于几', 'zh'],
    ['what is the weather like today', 'en'],
    ['tell me a joke', 'en'],
    ['who are you', 'en'],
    ['', 'zh'],
  ] as [string, Locale][])('should abstain on the unrelated %s', (q, locale) => {
    expect(faq.best(q, locale)).toBeNull();
  });

  it('should keep confidences in [0, 1] and rank by score', () => {
    const hits = faq.search('退款几天到', 'zh', { limit: 5 });
    expect(hits[0].faq.id).toBe('faq-refund-timing');
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    for (const h of hits) {
      expect(h.confidence).toBeGreaterThan(0);
      expect(h.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('FaqRetriever on paraphrases of a second shop', () => {
  const faq = new FaqRetriever(readFaq('test/fixtures/other-shop'), analyzer);

  it.each([
    ['快递费咋算', 'zh', 'pb-shipping-fee'],
    ['可以到付吗', 'zh', 'pb-payment'],
    ['买书能便宜点吗', 'zh', 'pb-promo'],
    ['手机号换了咋改', 'zh', 'pb-account'],
    ['how much is postage', 'en', 'pb-shipping-fee'],
    ['do members get money off', 'en', 'pb-promo'],
    ['can opened coffee be returned', 'en', 'pb-return'],
    ['where does my refund go', 'en', 'pb-refund'],
  ] as [string, Locale, string][])('should answer %s (%s) with %s', (q, locale, id) => {
    expect(faq.best(q, locale)?.faq.id).toBe(id);
  });
});
