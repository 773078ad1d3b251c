/**
 * @module bench/nlu-bench
 * `npm run bench:nlu`: for every folder of `../shared/datasets` with `train.jsonl` and
 * `dev.jsonl`, kefu and NLP.js each train on train and score dev, one child process per system
 * and dataset (so peak memory is theirs alone, and a slow run can be stopped at the time cap).
 * Then kefu's shipped model (trained from `intents/`) on the development sets of real and
 * shopper-style messages (`nlu-dev-bench`: `jddc-zh-dev`, `en-dev`). Writes
 * `test/reports/bench-nlu.md` and `.json`.
 *
 * Environment: `KEFU_DATASETS_DIR` (folder of datasets, default `../shared/datasets`),
 * `NLU_BENCH_TIMEOUT` (seconds per system and dataset, default 900), `NLU_BENCH_ONLY`
 * (comma-separated dataset names), `NLU_BENCH_SYSTEMS` (default `kefu,kefu-nb,nlp.js`).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { defaultDatasetsRoot } from '../nlp/sentiment/sentiment-datasets';
import type { NluBenchResult } from './nlu-bench-result';
import { runDevBench } from './nlu-dev-bench';
import { formatDevBench, formatNluBenchTable, writeNluBenchReport } from './nlu-bench-report';
import type { NluBenchReport } from './nlu-bench-report';

/** Dataset folders that have both splits, by name. */
export function findNluDatasets(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(root, d.name))
    .filter((dir) => fs.existsSync(path.join(dir, 'train.jsonl')) && fs.existsSync(path.join(dir, 'dev.jsonl')))
    .sort();
}

/** Runs the worker in a child process; past `timeoutSeconds` it is killed and the row is `skipped`. */
function runChild(system: string, dir: string, timeoutSeconds: number): Promise<NluBenchResult> {
  const out = path.join(os.tmpdir(), `kefu-nlu-bench-${process.pid}-${system}-${path.basename(dir)}.json`);
  fs.rmSync(out, { force: true });
  const base = { system, dataset: path.basename(dir), lang: '' };
  return new Promise((resolve) => {
    // NLP.js prints its training epochs on stdout: the worker's stdout is dropped, stderr kept.
    const child = spawn(process.execPath, [path.join(__dirname, 'nlu-bench-worker.js'), system, dir, out], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ ...base, status: 'skipped', note: `stopped at the ${timeoutSeconds} s cap (train + score)` });
      if (code !== 0 || !fs.existsSync(out)) return resolve({ ...base, status: 'failed', note: `worker exited with ${code}` });
      const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NluBenchResult;
      fs.rmSync(out, { force: true });
      resolve(result);
    });
  });
}

const NOTES = [
  'accuracy counts every dev example (`oos` included); in-scope accuracy only those whose gold intent is not `oos` (predicting `oos` for them is wrong); OOS recall/precision are — when dev has no `oos`.',
  'macro-F1 is the mean F1 over the gold intents of dev.',
  'kefu: `NluEngine.train(train, buildShopLexicon([]))` with the engine defaults; predictions through `recognizeSync` (the chat path, entities included). Its OOS threshold is fitted on held-out folds of train, never on dev. kefu-nb: the same with `classifier: \'naive-bayes\'` (multinomial, the issue\'s Bayes path; logistic regression is the default because it is more accurate).',
  'NLP.js: `@nlpjs/basic` default settings (`dockStart({ use: [\'Basic\'] (+ \'LangZh\' for zh), settings: { nlp: { languages, forceNER: false, autoSave: false, autoLoad: false } } })`), `addDocument` per line, `train()`, `process(lang, text)`; its `None` intent counts as `oos`.',
  'NLP.js on Chinese: `@nlpjs/basic` ships only `@nlpjs/lang-en`, so on zh datasets the bench adds `@nlpjs/lang-zh` (`use: [\'Basic\', \'LangZh\']`), its own Chinese tokenizer and stemmer; without it a Chinese sentence would be one token.',
  'training seconds: wall time of `train` alone, reading files excluded. predictions/s: one process, one text at a time (`predictAll`): 200 warm-up predictions, then two timed passes over dev. "first pass/s" times the first, where most words are new to the per-word caches (stems, n-gram hashes), as for a server that has just started; "predictions/s" the fastest of three more passes, the steady state of a server whose caches hold its vocabulary (the fastest, as `timeit` advises: the machine is shared, and slower passes measure the other work). kefu runs synchronously through `recognizeSync` (intent + entities; in brackets `classify`, the intent alone, steady state), NLP.js awaits each `process` promise; both get the same procedure.',
  '"answered oos": dev examples the system sent to `oos` (NLP.js: `None`, which it returns when its best score is under its default threshold of 0.5); on datasets without `oos` each of them is an error.',
  'model on disk: the trained model serialised to a temporary file — kefu `JSON.stringify(engine.toJSON())`, NLP.js `nlp.export(true)` (minified) — and its size read back.',
  'peak RSS: `process.resourceUsage().maxRSS` of the child process that loaded the data, trained and scored (the whole Node process, runtime included; an idle Node process is about 40–50 MiB).',
  'Each system and dataset runs alone, one after another, so timings do not overlap; the machine may have been shared with other work, so times are indicative.',
  'ECE: expected calibration error of the top-1 confidence (the score of the answer given, `oos` included), 10 equal-width bins: the share-weighted mean of |accuracy − mean confidence| per bin (`src/eval/calibration.ts`).',
  'Dev sets (second table): kefu\'s shipped model — `NluEngine.train` on every `utterances` list of `intents/` with the demo catalogue\'s lexicon, as the server trains it — scores messages it is never trained on (their misses guide new training utterances written in our own words; the acceptance sets are kept back), the language detected per message. `jddc-zh-dev`: real shopper messages of `../shared/datasets/jddc-shopper-dev`, labelled in `test/fixtures/nlu-dev/jddc-zh-dev.labels.jsonl` (session and turn, no text); `en-dev/public`: lines of the clinc150 and banking77 dev splits whose intent maps to a kefu intent (`en-public-map.json`, some to `oos`); `en-dev/shopper`: shopper-style English written for kefu; `en-dev`: both. `test/fixtures/nlu-dev/README.md` says how they were labelled. ECE: expected calibration error of the top-1 confidence, 10 equal-width bins. Misses are listed in the JSON by id (session#turn, dataset:line), never by text.',
];

