/**
 * @module cli/train-command
 * `kefu train`: trains the NLU from the shop's intents (built-in `intents/` and the shop folder's), the store's catalogue and staff's accepted
 * annotations (or reuses the cached model when nothing changed), prints accuracy on the
 * held-out `tests` lists per language and records the run for the console
 * (`<modelDir>/training-runs.jsonl`).
 */
import { recognizerInput } from '../catalogue/recognizer-input';
import { loadConfig } from '../config';
import { LOCALES } from '../core/shop';
import { domainIntents } from '../domain/domain-queries';
import { loadDomain } from '../domain/load-domain';
import { loadOrTrainModel } from '../nlp';
import { openStores } from '../storage/open-stores';
import { ensureShopData } from '../app';
import { shopContent } from '../shop-folder/shop-content';
import { acceptedExamples } from '../staff/accepted-examples';
import { recordTraining } from '../staff/record-training';

export async function runTrain(_args: string[]): Promise<number> {
  const config = loadConfig();
  const stores = await openStores(config);
  try {
    await ensureShopData(config, stores);
    const shop = await stores.shop.loadShop();
    const extraExamples = await acceptedExamples(stores.staff.annotations);
    const intentNames = domainIntents(loadDomain(shopContent(config).domainFiles));
    // The server's model-cache input, so the server finds the model trained here.
    const input = recognizerInput(config, shop, extraExamples);
    const engine = loadOrTrainModel({ ...input, intentNames });
    const run = await recordTraining(engine, { intents: input.intents, intentNames, modelDir: config.modelDir, acceptedAnnotations: extraExamples.length });
    process.stdout.write(`accepted annotations trained: ${extraExamples.length}\n`);
    for (const locale of LOCALES) {
      const { accuracy, n } = run.heldOut[locale];
      process.stdout.write(`${locale}: held-out accuracy ${(accuracy * 100).toFixed(1)}% (${n} utterances)\n`);
    }
    return 0;
  } finally {
    await stores.close();
  }
}
