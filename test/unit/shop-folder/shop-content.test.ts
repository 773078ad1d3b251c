import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { Responses } from '../../../src/domain/responses';
import { BUILT_IN_DOMAIN_FILE } from '../../../src/domain/built-in-domain';
import { modelHash } from '../../../src/nlp/model-cache';
import { DEMO_SHOP_DIR, shopContent } from '../../../src/shop-folder/shop-content';
import { ShopFolderError } from '../../../src/shop-folder/shop-folder-error';

const ROOT = path.join(__dirname, '..', '..', '..');
const BUILT_IN_INTENTS = fs.readdirSync(path.join(ROOT, 'intents')).filter((f) => f.endsWith('.json')).sort();
const BUILT_IN_DIALOGS = fs.readdirSync(path.join(ROOT, 'dialogs')).filter((f) => f.endsWith('.json')).sort();

describe('shopContent', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-shop-content-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(rel: string, content: unknown): string {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  }
  const contentOf = (shopDir?: string) => shopContent(loadConfig({ shopDir }));

  it('should read the demo shop when no shop folder is configured: built-in content and shops/demo/knowledge', () => {
    const content = contentOf(undefined);
    expect(content.shopDir).toBe(DEMO_SHOP_DIR);
    expect(content.knowledgeDir).toBe(path.join(ROOT, 'shops', 'demo', 'knowledge'));
    expect(fs.existsSync(path.join(content.knowledgeDir, 'products.json'))).toBe(true);
    expect(content.domainFiles).toEqual([BUILT_IN_DOMAIN_FILE]);
    expect(content.intentFiles.map((f) => path.basename(f))).toEqual(BUILT_IN_INTENTS);
    expect(content.dialogFiles.map((f) => path.basename(f))).toEqual(BUILT_IN_DIALOGS);
  });

  it('should list built-in files first and the shop folder last, a shop intents file replacing the built-in one of its name', () => {
    const domain = write('domain.json', { intents: {} });
    const orderZh = write('intents/order.zh.json', { locale: 'zh', domain: 'order', data: [] });
    const giftEn = write('intents/gift.en.json', { locale: 'en', domain: 'gift', data: [] });
    const giftZh = write('intents/gift.zh.json', { locale: 'zh', domain: 'gift', data: [] });
    write('intents/README.md', 'not read');
    const smalltalk = write('dialogs/smalltalk.json', { zh: {}, en: {} });
    const content = contentOf(dir);

    expect(content.shopDir).toBe(dir);
    expect(content.domainFiles).toEqual([BUILT_IN_DOMAIN_FILE, domain]);
    // order.zh.json is the shop's only; order.en.json stays the built-in one.
    expect(content.intentFiles.filter((f) => path.basename(f) === 'order.zh.json')).toEqual([orderZh]);
    expect(content.intentFiles).toContain(path.join(ROOT, 'intents', 'order.en.json'));
    expect(content.intentFiles.slice(-3)).toEqual([giftEn, orderZh, giftZh].sort());
    expect(content.intentFiles).toHaveLength(BUILT_IN_INTENTS.length + 2);
    // Dialogs merge per key, so the built-in smalltalk.json stays in the list, before the shop's.
    expect(content.dialogFiles).toEqual([...BUILT_IN_DIALOGS.map((f) => path.join(ROOT, 'dialogs', f)), smalltalk]);
    expect(content.knowledgeDir).toBe(path.join(dir, 'knowledge'));
  });

  it('should read a shop folder that holds only knowledge/ as the built-in content with the shop data', () => {
    write('knowledge/products.json', []);
    const content = contentOf(dir);
    expect(content.domainFiles).toEqual([BUILT_IN_DOMAIN_FILE]);
    expect(content.intentFiles.map((f) => path.basename(f))).toEqual(BUILT_IN_INTENTS);
    expect(content.knowledgeDir).toBe(path.join(dir, 'knowledge'));
  });

  it('should resolve a relative shop folder against the working directory', () => {
    write('knowledge/products.json', []);
    const relative = path.relative(process.cwd(), dir);
    expect(contentOf(relative).shopDir).toBe(dir);
  });

  it('should name a missing shop folder and how to make one', () => {
    const missing = path.join(dir, 'no-such-shop');
    expect(() => contentOf(missing)).toThrow(ShopFolderError);
    expect(() => contentOf(missing)).toThrow(`shop folder ${missing}: does not exist (\`kefu init DIR\` writes a starter shop folder)`);
  });

  it('should refuse a file, an empty folder, and a folder of something else', () => {
    const file = write('shop.txt', 'a file');
    expect(() => contentOf(file)).toThrow(`shop folder ${file}: is not a folder`);
    expect(() => contentOf(dir)).toThrow(/holds none of domain\.json, intents, dialogs, knowledge/);
    write('src/index.ts', 'export {}');
    expect(() => contentOf(dir)).toThrow(/holds none of domain\.json, intents, dialogs, knowledge/);
  });

  it('should refuse intents or dialogs that are files, and a domain.json that is a folder', () => {
    write('intents', 'not a folder');
    expect(() => contentOf(dir)).toThrow(`shop folder ${path.join(dir, 'intents')}: must be a folder`);
    fs.rmSync(path.join(dir, 'intents'));
    fs.mkdirSync(path.join(dir, 'domain.json'));
    expect(() => contentOf(dir)).toThrow(`shop folder ${path.join(dir, 'domain.json')}: must be a file`);
  });

  it('should give a model hash that changes when a shop intents file changes, and stays when it does not', () => {
    const zh = write('intents/gift.zh.json', { locale: 'zh', domain: 'gift', data: [{ intent: 'gift.wrap', utterances: ['可以礼品包装吗'] }] });
    write('intents/gift.en.json', { locale: 'en', domain: 'gift', data: [{ intent: 'gift.wrap', utterances: ['can you gift wrap it'] }] });
    const hash = () => modelHash(contentOf(dir).intentFiles, '{}');
    const before = hash();
    expect(hash()).toBe(before);
    write('intents/gift.zh.json', { locale: 'zh', domain: 'gift', data: [{ intent: 'gift.wrap', utterances: ['可以礼品包装吗', '有礼盒吗'] }] });
    expect(fs.readFileSync(zh, 'utf8')).toContain('有礼盒吗');
    const changed = hash();
    expect(changed).not.toBe(before);
    // A shop file that replaces a built-in one changes it too.
    write('intents/smalltalk.en.json', { locale: 'en', domain: 'smalltalk', data: [{ intent: 'smalltalk.greeting', utterances: ['hello there'] }] });
    expect(hash()).not.toBe(changed);
  });

  it('should give dialog files whose later shop keys win in zh and en', () => {
    write('dialogs/smalltalk.json', { zh: { greeting: '欢迎光临小店！' }, en: { greeting: 'Welcome to our little shop!' } });
    const responses = Responses.load(contentOf(dir).dialogFiles);
    expect(responses.text('zh', 'smalltalk.greeting')).toBe('欢迎光临小店！');
    expect(responses.text('en', 'smalltalk.greeting')).toBe('Welcome to our little shop!');
    // Keys the shop does not override stay built-in.
    expect(Responses.load(path.join(ROOT, 'dialogs')).variants('en', 'smalltalk.thanks')).toEqual(responses.variants('en', 'smalltalk.thanks'));
  });
});
