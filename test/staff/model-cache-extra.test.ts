/**
 * The model cache with staff's accepted annotations as extra examples: they are trained, they
 * are part of the cache key, and an unchanged set reuses the cached model.
 */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Product } from '../../src/core/shop';
import { loadOrTrainModel } from '../../src/nlp/model-cache';
import type { IntentExample } from '../../src/nlp/corpus-types';
import products from '../fixtures/nlp/products.json';

function setup(): { intentsDir: string; dataDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'kefu-model-extra-'));
  const intentsDir = join(root, 'intents');
  cpSync(join(__dirname, '../fixtures/nlp/intents'), intentsDir, { recursive: true });
  return { intentsDir, dataDir: join(root, 'data') };
}

const EXTRA: IntentExample[] = [
  { text: '帮我把积分兑换成优惠券吧', intent: 'promo.info', locale: 'zh' },
  { text: 'swap my reward points for a voucher', intent: 'promo.info', locale: 'en' },
];

describe('loadOrTrainModel with extraExamples', () => {
  it('should train the extra examples, key the cache on them, and reuse an unchanged set', () => {
    const { intentsDir, dataDir } = setup();
    const input = { intents: intentsDir, products: products as Product[], dataDir };
    const trained: string[] = [];
    const plain = loadOrTrainModel({ ...input, onTrained: () => trained.push('plain') });
    const withExtra = loadOrTrainModel({ ...input, extraExamples: EXTRA, onTrained: () => trained.push('extra') });
    expect(readdirSync(join(dataDir, 'models'))).toHaveLength(2);
    for (const e of EXTRA) {
      expect(plain.recognizeSync(e.text).topIntent.name).not.toBe('promo.info');
      expect(withExtra.recognizeSync(e.text).topIntent.name).toBe('promo.info');
    }
    // The same set (and an empty one, which is no set) hit the cache: nothing trains again.
    loadOrTrainModel({ ...input, extraExamples: [...EXTRA], onTrained: () => trained.push('again') });
    loadOrTrainModel({ ...input, extraExamples: [], onTrained: () => trained.push('empty') });
    expect(trained).toEqual(['plain', 'extra']);
    loadOrTrainModel({ ...input, extraExamples: EXTRA.slice(1), onTrained: () => trained.push('changed') });
    expect(trained).toEqual(['plain', 'extra', 'changed']);
    expect(readdirSync(join(dataDir, 'models'))).toHaveLength(3);
  });
});
