/**
 * @module bench/load/kefu-under-load
 * `kefu serve` as the load benchmark and the soak start it: a child process on a free port with
 * a fresh data directory, and every rate limit raised far above what the load generator sends,
 * so that the numbers measure throughput, not refusals (all shoppers come from one address).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../config';
import { startChildServer, type ChildServer } from './child-server';

const HIGH = '1000000';
/** `burst,perMinute` of `KEFU_LIMIT_…` rates: a million at once, a million a second. */
const HIGH_RATE = '1000000,60000000';

/**
 * The environment that lifts kefu's limits for a load run (see `src/config.ts`): messages per
 * socket, per conversation and per address, handshakes and open sockets per address, and new
 * conversations per address. Postback, history, feedback and handoff limits stay as they are:
 * the load generator sends none of those.
 */
export const LIFTED_LIMITS: Readonly<Record<string, string>> = {
  KEFU_LIMIT_MESSAGE_BURST: HIGH,
  KEFU_LIMIT_MESSAGE_PER_SECOND: HIGH,
  KEFU_LIMIT_MESSAGE_SOCKET: HIGH_RATE,
  KEFU_LIMIT_MESSAGE_CONVERSATION: HIGH_RATE,
  KEFU_LIMIT_MESSAGE_ADDRESS: HIGH_RATE,
  KEFU_LIMIT_CONNECTIONS: HIGH_RATE,
  KEFU_LIMIT_OPEN_SOCKETS: HIGH,
  KEFU_LIMIT_NEW_CONVERSATIONS: HIGH_RATE,
};

/** True when `kefu serve` documents `--workers` in its usage. */
export function serveSupportsWorkers(): boolean {
  const help = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'kefu.js'), 'help'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return /--workers/.test(`${help.stdout}${help.stderr}`);
}

export interface KefuUnderLoad {
  server: ChildServer;
  /** What became of `--workers`: `1`, `2`, … or "not supported yet". */
  workers: string;
  stop(): Promise<void>;
}

/**
 * Starts `node bin/kefu.js serve` on a fresh data directory (the trained model is cached in the
 * temp directory across runs), limits lifted, optionally with `--workers` and pinned to `cpus`.
 * @example const kefu = await startKefuUnderLoad({ workers: '1' }); ... await kefu.stop();
 */
export async function startKefuUnderLoad(options: { workers?: string; cpus?: string } = {}): Promise<KefuUnderLoad> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-load-'));
  const args = [path.join(REPO_ROOT, 'bin', 'kefu.js'), 'serve'];
  let workers = '1';
  if (options.workers && options.workers !== '1') {
    if (serveSupportsWorkers()) {
      args.push('--workers', options.workers);
      workers = options.workers;
    } else workers = `not supported yet (asked for ${options.workers}; ran 1)`;
  }
  const server = await startChildServer({
    args,
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...LIFTED_LIMITS,
      KEFU_DATA_DIR: dataDir,
      KEFU_MODEL_DIR: path.join(os.tmpdir(), 'kefu-load-models'),
    },
    logFile: path.join(dataDir, 'serve.log'),
    cpus: options.cpus,
  });
  return {
    server,
    workers,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
