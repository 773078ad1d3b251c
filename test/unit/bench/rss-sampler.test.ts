import { spawn, type ChildProcess } from 'node:child_process';
import { processTree, RssSampler, treeRssKb } from '../../../src/bench/load/rss-sampler';
import { waitUntilQuiet } from '../../../src/bench/load/server-quiet';

const linux = process.platform === 'linux';

/** A node process that starts one child and prints the child's pid. */
function parentWithChild(): Promise<{ parent: ChildProcess; childPid: number }> {
  const script = `const c = require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
process.stdout.write(String(c.pid) + '\\n'); process.on('SIGTERM', () => { c.kill(); process.exit(0); }); setTimeout(() => {}, 60000);`;
  const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => parent.stdout!.once('data', (d: Buffer) => resolve({ parent, childPid: Number(d.toString().trim()) })));
}

(linux ? describe : describe.skip)('RssSampler and the process tree', () => {
  let parent: ChildProcess;
  let childPid: number;

  beforeAll(async () => ({ parent, childPid } = await parentWithChild()));
  afterAll(() => void parent.kill('SIGTERM'));

  it('should find a process and its child', () => {
    expect(processTree(parent.pid!)).toEqual(expect.arrayContaining([parent.pid, childPid]));
    expect(processTree(childPid)).toEqual([childPid]);
  });

  it('should add the child’s memory to the parent’s', () => {
    const both = treeRssKb(parent.pid!)!;
    const child = treeRssKb(childPid)!;
    expect(child).toBeGreaterThan(0);
    expect(both).toBeGreaterThan(child);
  });

  it('should read nothing for a process that does not exist', () => {
    expect(treeRssKb(2 ** 22 + 1)).toBeNull();
    expect(processTree(2 ** 22 + 1)).toEqual([]);
  });

  it('should sample until stopped and report peak and last in MB', () => {
    const sampler = new RssSampler(parent.pid!, 60000);
    const out = sampler.stop();
    expect(out.samples).toHaveLength(2);
    expect(out.peakMb).toBeGreaterThan(0);
    expect(out.peakMb).toBeGreaterThanOrEqual(out.lastMb!);
  });

  it('should see an idle process as quiet', async () => {
    await expect(waitUntilQuiet(parent.pid!, { windowMs: 200, maxMs: 10000 })).resolves.toBe(true);
    await expect(waitUntilQuiet(2 ** 22 + 1)).resolves.toBe(true);
  });
});
