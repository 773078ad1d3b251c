/**
 * @module bench/load/load-runner
 * Where the load generator runs: in the bench's own process, or in a child process of its own
 * (forked from this file, driven over IPC) that can be pinned to other CPUs than the servers, as
 * the `--workers` comparison needs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { pin } from './child-server';
import { measureIdleConnections, type IdleOutcome } from './idle-connections';
import { runScenario, type ScenarioOutcome, type ScenarioSpec } from './load-scenario';

export interface LoadRunner {
  /** Where it runs, for the report. */
  readonly layout: string;
  scenario(spec: ScenarioSpec): Promise<ScenarioOutcome>;
  idle(url: string, pid: number, n: number): Promise<IdleOutcome>;
  close(): Promise<void>;
}

type Job = { kind: 'scenario'; spec: ScenarioSpec } | { kind: 'idle'; url: string; pid: number; n: number };

function runJob(job: Job): Promise<ScenarioOutcome | IdleOutcome> {
  return job.kind === 'scenario' ? runScenario(job.spec) : measureIdleConnections(job.url, job.pid, job.n);
}

/** The load generator in this process. */
export function inProcessRunner(): LoadRunner {
  return {
    layout: 'Load generator in the bench process',
    scenario: (spec) => runScenario(spec),
    idle: (url, pid, n) => measureIdleConnections(url, pid, n),
    close: async () => undefined,
  };
}

/** The load generator in a forked child, pinned to `cpus` when given. */
export function childProcessRunner(cpus?: string): LoadRunner {
  const child: ChildProcess = fork(__filename, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  if (cpus && child.pid !== undefined) pin(child.pid, cpus);
  const ask = <T>(job: Job): Promise<T> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`load generator exited (${code}) during ${job.kind}`));
      child.once('exit', onExit);
      child.once('message', (reply: { ok: boolean; result?: T; error?: string }) => {
        child.off('exit', onExit);
        if (reply.ok) resolve(reply.result as T);
        else reject(new Error(reply.error));
      });
      child.send(job);
    });
  return {
    layout: `Load generator in its own process${cpus ? ` pinned to CPU ${cpus}` : ''}`,
    scenario: (spec) => ask<ScenarioOutcome>({ kind: 'scenario', spec }),
    idle: (url, pid, n) => ask<IdleOutcome>({ kind: 'idle', url, pid, n }),
    close: async () => {
      if (child.exitCode === null) {
        child.disconnect();
        await new Promise((resolve) => child.once('exit', resolve));
      }
    },
  };
}

if (require.main === module && process.send) {
  process.on('message', (job: Job) => {
    runJob(job).then(
      (result) => process.send?.({ ok: true, result }),
      (err: unknown) => process.send?.({ ok: false, error: err instanceof Error ? err.stack : String(err) }),
    );
  });
}
