import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadIntentCorpus } from '../../../src/nlp/corpus';
import { CorpusError } from '../../../src/nlp/corpus-error';

function dirWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const good = { locale: 'en', domain: 'order', data: [{ intent: 'order.status', utterances: ['where is my order'], tests: ['order status?'] }] };

function problem(files: Record<string, unknown>): string {
  try {
    loadIntentCorpus(dirWith(files));
  } catch (err) {
    expect(err).toBeInstanceOf(CorpusError);
    return (err as Error).message;
  }
  throw new Error('expected a CorpusError');
}

describe('loadIntentCorpus', () => {
  it('should read utterances for training and tests for scoring', () => {
    const corpus = loadIntentCorpus(dirWith({ 'order.en.json': good }));
    expect(corpus.train).toEqual([{ text: 'where is my order', intent: 'order.status', locale: 'en' }]);
    expect(corpus.tests).toEqual([{ text: 'order status?', intent: 'order.status', locale: 'en' }]);
    expect(corpus.files).toHaveLength(1);
  });

  it('should read the real corpus of the repository', () => {
    const corpus = loadIntentCorpus(join(__dirname, '../../../intents'));
    expect(corpus.train.length).toBeGreaterThan(100);
    expect(new Set(corpus.train.map((e) => e.locale))).toEqual(new Set(['zh', 'en']));
  });

  it('should name the file and the problem', () => {
    expect(problem({ 'order.en.json': '{ not json' })).toMatch(/order\.en\.json: invalid JSON/);
    expect(problem({ 'order.en.json': { ...good, locale: 'fr' } })).toMatch(/order\.en\.json: locale must be one of zh, en/);
    expect(problem({ 'order.zh.json': good })).toMatch(/order\.zh\.json: locale "en" does not match the file name/);
    expect(problem({ 'order.en.json': { ...good, domain: 'shipping' } })).toMatch(/domain "shipping" does not match/);
    expect(problem({ 'order.en.json': { ...good, data: [] } })).toMatch(/data must be a non-empty array/);
    expect(problem({ 'order.en.json': { ...good, data: [{ intent: 'order.teleport', utterances: ['x'] }] } })).toMatch(/data\[0\]\.intent "order\.teleport" is not a known intent/);
    expect(problem({ 'order.en.json': { ...good, data: [{ intent: 'order.status', utterances: [] }] } })).toMatch(/data\[0\]\.utterances must be a non-empty array/);
    expect(problem({ 'order.en.json': { ...good, data: [{ intent: 'order.status', utterances: ['ok', ''] }] } })).toMatch(/utterances must be/);
    expect(problem({ 'order.en.json': { ...good, data: [{ intent: 'order.status', utterances: ['ok'], tests: [3] }] } })).toMatch(/data\[0\]\.tests must be an array/);
    expect(problem({ 'Order-EN.json': good })).toMatch(/file name must be <domain>\.<locale>\.json/);
    expect(problem({})).toMatch(/no \*\.json intent files/);
  });

  it('should report a missing folder', () => {
    expect(() => loadIntentCorpus(join(tmpdir(), 'kefu-no-such-folder'))).toThrow(/cannot read the intents folder/);
  });

  it('should accept intents of its own list', () => {
    const dir = dirWith({ 'order.en.json': { ...good, data: [{ intent: 'order.teleport', utterances: ['beam it'] }] } });
    expect(loadIntentCorpus(dir, { intents: ['order.teleport'] }).train).toHaveLength(1);
  });
});
