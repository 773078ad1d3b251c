/**
 * End to end: builds the CLI, then runs `node bin/kefu.js eval --task sentiment` on the fixtures
 * of `test/fixtures/sentiment-eval/` (written for kefu, zh and en): the JSON contract with the
 * shipped models, training on `--train`, and errors with exit codes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli, ROOT, runKefu, type CliResult } from './built-cli';

const FIX = path.join(ROOT, 'test', 'fixtures', 'sentiment-eval');

const kefu = (...args: string[]): CliResult => runKefu(['eval', ...args], { ...process.env, DEBUG: '' });

const lastJson = (stdout: string): Record<string, unknown> & { perLabel: Record<string, { n: number; precision: number; recall: number; f1: number }> } =>
  JSON.parse(stdout.trim().split('\n').pop() as string);

beforeAll(() => buildCli('cli/eval-sentiment-command.js'), 180000);

describe('kefu eval --task sentiment', () => {
  it('should score the test file with the shipped models and print the JSON contract last', () => {
    const r = kefu('--task', 'sentiment', '--test', path.join(FIX, 'test.jsonl'), '--json');
    expect(r.code).toBe(0);
    const summary = lastJson(r.stdout);
    expect(summary).toEqual(
      expect.objectContaining({
        task: 'sentiment',
        model: 'shipped',
        n: 8,
        accuracy: expect.any(Number),
        macroF1: expect.any(Number),
        trainSeconds: expect.any(Number),
        predictPerSecond: expect.any(Number),
        firstPassPerSecond: expect.any(Number),
      }),
    );
    expect(Object.keys(summary.perLabel).sort()).toEqual(['negative', 'positive']);
    expect(summary.perLabel.positive).toEqual({ n: 4, precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number) });
    // Plain praise and plain complaints, two of each per language: the shipped models get them all.
    expect(summary.accuracy).toBe(1);
    expect(summary.macroF1).toBe(1);
  });

  it('should read one language with --lang and print one human line without --json', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-sentiment-'));
    const zh = path.join(dir, 'zh.jsonl');
    fs.writeFileSync(zh, fs.readFileSync(path.join(FIX, 'test.jsonl'), 'utf8').split('\n').filter((l) => /[\u4e00-\u9fff]/.test(l)).join('\n') + '\n');
    const r = kefu('--task', 'sentiment', '--test', zh, '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^n=4 accuracy=100\.00% macroF1=100\.00% positive P=/);
  });

  it('should train on --train first and score with that model', () => {
    const r = kefu('--task', 'sentiment', '--train', path.join(FIX, 'train.jsonl'), '--test', path.join(FIX, 'test.jsonl'), '--json');
    expect(r.code).toBe(0);
    const summary = lastJson(r.stdout);
    expect(summary.model).toBe('trained');
    expect(summary.n).toBe(8);
    expect(summary.accuracy).toBeGreaterThan(0.5);
  });

  it('should learn what --train says: swapped labels give mostly wrong answers', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-sentiment-'));
    const swapped = path.join(dir, 'swapped.jsonl');
    const lines = fs.readFileSync(path.join(FIX, 'train.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
    fs.writeFileSync(swapped, lines.map((l) => l.replace(/"positive"|"negative"/, (m) => (m === '"positive"' ? '"negative"' : '"positive"'))).join('\n') + '\n');
    const r = kefu('--task', 'sentiment', '--train', swapped, '--test', path.join(FIX, 'test.jsonl'), '--json');
    expect(r.code).toBe(0);
    expect(lastJson(r.stdout).accuracy).toBeLessThan(0.5);
  });

  it('should name the file and line of a malformed line and exit non-zero', () => {
    const file = path.join(FIX, 'malformed.jsonl');
    const r = kefu('--task', 'sentiment', '--test', file, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:3`);
    expect(r.stdout).toBe('');
  });

  it('should reject a label other than positive or negative, naming file and line', () => {
    const file = path.join(FIX, 'bad-label.jsonl');
    const r = kefu('--task', 'sentiment', '--train', file, '--test', path.join(FIX, 'test.jsonl'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:2`);
    expect(r.stderr).toContain('"positive" | "negative"');
  });

  it('should treat an empty file as an error, not a zero score', () => {
    const r = kefu('--task', 'sentiment', '--test', path.join(FIX, 'empty.jsonl'), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.jsonl: no examples/);
  });

  it('should reject an unknown task and the intent-only flags with the usage', () => {
    const bogus = kefu('--task', 'emotion', '--test', path.join(FIX, 'test.jsonl'));
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('--task must be intent or sentiment');
    const report = kefu('--task', 'sentiment', '--test', path.join(FIX, 'test.jsonl'), '--report', os.tmpdir());
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('usage: kefu eval');
  });
});
