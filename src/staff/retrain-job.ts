/**
 * @module staff/retrain-job
 * The console's "Retrain" (issue 12): retrains the NLU from the intents, staff's accepted
 * annotations and the current catalogue in a worker thread, records the run with its held-out
 * accuracy, and switches the running bot to the new model (`catalogue/live-catalogue`). One retrain
 * at a time, across the workers of `--workers N` too (`retrain-shared-state`); its state is what the
 * console polls for progress, whichever worker answers.
 */
import type { LiveCatalogue } from '../catalogue/live-catalogue';
import { createLogger } from '../log';
import { claimRetrain, readRetrainStatus, releaseRetrain, writeRetrainStatus } from './retrain-shared-state';
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
  /** The retrain this process runs, while it runs. */
  private mine?: RetrainStatus;

  constructor(
    private readonly catalogue: Pick<LiveCatalogue, 'reload'>,
    /** The model folder, shared by the workers. */
    private readonly modelDir: string,
  ) {}

  /** This process's retrain while it runs, else the last one any worker ran (or idle). */
  get current(): RetrainStatus {
    return { ...(this.mine ?? readRetrainStatus(this.modelDir) ?? { state: 'idle', percent: 0 }) };
  }

  /** Starts a retrain unless one is running here or in another worker (then false). Returns once started. */
  start(by: string): boolean {
    if (this.mine || !claimRetrain(this.modelDir)) return false;
    const started: RetrainStatus = { state: 'running', percent: 0, step: 'loading', startedAt: new Date().toISOString(), startedBy: by };
    this.mine = started;
    const share = (status: RetrainStatus): void => {
      try {
        writeRetrainStatus(this.modelDir, status);
      } catch (err) {
        log.warn('cannot share the retrain status: %s', err instanceof Error ? err.message : String(err));
      }
    };
    share(started);
    const finish = (status: RetrainStatus): void => {
      share(status);
      this.mine = undefined;
      releaseRetrain(this.modelDir);
    };
    this.catalogue
      .reload({
        record: true,
        onProgress: (step, done, total) => {
          const [from, width] = STEP_RANGE[step] ?? [started.percent, 0];
          started.step = step;
          started.percent = Math.max(started.percent, Math.round(from + (total > 0 ? (width * Math.min(done, total)) / total : width)));
          // The worker's last step is the final model; the bot is rebuilt and swapped next.
          if (step === 'final model' && done >= total) Object.assign(started, { step: 'switching', percent: STEP_RANGE.switching[0] });
          share(started);
        },
      })
      .then(
        (result) => {
          const { step: _step, ...rest } = started;
          finish({ ...rest, state: 'done', percent: 100, finishedAt: new Date().toISOString(), run: result.run, trained: result.trained });
        },
        (err: unknown) => {
          log.error('retrain failed', err);
          const { step: _step, ...rest } = started;
          finish({ ...rest, state: 'failed', finishedAt: new Date().toISOString(), error: err instanceof Error ? err.message : String(err) });
        },
      );
    return true;
  }
}
