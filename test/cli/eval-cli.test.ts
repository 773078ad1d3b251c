/**
 * End to end: builds the CLI, then runs `node bin/kefu.js eval` on the fixtures of
 * `test/fixtures/eval/` (JSON contract on the last line, `--report`, errors and exit codes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli, ROOT, runKefu, type CliResult } from './built-cli';

const FIX = path.join(ROOT, 'test', 'fixtures', 'eval');

const kefu = (...args: string[]): CliResult => runKefu(['eval', ...args], { ...process.env, DEBUG: '' });

beforeAll(() => buildCli('cli/eval-command.js'), 180000);

describe('kefu eval', () => {
  it('should print the JSON contract on the last line of stdout', () => {
    const r = kefu('--train', path.join(FIX, 'train.jsonl'), '--test', path.join(FIX, 'test.jsonl'), '--json');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const summary = JSON.parse(lines[lines.length - 1] as string);
    expect(summary).toEqual(
      expect.objectContaining({
        n: 8,
        accuracy: expect.any(Number),
        macroF1: expect.any(Number),
        inScopeAccuracy: expect.any(Number),
        oosRecall: expect.any(Number),
        oosPrecision: expect.anything(),
        trainSeconds: expect.any(Number),
        predictPerSecond: expect.any(Number),
      }),
    );
    expect(summary.accuracy).toBeGreaterThanOrEqual(0);
    expect(summary.accuracy).toBeLessThanOrEqual(1);
    expect(summary.predictPerSecond).toBeGreaterThan(0);
  });

  it('should give null oos recall and precision when the test has no oos', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-eval-'));
    const test = path.join(dir, 'no-oos.jsonl');
    const lines = fs.readFileSync(path.join(FIX, 'test.jsonl'), 'utf8').split('\n').filter((l) => l.trim() && !l.includes('"oos"'));
    fs.writeFileSync(test, lines.join('\n') + '\n');
    const r = kefu('--train', path.join(FIX, 'train.jsonl'), '--test', test, '--json', '--lang', 'auto');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop() as string);
    expect(summary.oosRecall).toBeNull();
    expect(summary.oosPrecision).toBeNull();
    expect(summary.n).toBe(6);
  });

  it('should write report.html and report.json with --report', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-eval-')), 'out');
    const r = kefu('--train', path.join(FIX, 'train.jsonl'), '--test', path.join(FIX, 'test.jsonl'), '--json', '--report', dir);
    expect(r.code).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|src=|href=/i);
    expect(json.summary.n).toBe(8);
    expect(json.perIntent.map((x: { intent: string }) => x.intent)).toEqual(['oos', 'order.status', 'refund.request', 'smalltalk.greet']);
    expect(json.histogram).toHaveLength(10);
    expect(JSON.parse(r.stdout.trim().split('\n').pop() as string).n).toBe(8);
  });

  it('should name the file and line of a malformed line and exit non-zero', () => {
    const file = path.join(FIX, 'malformed.jsonl');
    const r = kefu('--train', path.join(FIX, 'train.jsonl'), '--test', file, '--json');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`${file}:3`);
    expect(r.stdout).toBe('');
  });

  it('should reject a line without an intent, naming file and line', () => {
    const file = path.join(FIX, 'missing-intent.jsonl');
    const r = kefu('--train', file, '--test', path.join(FIX, 'test.jsonl'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`${file}:2`);
  });

  it('should treat an empty file as an error, not a zero score', () => {
    const r = kefu('--train', path.join(FIX, 'train.jsonl'), '--test', path.join(FIX, 'empty.jsonl'), '--json');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/empty\.jsonl: no examples/);
  });

  it('should reject unknown flags with the usage', () => {
    const r = kefu('--test', path.join(FIX, 'test.jsonl'), '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bogus');
    expect(r.stderr).toContain('usage: kefu eval');
  });

  it('should reject a language other than zh, en or auto', () => {
    const r = kefu('--test', path.join(FIX, 'test.jsonl'), '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang must be zh, en or auto');
  });

  it('should train and score the TensorFlow.js neural fallback with --mlp', () => {
    const r = kefu('--train', path.join(FIX, 'train.jsonl'), '--test', path.join(FIX, 'test.jsonl'), '--json', '--mlp', '--mlp-mode', 'average');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop() as string);
    expect(summary.n).toBe(8);
    expect(summary.mlp).toEqual(expect.objectContaining({ mode: 'average', epochs: expect.any(Number), backend: expect.any(String) }));
    expect(summary.mlp.epochs).toBeGreaterThanOrEqual(1);
  }, 120000);

  it('should reject an unknown --mlp-mode', () => {
    const r = kefu('--test', path.join(FIX, 'test.jsonl'), '--mlp', '--mlp-mode', 'vote');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mlp-mode must be fallback, average, alone');
  });

  it('should require --test', () => {
    const r = kefu('--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: kefu eval');
  });
});
