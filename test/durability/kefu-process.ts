/**
 * @module test/durability/kefu-process
 * The real server as a child process (`node bin/kefu.js serve` on the built `dist/`), so a test
 * can SIGKILL it and start it again on the same data directory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The same model cache as the in-process test server: the NLU trains once per machine. */
const MODEL_CACHE = path.join(os.tmpdir(), 'kefu-test-models');

/** Builds `dist/` (it emits even when another module has a type error). */
export function buildOnce(): void {
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('build failed: dist/cli/main.js missing');
}

export interface KefuProcess {
  url: string;
  child: ChildProcess;
  /** What the server wrote to standard error so far (warnings, errors; info too unless `KEFU_QUIET`). */
  log(): string;
  /** SIGKILL, resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (clean shutdown), resolves once the process is gone. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/** Starts `kefu serve` on port 0 and resolves with the URL it prints. */
export function startKefu(dataDir: string, env: Record<string, string> = {}): Promise<KefuProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kefu.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      KEFU_PORT: '0',
      KEFU_HOST: '127.0.0.1',
      KEFU_DATA_DIR: dataDir,
      KEFU_MODEL_DIR: MODEL_CACHE,
      KEFU_QUIET: 'true',
      KEFU_LIMIT_MESSAGE_BURST: '100',
      DEBUG: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kefu did not start in 120 s\n${stderr}`));
    }, 120000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kefu exited with ${code} before serving\n${stderr}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /serving the shop assistant at (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: match[1],
        child,
        log: () => stderr,
        kill: async () => {
          child.kill('SIGKILL');
          await exited(child);
        },
        stop: async () => {
          child.kill('SIGTERM');
          await exited(child);
        },
      });
    });
  });
}

/** Resolves with the server's log once it has the replay's summary line (the replay runs beside start-up; needs `KEFU_QUIET=false`). */
export async function replaySummary(server: KefuProcess): Promise<string> {
  for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    const line = /replay since .*/.exec(server.log());
    if (line) return line[0];
  }
  throw new Error(`no replay summary in the log:\n${server.log()}`);
}

/** `kefu import FOLDER` on a data directory, as an operator would run it beside a running server. */
export function kefuImport(folder: string, dataDir: string, modelDir: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kefu.js'), 'import', folder], {
    cwd: ROOT,
    env: { ...process.env, KEFU_DATA_DIR: dataDir, KEFU_MODEL_DIR: modelDir, KEFU_QUIET: 'true', DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}
