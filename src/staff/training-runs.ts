/**
 * @module staff/training-runs
 * The history of NLU trainings, `<modelDir>/training-runs.jsonl`, one JSON object a line: when,
 * how many accepted annotations were included, and held-out accuracy per language. `kefu train`
 * and a server start that trained append to it; the console reads it newest first.
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../log';
import type { HeldOutAccuracy } from './held-out-accuracy';

const log = createLogger('kefu:staff:training-runs');

export interface TrainingRun {
  at: string;
  acceptedAnnotations: number;
  heldOut: HeldOutAccuracy;
}

export const TRAINING_RUNS_FILE = 'training-runs.jsonl';

export function recordTrainingRun(modelDir: string, run: TrainingRun): void {
  mkdirSync(modelDir, { recursive: true });
  // One short line per append: concurrent writers (a CLI beside the server) do not interleave.
  appendFileSync(join(modelDir, TRAINING_RUNS_FILE), JSON.stringify(run) + '\n');
}

function isRun(value: unknown): value is TrainingRun {
  const r = value as TrainingRun | null;
  return typeof r === 'object' && r !== null && typeof r.at === 'string' && typeof r.acceptedAnnotations === 'number' && typeof r.heldOut === 'object' && r.heldOut !== null;
}

/** Newest first, at most `limit`; unreadable lines are skipped (and logged). */
export function readTrainingRuns(modelDir: string, limit = 100): TrainingRun[] {
  let text: string;
  try {
    text = readFileSync(join(modelDir, TRAINING_RUNS_FILE), 'utf8');
  } catch {
    return [];
  }
  const runs: TrainingRun[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const run: unknown = JSON.parse(line);
      if (isRun(run)) runs.push(run);
    } catch {
      log.warn('skipping an unreadable line of %s', TRAINING_RUNS_FILE);
    }
  }
  return runs.reverse().slice(0, limit);
}
