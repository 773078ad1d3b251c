/**
 * @module bench/load/child-server
 * Starts a server under test as a child process (kefu serve or the echo baseline) on a free port,
 * waits until socket.io answers, and stops it again. Output goes to a log file, shown when the
 * server fails to start. Optionally pins the process (and every thread and child it makes later)
 * to some CPUs with `taskset`, so a load generator on the other CPUs does not compete with it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

export interface ChildServer {
  pid: number;
  url: string;
  port: number;
  logFile: string;
  stop(): Promise<void>;
}

export interface ChildServerOptions {
  /** Arguments after `node`: a script and its arguments. */
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** The process and its future children only run on these CPUs (`taskset -a -p -c`). */
  cpus?: string;
  startTimeoutMs?: number;
}

/** A TCP port nobody listens on right now (the OS picks it; a tiny race remains). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** True when `taskset` exists (util-linux). */
export function canPin(): boolean {
  return spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Pins every thread of `pid` (and children it starts later) to `cpus`, e.g. `"0"` or `"0-2"`. */
export function pin(pid: number, cpus: string): void {
  const r = spawnSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`taskset -c ${cpus} ${pid} failed: ${r.stderr || r.error?.message}`);
}

/** True when the socket.io endpoint answers an engine.io handshake. */
function socketIoAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/socket.io/?EIO=4&transport=polling', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Spawns `node <args>` with `PORT` set to a free port and resolves once socket.io answers there.
 * @example const kefu = await startChildServer({ args: ['bin/kefu.js', 'serve'], cwd, env, logFile });
 */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const port = await freePort();
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${options.args.join(' ')}`);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10000);
    await exited(child);
    clearTimeout(killer);
  };
  if (options.cpus) {
    try {
      pin(pid, options.cpus);
    } catch (err) {
      await stop();
      throw err;
    }
  }
  const deadline = Date.now() + (options.startTimeoutMs ?? 180000);
  while (!(await socketIoAnswers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      const tail = fs.readFileSync(options.logFile, 'utf8').split('\n').slice(-20).join('\n');
      throw new Error(`${options.args.join(' ')} did not start (exit ${child.exitCode}); log ${options.logFile}:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { pid, url: `http://127.0.0.1:${port}`, port, logFile: options.logFile, stop };
}
