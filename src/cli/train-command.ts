/**
 * @module cli/train-command
 * `kefu train`: trains the NLU from `intents/` and the store's catalogue (or reuses the cached
 * model when nothing changed) and prints accuracy on the held-out `tests` lists per language.
 */
import { loadConfig } from '../config';
import { LOCALES } from '../core/shop';
import { loadIntentCorpus, loadOrTrainModel, evaluate } from '../nlp';
import { openStores } from '../storage/open-stores';
import { ensureShopData } from '../app';

export async function runTrain(_args: string[]): Promise<number> {
  const config = loadConfig();
  const stores = await openStores(config);
  try {
    await ensureShopData(config, stores);
    const products = (await stores.shop.loadShop()).products;
    const engine = await loadOrTrainModel({ intentsDir: config.intentsDir, products, dataDir: config.dataDir, modelDir: config.modelDir });
    const corpus = loadIntentCorpus(config.intentsDir);
    for (const locale of LOCALES) {
      const tests = corpus.tests.filter((e) => e.locale === locale);
      const result = await evaluate(engine, tests);
      process.stdout.write(`${locale}: held-out accuracy ${(result.accuracy * 100).toFixed(1)}% (${tests.length} utterances)\n`);
    }
    return 0;
  } finally {
    await stores.close();
  }
}
