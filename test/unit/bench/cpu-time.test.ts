import { spawn, type ChildProcess } from 'node:child_process';
import { treeCpuMs } from '../../../src/bench/load/cpu-time';

const linux = process.platform === 'linux';

/** A node process whose child spins until it has used `ms` of CPU, then idles; prints the child's pid once it is done spinning. */
function parentWithBusyChild(ms: number): Promise<{ parent: ChildProcess; childPid: number }> {
  const child = `while (process.cpuUsage().user < ${ms} * 1000); console.log('spun'); setTimeout(() => {}, 60000);`;
  const script = `const c = require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: ['ignore', 'pipe', 'inherit'] });
c.stdout.once('data', () => process.stdout.write(String(c.pid) + '\\n')); process.on('SIGTERM', () => { c.kill(); process.exit(0); }); setTimeout(() => {}, 60000);`;
  const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => parent.stdout!.once('data', (d: Buffer) => resolve({ parent, childPid: Number(d.toString().trim()) })));
}

(linux ? describe : describe.skip)('treeCpuMs', () => {
  let parent: ChildProcess;
  let childPid: number;
  beforeAll(async () => ({ parent, childPid } = await parentWithBusyChild(400)));
  afterAll(() => void parent.kill('SIGTERM'));

  it('should count the CPU a child used in its parent’s tree', () => {
    const child = treeCpuMs(childPid)!;
    // It used 400 ms of user CPU (ticks are 10 ms).
    expect(child).toBeGreaterThanOrEqual(390);
    expect(treeCpuMs(parent.pid!)!).toBeGreaterThanOrEqual(child);
  });

  it('should read nothing for a process that does not exist', () => {
    expect(treeCpuMs(2 ** 22 + 1)).toBeNull();
  });
});
