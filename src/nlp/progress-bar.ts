/**
 * @module nlp/progress-bar
 * A one-line progress bar for long training steps, drawn on standard error only when it is a
 * terminal (logs and pipes stay clean).
 */

/** Called by long steps: what is being done, and how far along it is (done of total). */
export type ProgressCallback = (step: string, done: number, total: number) => void;

/**
 * A progress callback that draws `step [#####-----] 3/6` on the stream, or does nothing when the
 * stream is not a TTY.
 * @example NluEngine.train(corpus, lexicon, { onProgress: progressBar() })
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr, width = 24): ProgressCallback {
  if (!stream.isTTY) return () => undefined;
  return (step, done, total) => {
    const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : width;
    stream.write(`\r${step.padEnd(28).slice(0, 28)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}\u001b[K`);
    if (done >= total) stream.write('\n');
  };
}
