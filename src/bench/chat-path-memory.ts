/**
 * @module bench/chat-path-memory
 * The child process of the chat-path bench that measures what the NLU adds to a process's
 * memory: resident set size (RSS) after a full garbage collection, once before anything of the
 * NLU is loaded (only Node and this file) and once after the shipped model is trained (`train`)
 * or read from the model file (`load`, as a server that finds its model in the cache), the
 * shipped sentiment model read, and every chat-path message answered once (so jieba's
 * dictionaries and the per-word caches are filled as in a running server). The difference is the
 * NLU's share. Its imports are Node's only: the NLU is required after the first reading.
 *
 * `node --expose-gc dist/bench/chat-path-memory.js train|load MODEL_FILE TEXTS_FILE INTENTS_DIR PRODUCTS_FILE`
 * prints one JSON line, `ChatPathMemory`; `train` also writes the model to MODEL_FILE.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type * as Nlp from '../nlp';
import type * as Turn from './chat-path-turn';
import type { Product } from '../core/shop';

export interface ChatPathMemory {
  mode: 'train' | 'load';
  /** RSS after a full GC before the NLU was required. */
  rssBeforeBytes: number;
  /** RSS after a full GC with the model, the sentiment model and the caches in memory. */
  rssAfterBytes: number;
  /** The same readings of V8's heap alone. */
  heapBeforeBytes: number;
  heapAfterBytes: number;
  /** `train` only: wall time of `NluEngine.train`, reading files excluded. */
  trainSeconds?: number;
  /** `train` only: this process's CPU time during `NluEngine.train` (training runs on one thread). */
  trainCpuSeconds?: number;
}

/** Collects twice (the second pass frees what the first finalised) and reads the memory. */
function settled(): { rss: number; heap: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

/** What the second reading must find in memory: kept here so no collection can free it before. */
const held: unknown[] = [];

function main(): void {
  const [mode, modelFile, textsFile, intentsDir, productsFile] = process.argv.slice(2) as [string, string, string, string, string];
  if ((mode !== 'train' && mode !== 'load') || !modelFile || !textsFile || !intentsDir || !productsFile) {
    throw new Error('usage: chat-path-memory.js train|load MODEL_FILE TEXTS_FILE INTENTS_DIR PRODUCTS_FILE');
  }
  const texts = JSON.parse(fs.readFileSync(textsFile, 'utf8')) as string[];
  const products = JSON.parse(fs.readFileSync(productsFile, 'utf8')) as Product[];
  const before = settled();
  /* eslint-disable @typescript-eslint/no-require-imports -- required after the first reading on purpose */
  const nlp = require('../nlp') as typeof Nlp;
  const { chatPathEngine, chatPathTurn } = require('./chat-path-turn') as typeof Turn;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const lexicon = nlp.buildShopLexicon(products);
  let engine: Nlp.NluEngine;
  let trainSeconds: number | undefined;
  let trainCpuSeconds: number | undefined;
  if (mode === 'train') {
    const corpus = nlp.loadIntentCorpus(intentsDir);
    const started = performance.now();
    const cpu = process.cpuUsage();
    engine = nlp.NluEngine.train(corpus.train, lexicon, { onProgress: () => undefined });
    const used = process.cpuUsage(cpu);
    trainSeconds = Math.round((performance.now() - started) / 10) / 100;
    trainCpuSeconds = Math.round((used.user + used.system) / 1e4) / 100;
    fs.writeFileSync(modelFile, JSON.stringify(engine.toJSON()));
  } else {
    engine = nlp.NluEngine.fromJSON(JSON.parse(fs.readFileSync(modelFile, 'utf8')) as Nlp.NluModelJSON, lexicon);
  }
  held.push(chatPathEngine(engine));
  for (const text of texts) chatPathTurn(engine, text);
  const after = settled();
  held.length = 0;
  const result: ChatPathMemory = {
    mode,
    rssBeforeBytes: before.rss,
    rssAfterBytes: after.rss,
    heapBeforeBytes: before.heap,
    heapAfterBytes: after.heap,
    ...(trainSeconds === undefined ? {} : { trainSeconds, trainCpuSeconds }),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

if (require.main === module) main();
