/**
 * @module catalogue/live-catalogue
 * Keeps a running server's bot in step with the shop data and the NLU model without a restart.
 * Every few seconds it compares two numbers (`shop-data-stamp`); when `kefu import` wrote new shop
 * data or a retrain recorded a run, it rebuilds the bot: the model is trained (or found in the cache)
 * in a worker thread, then the bot is built from the store's data and the cached model and swapped in
 * (`LiveTurnRunner`). Rebuilds run one at a time; the chat turns never wait for one.
 */
import type { KefuConfig } from '../config';
import type { TurnRunner } from '../core/turn-runner';
import { createLogger } from '../log';
import { buildShopLexicon } from '../nlp/lexicon';
import type { ProgressCallback } from '../nlp/progress-bar';
import { acceptedExamples } from '../staff/accepted-examples';
import type { Stores } from '../core/stores';
import { LiveTurnRunner } from './live-turn-runner';
import { recognizerInput } from './recognizer-input';
import { readShopDataStamp, sameStamp, type ShopDataStamp } from './shop-data-stamp';
import { trainInWorker, type TrainResult } from './train-in-worker';

const log = createLogger('kefu:catalogue');

/** How often a server looks for new shop data or a new model. */
export const DEFAULT_POLL_MS = 2000;

export interface LiveCatalogueDeps {
  config: KefuConfig;
  stores: Stores;
  /** Builds a bot from the store's current shop data and the cached model (the composition root's `buildBot`). */
  build(): Promise<TurnRunner>;
  /** @default DEFAULT_POLL_MS */
  pollMs?: number;
}

export interface ReloadOptions {
  /** Score the model on the held-out lists and record the run, even when the cache held it (a retrain asked for). */
  record?: boolean;
  onProgress?: ProgressCallback;
}

export class LiveCatalogue {
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private stopped = false;

  private constructor(
    private readonly deps: LiveCatalogueDeps,
    readonly runner: LiveTurnRunner,
    private stamp: ShopDataStamp,
  ) {}

  /**
   * Builds the first bot and starts watching.
   * @example const catalogue = await LiveCatalogue.start({ config, stores, build: async () => new BotbuilderTurnRunner(await buildBot(config, stores)) });
   */
  static async start(deps: LiveCatalogueDeps): Promise<LiveCatalogue> {
    const { dataVersion } = await readShopDataStamp(deps.stores.shop, deps.config.modelDir);
    const runner = new LiveTurnRunner(await deps.build());
    // The runs file is read after the build: a start that trained recorded its own run.
    const { trainingRuns } = await readShopDataStamp(deps.stores.shop, deps.config.modelDir);
    const catalogue = new LiveCatalogue(deps, runner, { dataVersion, trainingRuns });
    catalogue.timer = setInterval(() => void catalogue.check(), deps.pollMs ?? DEFAULT_POLL_MS);
    catalogue.timer.unref();
    return catalogue;
  }

  /** Whether a rebuild is running or waiting. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /**
   * Trains the model off the main thread when the inputs changed, then builds a bot from the current
   * shop data and swaps it in. Queued behind a rebuild already running.
   */
  reload(options: ReloadOptions = {}): Promise<TrainResult> {
    this.pending++;
    const next = this.queue.then(() => this.rebuild(options));
    this.queue = next.catch(() => undefined).finally(() => this.pending--);
    return next;
  }

  stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    return this.queue.then(() => undefined);
  }

  private async check(): Promise<void> {
    if (this.busy) return;
    try {
      const stamp = await readShopDataStamp(this.deps.stores.shop, this.deps.config.modelDir);
      // Stopped while reading: the stores are closing.
      if (this.stopped || this.busy || sameStamp(stamp, this.stamp)) return;
      await this.reload();
    } catch (err) {
      log.warn('cannot reload the shop data (the bot keeps the previous): %s', err instanceof Error ? err.message : String(err));
    }
  }

  private async rebuild(options: ReloadOptions): Promise<TrainResult> {
    const { config, stores } = this.deps;
    const started = Date.now();
    const shop = await stores.shop.loadShop();
    const extra = await acceptedExamples(stores.staff.annotations);
    const input = recognizerInput(config, shop, extra);
    // Derived here, in this thread's jieba state, as `buildBot` derives it next (see `train-in-worker`).
    const lexicon = buildShopLexicon(input.products, input.knowledge);
    const result = await trainInWorker({ input, lexicon, record: options.record === true }, options.onProgress);
    const { dataVersion } = await readShopDataStamp(stores.shop, config.modelDir);
    const runner = await this.deps.build();
    this.runner.swap(runner);
    this.stamp = { dataVersion, trainingRuns: (await readShopDataStamp(stores.shop, config.modelDir)).trainingRuns };
    log.info('rebuilt the bot for shop data version %d in %d ms (model %s)', dataVersion, Date.now() - started, result.trained ? 'trained' : 'from the cache');
    return result;
  }
}
