/**
 * @module bench/run-all
 * `npm run bench`: every benchmark in one run, reports written to `test/reports/`.
 */
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { runFaqBench, writeFaqReport } from './faq-bench';
import { runIntentBench, writeIntentReport } from './intent-bench';
import { formatRecommenderReport, runRecommenderBench, writeRecommenderReport } from './recommender-bench';

async function main(): Promise<void> {
  const reports = path.join(REPO_ROOT, 'test', 'reports');
  const recommender = await runRecommenderBench(path.join(REPO_ROOT, 'shops', 'demo', 'knowledge'));
  const rec = writeRecommenderReport(recommender, path.join(reports, 'bench-recommender.md'));
  process.stdout.write(formatRecommenderReport(recommender) + `\nwritten ${rec.md}\n\n`);
  const intents = await runIntentBench(path.join(REPO_ROOT, 'intents'), path.join(REPO_ROOT, 'shops', 'demo', 'knowledge'));
  const nlu = writeIntentReport(intents, path.join(reports, 'bench-intents.md'));
  process.stdout.write(`${nlu.text}\nwritten ${nlu.md}\n`);
  const faq = writeFaqReport(runFaqBench(), path.join(reports, 'bench-faq.md'));
  process.stdout.write(`\n${faq.text}\nwritten ${faq.md}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
