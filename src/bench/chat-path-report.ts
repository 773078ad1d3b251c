/**
 * @module bench/chat-path-report
 * `test/reports/bench-chat-path.md`: the chat path's predictions/s per dev set, the NLU's memory
 * and its training time, against issue 11's targets, with the method and the machine's load.
 */
import type { ChatPathMemory } from './chat-path-memory';

/** Issue 11's targets. */
export const CHAT_PATH_TARGETS = { predictPerSecond: 20_000, addedMiB: 150, trainSeconds: 60 };

export interface ChatPathRow {
  set: string;
  lang: string;
  n: number;
  /** Fastest of the steady passes (`predictAll`), by wall time. */
  predictPerSecond: number;
  firstPassPerSecond: number;
  /** Fastest of three more passes, by this process's CPU time. */
  cpuPerSecond: number;
  /** CPU µs per message: 1e6 / cpuPerSecond. */
  microseconds: number;
}

export interface ChatPathReport {
  date: string;
  machine: string;
  commit: string;
  /** 1-minute load average at the start and the end of the run. */
  load: { start: number; end: number; cores: number };
  rows: ChatPathRow[];
  memory: ChatPathMemory[];
}

const mib = (bytes: number): string => (bytes / 1048576).toFixed(1);

export function chatPathMarkdown(r: ChatPathReport): string {
  const t = CHAT_PATH_TARGETS;
  const busy = Math.max(r.load.start, r.load.end) > r.load.cores;
  const trained = r.memory.find((m) => m.mode === 'train');
  return [
    '# Chat path: intent + entities + sentiment, one message at a time',
    '',
    `Run ${r.date} on ${r.machine}, code \`${r.commit}\`. 1-minute load average ${r.load.start.toFixed(1)} at the start and ${r.load.end.toFixed(1)} at the end on ${r.load.cores} cores` +
      (busy ? ': other work competed for the CPU, so the speeds are lower than on an idle machine.' : '.'),
    '',
    `| dev set | lang | messages | chat path/s, CPU time (target ≥ ${t.predictPerSecond.toLocaleString('en')}) | CPU µs per message | chat path/s, wall time | first pass/s, wall time |`,
    '|---|---|---|---|---|---|---|',
    ...r.rows.map((row) => `| ${row.set} | ${row.lang} | ${row.n} | ${row.cpuPerSecond} | ${row.microseconds} | ${row.predictPerSecond} | ${row.firstPassPerSecond} |`),
    '',
    `| NLU memory | RSS before | RSS after | added RSS (target ≤ ${t.addedMiB} MiB) | added V8 heap |`,
    '|---|---|---|---|---|',
    ...r.memory.map(
      (m) =>
        `| ${m.mode === 'train' ? 'trained in the process' : 'read from the model file (server with a cached model)'} | ${mib(m.rssBeforeBytes)} MiB | ${mib(m.rssAfterBytes)} MiB | ${mib(m.rssAfterBytes - m.rssBeforeBytes)} MiB | ${mib(m.heapAfterBytes - m.heapBeforeBytes)} MiB |`,
    ),
    '',
    trained?.trainSeconds === undefined
      ? ''
      : `Training on all of kefu's data (every \`utterances\` list of \`intents/\`, the demo catalogue's lexicon): ${trained.trainCpuSeconds} s of CPU time, ${trained.trainSeconds} s of wall time (target ≤ ${t.trainSeconds} s).`,
    '',
    '## How it is measured',
    '',
    '- The chat path is `chatPathTurn` (`src/bench/chat-path-turn.ts`): `NluEngine.recognizeSync` (tokens, intent, entities, and the sentiment it scores on the same tokens), as `KefuBot` reads a typed message. One core: this one process, one message at a time, synchronously. Wall time as `predictAll` times it (200 warm-up messages, a first timed pass, then the fastest of three passes); CPU time (`process.cpuUsage`, the fastest of three more passes) counts only the time the process ran, so on a shared machine it is the closer measure of what one core does (the wall-time rate also counts the waits for a core; on an idle machine the two agree).',
    '- The messages: the text of `jddc-zh-dev` (real shoppers, `../shared/datasets/jddc-shopper-dev`) and of `en-dev` (clinc150/banking77 dev lines and kefu\'s shopper-style English), the language detected per message. The model: trained on `intents/` with the demo catalogue\'s lexicon, written to a file and read back, as the server reads its cached model.',
    '- Memory: a child process (`src/bench/chat-path-memory.ts`, `node --expose-gc`) reads its RSS after two full collections before requiring anything of the NLU, then trains the model (or reads it from the file), reads the sentiment model, answers every message once (jieba\'s dictionaries and the per-word caches filled) and reads its RSS again after two collections. The difference is what the NLU adds to a server. Training also leaves freed pages the allocator keeps, so "trained in the process" is above "read from the model file".',
    '- Training time: `NluEngine.train` in that child, reading files excluded: its CPU time (it runs on one thread) and its wall time, which on a shared machine also counts the waits for a core.',
    '',
  ].join('\n');
}
