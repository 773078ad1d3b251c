/**
 * The dev sets of issue 11 (`test/fixtures/nlu-dev`): labels without text, intents of the built-in domain,
 * and — when `../shared/datasets` is here — every label joins a real message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDevSets, loadEnPublicDev, loadJddcZhDev } from '../../../src/bench/nlu-dev-sets';
import { builtInDomain, domainIntents } from '../../../src/domain';

const FIX = path.resolve(__dirname, '../../fixtures/nlu-dev');
const DATASETS = path.resolve(__dirname, '../../../../shared/datasets');
const lines = (file: string) => fs.readFileSync(path.join(FIX, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
const known = new Set<string>(domainIntents(builtInDomain()));

describe('nlu dev sets', () => {
  it('should keep the jddc labels as session, turn and intent only, at least 400, each message once', () => {
    const labels = lines('jddc-zh-dev.labels.jsonl');
    expect(labels.length).toBeGreaterThanOrEqual(400);
    for (const l of labels) {
      expect(Object.keys(l).sort()).toEqual(['intent', 'session', 'turn']);
      expect(known.has(l.intent as string)).toBe(true);
    }
    expect(new Set(labels.map((l) => `${l.session}#${l.turn}`)).size).toBe(labels.length);
  });

  it('should keep the public English dev set as references that agree with the mapping, without text', () => {
    const map = JSON.parse(fs.readFileSync(path.join(FIX, 'en-public-map.json'), 'utf8')) as Record<string, Record<string, string>>;
    const refs = lines('en-public-dev.refs.jsonl');
    expect(refs.length).toBeGreaterThan(300);
    for (const r of refs) {
      expect(Object.keys(r).sort()).toEqual(['dataset', 'intent', 'line', 'source']);
      expect(map[r.dataset as string]?.[r.source as string]).toBe(r.intent);
    }
    for (const byIntent of Object.values(map)) for (const intent of Object.values(byIntent)) expect(known.has(intent)).toBe(true);
  });

  it('should have at least 150 shopper-style English messages with kefu intents, every intent present', () => {
    const shopper = lines('shopper-en-dev.jsonl');
    expect(shopper.length).toBeGreaterThanOrEqual(150);
    expect(new Set(shopper.map((s) => s.intent))).toEqual(known);
  });

  it('should skip the sets whose text is in ../shared when that folder is absent, and still load its own', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-no-datasets-'));
    const sets = loadDevSets(empty, FIX);
    expect(sets.map((s) => [s.name, s.status])).toEqual([
      ['jddc-zh-dev', 'skipped'],
      ['en-dev', 'skipped'],
      ['en-dev/public', 'skipped'],
      ['en-dev/shopper', 'ok'],
    ]);
    expect(sets[0]).toMatchObject({ note: expect.stringContaining('jddc-shopper-dev') });
  });

  it('should refuse a reference whose line no longer holds the mapped intent', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-dev-refs-'));
    fs.mkdirSync(path.join(dir, 'clinc150'));
    fs.writeFileSync(path.join(dir, 'clinc150', 'dev.jsonl'), '{"text":"where is my order","intent":"order_status"}\n{"text":"hi","intent":"greeting"}\n');
    fs.writeFileSync(path.join(dir, 'map.json'), JSON.stringify({ clinc150: { order_status: 'order.status', greeting: 'smalltalk.greeting' } }));
    fs.writeFileSync(path.join(dir, 'refs.jsonl'), '{"dataset":"clinc150","line":2,"source":"order_status","intent":"order.status"}\n');
    expect(() => loadEnPublicDev(dir, path.join(dir, 'refs.jsonl'), path.join(dir, 'map.json'))).toThrow(/line 2 is "greeting", not "order_status"/);
    fs.writeFileSync(path.join(dir, 'refs.jsonl'), '{"dataset":"clinc150","line":1,"source":"order_status","intent":"order.status"}\n');
    const set = loadEnPublicDev(dir, path.join(dir, 'refs.jsonl'), path.join(dir, 'map.json'));
    expect(set).toEqual({ name: 'en-dev/public', lang: 'en', status: 'ok', examples: [{ id: 'clinc150:1', text: 'where is my order', intent: 'order.status' }] });
  });

  it('should name a label whose message is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-dev-jddc-'));
    fs.mkdirSync(path.join(dir, 'jddc-shopper-dev'));
    fs.writeFileSync(path.join(dir, 'jddc-shopper-dev', 'messages.jsonl'), '{"text":"到哪了","session":"s1","turn":2}\n');
    fs.writeFileSync(path.join(dir, 'labels.jsonl'), '{"session":"s1","turn":2,"intent":"order.status"}\n{"session":"s1","turn":3,"intent":"oos"}\n');
    expect(() => loadJddcZhDev(dir, path.join(dir, 'labels.jsonl'))).toThrow(/labels\.jsonl:2: no message s1#3/);
  });

  (fs.existsSync(DATASETS) ? it : it.skip)('should join every label and reference with its text in ../shared/datasets', () => {
    const sets = loadDevSets(DATASETS, FIX);
    expect(sets.every((s) => s.status === 'ok')).toBe(true);
    const zh = sets[0]!;
    if (zh.status !== 'ok') throw new Error('unreachable');
    expect(zh.examples).toHaveLength(lines('jddc-zh-dev.labels.jsonl').length);
    expect(zh.examples.every((e) => e.text.length > 0)).toBe(true);
  });
});
