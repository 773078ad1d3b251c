/**
 * @module test/cluster/cluster-process
 * `kefu serve --workers N` as a child process on port 0 with its own data directory, and what it
 * prints: the URL, each worker's pid, and each replacement of a dead worker.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../durability/kefu-process';

const MODEL_CACHE = path.join(os.tmpdir(), 'kefu-test-models');

export interface ClusterProcess {
  url: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The pid the primary printed for worker `id` (its `x-kefu-worker` header). */
  pidOf(workerId: string): number;
  /** Resolves with the first match of `pattern` in standard output. */
  waitForOutput(pattern: RegExp, ms: number): Promise<RegExpExecArray>;
  /** SIGTERM to the primary (it stops its workers); resolves once it is gone. */
  stop(): Promise<void>;
}

export function startCluster(dataDir: string, workers: number, env: Record<string, string> = {}): Promise<ClusterProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kefu.js'), 'serve', '--workers', String(workers)], {
    cwd: ROOT,
    env: { ...process.env, KEFU_PORT: '0', KEFU_HOST: '127.0.0.1', KEFU_DATA_DIR: dataDir, KEFU_MODEL_DIR: MODEL_CACHE, KEFU_QUIET: 'true', KEFU_LIMIT_MESSAGE_BURST: '100', DEBUG: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const waitForOutput = async (pattern: RegExp, ms: number): Promise<RegExpExecArray> => {
    for (const until = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 50))) {
      const match = pattern.exec(out);
      if (match) return match;
      if (Date.now() > until) throw new Error(`no ${pattern} in the output:\n${out}\n${err}`);
      if (child.exitCode !== null) throw new Error(`kefu exited with ${child.exitCode}:\n${out}\n${err}`);
    }
  };
  return waitForOutput(/serving the shop assistant at (http:\/\/\S+)/, 180_000).then(
    (match) => ({
      url: match[1],
      child,
      stdout: () => out,
      stderr: () => err,
      pidOf: (workerId) => {
        const line = new RegExp(`kefu worker ${workerId} is pid (\\d+)`).exec(out);
        if (!line) throw new Error(`no pid printed for worker ${workerId}:\n${out}`);
        return Number(line[1]);
      },
      waitForOutput,
      stop: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      },
    }),
    (error) => {
      child.kill('SIGKILL');
      throw error;
    },
  );
}