/** How busy the machine was: a 1-minute load average above the core count means other work competed for the CPU. */
function busyNote(start: number, end: number, cores: number): string {
  const busy = Math.max(start, end) > cores;
  return (
    `This run: 1-minute load average ${start.toFixed(1)} at the start and ${end.toFixed(1)} at the end, on ${cores} cores. ` +
    (busy
      ? 'Other work was competing for the CPU, so the speed, training-time and memory figures are noisy (compare accuracy, not speed, between runs).'
      : 'The machine was otherwise quiet.')
  );
}

async function main(): Promise<void> {
  const root = defaultDatasetsRoot(REPO_ROOT);
  const timeoutSeconds = Number(process.env.NLU_BENCH_TIMEOUT ?? 900);
  const only = process.env.NLU_BENCH_ONLY?.split(',').filter(Boolean);
  const systems = (process.env.NLU_BENCH_SYSTEMS ?? 'kefu,kefu-nb,nlp.js').split(',').filter(Boolean);
  const loadAtStart = os.loadavg()[0] ?? 0;
  const datasets = findNluDatasets(root).filter((d) => !only || only.includes(path.basename(d)));
  // Without ../shared/datasets only the dev rows that need no shared text are measured (the others say why).
  if (datasets.length === 0) process.stderr.write(`bench:nlu: no dataset with train.jsonl and dev.jsonl under ${root}: public rows skipped\n`);
  const results: NluBenchResult[] = [];
  for (const dir of datasets) {
    for (const system of systems) {
      process.stderr.write(`bench:nlu ${system} on ${path.basename(dir)} …\n`);
      const r = await runChild(system, dir, timeoutSeconds);
      process.stderr.write(`  ${r.status}${r.status === 'ok' ? ` accuracy ${((r.accuracy ?? 0) * 100).toFixed(1)}% in ${r.trainSeconds} s` : `: ${r.note}`}\n`);
      results.push(r);
    }
  }
  process.stderr.write('bench:nlu kefu (intents/) on the dev sets …\n');
  const devSets = runDevBench({
    intentsDir: path.join(REPO_ROOT, 'intents'),
    knowledgeDir: path.join(REPO_ROOT, 'shops', 'demo', 'knowledge'),
    datasetsRoot: root,
    fixtures: path.join(REPO_ROOT, 'test', 'fixtures', 'nlu-dev'),
  });
  const cpus = os.cpus();
  const report: NluBenchReport = {
    date: new Date().toISOString(),
    machine: { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, os: `${os.type()} ${os.release()} ${os.arch()}`, memoryBytes: os.totalmem() },
    node: process.version,
    commit: spawnSync('git', ['describe', '--always', '--dirty'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout?.trim() || 'unknown',
    timeoutSeconds,
    results,
    devSets,
    notes: [...NOTES, busyNote(loadAtStart, os.loadavg()[0] ?? 0, os.cpus().length)],
  };
  const written = writeNluBenchReport(report, path.join(REPO_ROOT, 'test', 'reports', 'bench-nlu'));
  process.stdout.write(`${formatNluBenchTable(results)}\n\n${formatDevBench(devSets)}\n\nwritten ${written.md} and ${written.json}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench:nlu failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
