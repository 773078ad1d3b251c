/**
 * @module staff/retrain-job
 * The console's "Retrain" (issue 12): retrains the NLU from the intents, staff's accepted
 * annotations and the current catalogue in a worker thread, records the run with its held-out
 * accuracy, and switches the running bot to the new model (`catalogue/live-catalogue`). One retrain
 * at a time; its state is what the console polls for progress.
 */
import type { LiveCatalogue } from '../catalogue/live-catalogue';
import { createLogger } from '../log';
import type { TrainingRun } from './training-runs';

const log = createLogger('kefu:staff:retrain');

export type RetrainState = 'idle' | 'running' | 'done' | 'failed';

export interface RetrainStatus {
  state: RetrainState;
  /** 0–100, a rough share of the work done (the training steps weigh most). */
  percent: number;
  /** The step in progress: `loading`, `tokenize`, `held-out folds`, `final model`, `switching`. */
  step?: string;
  startedAt?: string;
  finishedAt?: string;
  startedBy?: string;
  /** When done: the recorded run (held-out accuracy per language). */
  run?: TrainingRun;
  /** When done: false when the model cache already held this model (nothing new to learn). */
  trained?: boolean;
  /** When failed. */
  error?: string;
}

/** Where each training step starts and how much of the bar it fills. */
const STEP_RANGE: Record<string, [number, number]> = {
  loading: [0, 5],
  tokenize: [5, 5],
  'held-out folds': [10, 65],
  'final model': [75, 15],
  switching: [95, 5],
};

export class RetrainJob {
  private status: RetrainStatus = { state: 'idle', percent: 0 };

  constructor(private readonly catalogue: Pick<LiveCatalogue, 'reload'>) {}

  get current(): RetrainStatus {
    return { ...this.status };
  }

  get running(): boolean {
    return this.status.state === 'running';
  }

  /** Starts a retrain unless one is running (then false). Resolves when it has started, not finished. */
  start(by: string): boolean {
    if (this.running) return false;
    this.status = { state: 'running', percent: 0, step: 'loading', startedAt: new Date().toISOString(), startedBy: by };
    const started = this.status;
    this.catalogue
      .reload({
        record: true,
        onProgress: (step, done, total) => {
          const [from, width] = STEP_RANGE[step] ?? [started.percent, 0];
          started.step = step;
          started.percent = Math.max(started.percent, Math.round(from + (total > 0 ? (width * Math.min(done, total)) / total : width)));
          // The worker's last step is the final model; the bot is rebuilt and swapped next.
          if (step === 'final model' && done >= total) Object.assign(started, { step: 'switching', percent: STEP_RANGE.switching[0] });
        },
      })
      .then(
        (result) => {
          this.status = { ...started, state: 'done', percent: 100, step: undefined, finishedAt: new Date().toISOString(), run: result.run, trained: result.trained };
        },
        (err: unknown) => {
          log.error('retrain failed', err);
          this.status = { ...started, state: 'failed', step: undefined, finishedAt: new Date().toISOString(), error: err instanceof Error ? err.message : String(err) };
        },
      );
    return true;
  }
}
