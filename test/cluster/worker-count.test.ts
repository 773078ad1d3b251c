/**
 * `KEFU_WORKERS` / `kefu serve --workers`: unset is one process; `auto` is one per core; anything
 * else that is not a positive integer is refused with its name.
 */
import os from 'node:os';
import { loadConfig, workerCount } from '../../src/config';

test('unset or empty is 1; a positive integer is itself; auto is the number of cores', () => {
  expect(workerCount(undefined, 'KEFU_WORKERS')).toBe(1);
  expect(workerCount('', 'KEFU_WORKERS')).toBe(1);
  expect(workerCount('3', 'KEFU_WORKERS')).toBe(3);
  expect(workerCount('auto', 'KEFU_WORKERS')).toBe(os.availableParallelism());
  expect(loadConfig({}, { KEFU_WORKERS: '2' }).workers).toBe(2);
  expect(loadConfig({}, {}).workers).toBe(1);
});

test.each(['0', '-1', '1.5', 'two', 'AUTO'])('%s is refused, naming the setting', (value) => {
  expect(() => workerCount(value, '--workers')).toThrow(`--workers must be a positive integer or "auto", got "${value}"`);
});
