/**
 * @module bench/chat-path-bench
 * Issue 11's speed and size targets, measured on kefu's shipped model:
 * - the chat path (intent + entities + sentiment, `chatPathTurn`) in predictions/s on one core:
 *   this process, one message at a time (`predictAll`: warm-up, first pass, fastest of three more),
 *   on real messages: the text of `jddc-zh-dev` and of `en-dev` (`nlu-dev-sets`);
 * - the memory the NLU adds to a process and the training time on all of kefu's data
 *   (`chat-path-memory`, in child processes of their own).
 * `bench:nlu` runs it after the dev sets:
 * `npm run build --silent && node dist/bench/chat-path-bench.js` writes `test/reports/bench-chat-path.md` and `.json`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { predictAll } from '../eval/predict-all';
import { buildShopLexicon, NluEngine } from '../nlp';
import type { NluModelJSON } from '../nlp';
import type { Product } from '../core/shop';
import { defaultDatasetsRoot } from '../nlp/sentiment/sentiment-datasets';
import { chatPathEngine, chatPathTurn } from './chat-path-turn';
import type { ChatPathMemory } from './chat-path-memory';
import { loadDevSets } from './nlu-dev-sets';
import { chatPathMarkdown } from './chat-path-report';
import type { ChatPathReport, ChatPathRow } from './chat-path-report';

/** The dev sets whose text the chat path is timed on: real Chinese shoppers, and English. */
const SETS = ['jddc-zh-dev', 'en-dev'];

/** Runs `chat-path-memory` in a child process with `--expose-gc`. */
function memoryChild(mode: 'train' | 'load', modelFile: string, textsFile: string, intentsDir: string, productsFile: string): ChatPathMemory {
  const script = path.join(__dirname, 'chat-path-memory.js');
  const child = spawnSync(process.execPath, ['--expose-gc', script, mode, modelFile, textsFile, intentsDir, productsFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`chat-path-memory ${mode} failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as ChatPathMemory;
}

/** Passes timed by CPU time (`cpuPerSecond`). */
const CPU_PASSES = 3;

/**
 * Messages per second of this process's CPU time, the fastest of `CPU_PASSES` passes: on a
 * machine shared with other work, wall time also counts the time the process waited for a core.
 */
function cpuRate(turn: (text: string) => unknown, texts: readonly string[]): number {
  let best = 0;
  for (let pass = 0; pass < CPU_PASSES; pass++) {
    const before = process.cpuUsage();
    for (const text of texts) turn(text);
    const used = process.cpuUsage(before);
    best = Math.max(best, Math.round(texts.length / Math.max((used.user + used.system) / 1e6, 1e-9)));
  }
  return best;
}

/** Times the chat path on each dev set's texts with `engine`. */
export function timeChatPath(engine: NluEngine, sets: { name: string; lang: string; texts: readonly string[] }[]): ChatPathRow[] {
  return sets.map((s) => {
    const examples = s.texts.map((text) => ({ text, intent: '' }));
    const { predictPerSecond, firstPassPerSecond } = predictAll((text) => {
      const r = chatPathTurn(engine, text);
      return { name: r.topIntent.name, score: r.sentiment.score };
    }, examples);
    const cpuPerSecond = cpuRate((text) => chatPathTurn(engine, text), s.texts);
    return { set: s.name, lang: s.lang, n: s.texts.length, predictPerSecond, firstPassPerSecond, cpuPerSecond, microseconds: Math.round((1e6 / cpuPerSecond) * 10) / 10 };
  });
}

function main(): void {
  const loadAtStart = os.loadavg()[0] ?? 0;
  const intentsDir = path.join(REPO_ROOT, 'intents');
  const productsFile = path.join(REPO_ROOT, 'shops', 'demo', 'knowledge', 'products.json');
  const sets = loadDevSets(defaultDatasetsRoot(REPO_ROOT), path.join(REPO_ROOT, 'test', 'fixtures', 'nlu-dev')).flatMap((s) =>
    s.status === 'ok' && SETS.includes(s.name) ? [{ name: s.name, lang: s.lang, texts: s.examples.map((e) => e.text) }] : [],
  );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-chat-path-'));
  try {
    const modelFile = path.join(tmp, 'model.json');
    const textsFile = path.join(tmp, 'texts.json');
    fs.writeFileSync(textsFile, JSON.stringify(sets.flatMap((s) => s.texts)));
    process.stderr.write('bench:chat-path training the shipped model (child process) …\n');
    const trained = memoryChild('train', modelFile, textsFile, intentsDir, productsFile);
    process.stderr.write('bench:chat-path loading it from the model file (child process) …\n');
    const loaded = memoryChild('load', modelFile, textsFile, intentsDir, productsFile);
    const products = JSON.parse(fs.readFileSync(productsFile, 'utf8')) as Product[];
    const engine = chatPathEngine(NluEngine.fromJSON(JSON.parse(fs.readFileSync(modelFile, 'utf8')) as NluModelJSON, buildShopLexicon(products)));
    process.stderr.write('bench:chat-path timing the chat path …\n');
    const rows = timeChatPath(engine, sets);
    const report: ChatPathReport = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown cpu'}, Node ${process.version}`,
      commit: spawnSync('git', ['describe', '--always', '--dirty'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout?.trim() || 'unknown',
      load: { start: loadAtStart, end: os.loadavg()[0] ?? 0, cores: os.cpus().length },
      rows,
      memory: [trained, loaded],
    };
    const out = path.join(REPO_ROOT, 'test', 'reports', 'bench-chat-path');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(`${out}.json`, JSON.stringify(report, null, 2) + '\n');
    const md = chatPathMarkdown(report);
    fs.writeFileSync(`${out}.md`, md);
    process.stdout.write(`${md}\nwritten ${out}.md and ${out}.json\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`bench:chat-path failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
