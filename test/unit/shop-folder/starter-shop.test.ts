import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInit, writeStarterShop } from '../../../src/cli/init-command';
import { loadConfig } from '../../../src/config';
import { Responses } from '../../../src/domain/responses';
import { domainIntents } from '../../../src/domain/domain-queries';
import { loadDomain } from '../../../src/domain/load-domain';
import { readShopFolder } from '../../../src/import/read-shop-folder';
import { validateShopData } from '../../../src/import/validate-shop-data';
import { loadIntentCorpus } from '../../../src/nlp/corpus';
import { shopContent } from '../../../src/shop-folder/shop-content';

const LOCALES = ['zh', 'en'] as const;

describe('kefu init (writeStarterShop)', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-init-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('should write a starter shop folder into a new folder: README, domain overlay, intents, dialogs, knowledge', () => {
    const dir = path.join(root, 'my-shop');
    const written = writeStarterShop(dir);
    expect(written).toEqual(
      expect.arrayContaining(['README.md', 'domain.json', 'dialogs/gift.json', 'intents/gift.en.json', 'intents/gift.zh.json', 'knowledge/products.json', 'knowledge/faq.json', 'knowledge/orders.json', 'knowledge/customers.json']),
    );
    for (const file of written) expect(fs.statSync(path.join(dir, file)).isFile()).toBe(true);
    // The comments: a README on every part, "$comment" where the loaders take one.
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    for (const part of ['## domain.json', '## intents/', '## dialogs/', '## knowledge/', 'kefu serve --shop DIR']) expect(readme).toContain(part);
    for (const locale of LOCALES) expect(JSON.parse(fs.readFileSync(path.join(dir, 'intents', `gift.${locale}.json`), 'utf8')).$comment).toMatch(/utterances/);
  });

  it('should write into an existing empty folder and refuse a non-empty one or a file, writing nothing', () => {
    expect(writeStarterShop(root)).toContain('domain.json');
    const before = fs.readFileSync(path.join(root, 'domain.json'), 'utf8');
    fs.writeFileSync(path.join(root, 'domain.json'), '{"intents": {}}');
    expect(() => writeStarterShop(root)).toThrow(`${root} is not empty; kefu init writes only into a new or empty folder`);
    expect(fs.readFileSync(path.join(root, 'domain.json'), 'utf8')).toBe('{"intents": {}}');
    expect(before).not.toBe('{"intents": {}}');
    const file = path.join(root, 'README.md');
    expect(() => writeStarterShop(file)).toThrow(`${file} is a file, not a folder`);
  });

  it('should answer bad arguments with the usage (exit 2) and a non-empty folder with exit 1', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runInit([])).toBe(2);
      expect(await runInit(['a', 'b'])).toBe(2);
      expect(await runInit(['--force'])).toBe(2);
      expect(stderr).toHaveBeenCalledWith('usage: kefu init DIR\n');
      fs.writeFileSync(path.join(root, 'keep.txt'), 'mine');
      expect(await runInit([root])).toBe(1);
      expect(fs.readdirSync(root)).toEqual(['keep.txt']);
      expect(await runInit([path.join(root, 'new-shop')])).toBe(0);
      expect(String(stdout.mock.calls.map((c) => c[0]).join(''))).toContain(`kefu serve --shop ${path.join(root, 'new-shop')}`);
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });

  it('should write content the loaders take: the extra intent in the domain, its utterances and its response in zh and en, a valid catalogue', () => {
    const dir = path.join(root, 'shop');
    writeStarterShop(dir);
    const content = shopContent(loadConfig({ shopDir: dir }));
    const responses = Responses.load(content.dialogFiles);
    const domain = loadDomain(content.domainFiles, { responses });
    expect(domain.intents['gift.wrap']?.answer).toEqual({ kind: 'response', text: 'gift.wrap', buttons: [{ title: 'gift.trackOrder', intent: 'order.status' }] });
    // The built-in intents are all still there.
    expect(domainIntents(domain)).toEqual(expect.arrayContaining(['order.status', 'smalltalk.greeting', 'oos', 'gift.wrap']));
    const corpus = loadIntentCorpus(content.intentFiles, { intents: domainIntents(domain) });
    for (const locale of LOCALES) {
      expect(corpus.train.filter((e) => e.intent === 'gift.wrap' && e.locale === locale).length).toBeGreaterThanOrEqual(15);
      expect(corpus.tests.filter((e) => e.intent === 'gift.wrap' && e.locale === locale).length).toBeGreaterThanOrEqual(2);
      expect(responses.text(locale, 'gift.wrap')).toMatch(locale === 'zh' ? /礼品包装/ : /gift wrapped/);
      expect(responses.text(locale, 'gift.trackOrder')).not.toBe('');
    }
    const { files, problems } = readShopFolder(content.knowledgeDir);
    expect(problems).toEqual([]);
    expect(validateShopData(files).problems).toEqual([]);
    expect(files.map((f) => f.kind).sort()).toEqual(['categories', 'customers', 'events', 'faq', 'orders', 'products']);
  });
});
