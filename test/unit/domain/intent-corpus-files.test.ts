import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { builtInDomain, domainIntents } from '../../../src/domain';
import { loadIntentCorpus } from '../../../src/nlp/corpus';

function write(dir: string, name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('loadIntentCorpus with a list of files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-corpus-list-'));
  const zh = write(dir, 'gift.zh.json', { locale: 'zh', domain: 'gift', data: [{ intent: 'gift.wrap', utterances: ['可以礼品包装吗'] }] });
  const en = write(dir, 'gift.en.json', { locale: 'en', domain: 'gift', data: [{ intent: 'gift.wrap', utterances: ['can you gift wrap it'] }] });

  it('should read the files in the order given', () => {
    const corpus = loadIntentCorpus([zh, en], { intents: ['gift.wrap'] });
    expect(corpus.files).toEqual([zh, en]);
    expect(corpus.train.map((e) => [e.locale, e.text])).toEqual([['zh', '可以礼品包装吗'], ['en', 'can you gift wrap it']]);
  });

  it('should refuse an intent that is not in the given list, naming the file', () => {
    expect(() => loadIntentCorpus([en], { intents: ['order.status'] })).toThrow(/gift\.en\.json: data\[0\]\.intent "gift\.wrap" is not a known intent/);
  });

  it('should name a missing file', () => {
    expect(() => loadIntentCorpus([join(dir, 'none.zh.json')], { intents: ['gift.wrap'] })).toThrow(/none\.zh\.json: cannot read the file/);
  });

  it('should refuse an empty list', () => {
    expect(() => loadIntentCorpus([], { intents: ['gift.wrap'] })).toThrow(/no intent files given/);
  });

  it('should, when asked to be complete, require utterances in zh and en for every intent but oos', () => {
    expect(() => loadIntentCorpus([zh], { intents: ['gift.wrap', 'oos'], complete: true })).toThrow(/intent "gift\.wrap" \(in the domain\) has no en training utterances/);
    expect(() => loadIntentCorpus([zh, en], { intents: ['gift.wrap', 'gift.unwrap', 'oos'], complete: true })).toThrow(/intent "gift\.unwrap" \(in the domain\) has no zh or en training utterances/);
    expect(loadIntentCorpus([zh, en], { intents: ['gift.wrap', 'oos'], complete: true }).train).toHaveLength(2);
  });

  it('should find the built-in corpus complete for the built-in domain', () => {
    const corpus = loadIntentCorpus(join(__dirname, '../../../intents'), { intents: domainIntents(builtInDomain()), complete: true });
    expect(new Set(corpus.train.map((e) => e.intent))).toEqual(new Set(domainIntents(builtInDomain())));
  });
});
