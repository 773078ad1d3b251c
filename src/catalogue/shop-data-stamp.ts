/**
 * @module catalogue/shop-data-stamp
 * What a running bot was built from, in two numbers it can poll cheaply: the store's shop data
 * version (bumped by every import, whichever process wrote it) and the training runs file
 * (`<modelDir>/training-runs.jsonl`, appended by every retrain: the console's, `kefu train`, another
 * worker's). When either changes, the bot is rebuilt; with `--workers N` each worker polls the same
 * store and model folder, so each picks the change up.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ShopRepository } from '../core/shop-repository';
import { TRAINING_RUNS_FILE } from '../staff/training-runs';

export interface ShopDataStamp {
  dataVersion: number;
  /** Size of the training runs file in bytes (it only grows), 0 when absent. */
  trainingRuns: number;
}

export async function readShopDataStamp(shop: ShopRepository, modelDir: string): Promise<ShopDataStamp> {
  let trainingRuns = 0;
  try {
    trainingRuns = statSync(join(modelDir, TRAINING_RUNS_FILE)).size;
  } catch {
    // No run recorded yet.
  }
  return { dataVersion: await shop.dataVersion(), trainingRuns };
}

export const sameStamp = (a: ShopDataStamp, b: ShopDataStamp): boolean => a.dataVersion === b.dataVersion && a.trainingRuns === b.trainingRuns;
