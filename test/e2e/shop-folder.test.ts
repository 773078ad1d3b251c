/**
 * A shop makes kefu its own from its own folder (issue 15's acceptance), through the real CLI:
 * - `kefu init DIR` writes the starter shop; `kefu serve --shop DIR` answers its extra intent
 *   (`gift.wrap`) with its canned response and button, in zh and en, over the built-in content;
 * - a second shop folder (the bookshop of `test/fixtures/other-shop` as its knowledge) adds an
 *   intent of its own (`bookclub.schedule`, utterances in zh and en, answered by a canned response
 *   of its domain) and renames the greeting; served with `--shop DIR --workers 2`, it answers with
 *   them, keeps every built-in text it does not override, and an order question still runs through
 *   the built-in order flow on the shop's own orders;
 * - a missing shop folder stops `kefu serve` at once with the reason.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Customer, Order } from '../../src/core/shop';
import { buildOnce, ROOT } from '../durability/kefu-process';
import { cardsOf, ChatClient, intentOf, textOf } from '../helpers/chat-client';
import { MODEL_CACHE } from '../helpers/test-server';

jest.setTimeout(400_000);

const KEFU = path.join(ROOT, 'bin', 'kefu.js');
const LOCALES = ['zh', 'en'] as const;
type Locale = (typeof LOCALES)[number];
const BUILT_IN_SMALLTALK = JSON.parse(fs.readFileSync(path.join(ROOT, 'dialogs', 'smalltalk.json'), 'utf8')) as Record<Locale, Record<string, string | string[]>>;
const builtIn = (locale: Locale, key: string): string[] => [BUILT_IN_SMALLTALK[locale][key]].flat();

/** The bookshop's own content: an extra intent and a renamed greeting. */
const BOOKSHOP = {
  greeting: { zh: '欢迎来到拾页书咖！想找书、喝咖啡还是查订单，都可以问我。', en: 'Welcome to Page & Bean! Ask me about books, coffee or your order.' },
  bookclub: {
    zh: '读书会每月第一个周六下午三点在店里二楼举行，免费参加，到店或在小程序报名即可。',
    en: "Our book club meets on the first Saturday of every month at 3 pm upstairs in the shop. It's free: sign up in the shop or in our mini-program.",
  },
  utterances: {
    zh: ['读书会什么时候举办', '下一次读书会是哪天', '你们有读书会吗', '读书会怎么报名', '这个月有读书会吗', '读书会几点开始', '我想参加读书会', '周末有读书分享会吗', '读书会要收费吗', '读书会在哪里办', '最近有什么读书活动', '读书会还能报名吗', '读书会一次多少人', '下周的读书会读什么书', '怎么加入你们的读书会', '读书俱乐部什么时候活动'],
    en: ['when is the next book club', 'do you have a book club', 'how do I join the book club', 'what day is book club this month', 'what time does the book club start', "I'd like to join your reading group", 'is there a book club this weekend', 'is the book club free', 'where does the book club meet', 'any reading events coming up', 'can I still sign up for book club', 'how many people come to book club', 'what are you reading at the next book club', 'when does the reading group meet', 'book club schedule please', 'sign me up for the book club'],
  },
  tests: { zh: ['读书会是每周几', '想报名下一期读书会'], en: ['what day is book club', 'I want to sign up for the next reading group'] },
  /** What shoppers say in the test: none of them a training utterance. */
  ask: { zh: '请问你们下一次读书会是什么时候？', en: 'hi, when is your next book club?' },
};

const SAY = {
  zh: { hello: '你好', thanks: '谢谢', gift: '这个可以帮我礼品包装吗', status: (id: string) => `帮我查下订单${id}到哪了` },
  en: { hello: 'hello', thanks: 'thanks', gift: 'could you gift wrap it for me', status: (id: string) => `where is my order ${id}` },
};

interface ServeProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `node bin/kefu.js serve ARGS` on port 0; resolves with the URL it prints. */
function serve(args: string[], dataDir: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [KEFU, 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, KEFU_PORT: '0', KEFU_HOST: '127.0.0.1', KEFU_DATA_DIR: dataDir, KEFU_MODEL_DIR: MODEL_CACHE, KEFU_QUIET: 'true', KEFU_LIMIT_MESSAGE_BURST: '100', DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
  };
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const match = /serving the shop assistant at (http:\/\/\S+)/.exec(out);
      if (match) {
        clearInterval(poll);
        resolve({ url: match[1], child, stop });
      } else if (child.exitCode !== null) {
        clearInterval(poll);
        reject(new Error(`kefu serve exited with ${child.exitCode}:\n${out}\n${err}`));
      }
    }, 100);
  });
}

function writeJson(file: string, json: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
}

/** The second shop: the bookshop's data, its book-club intent and its own greeting. */
function writeBookshop(dir: string): void {
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'other-shop'), path.join(dir, 'knowledge'), { recursive: true });
  fs.rmSync(path.join(dir, 'knowledge', 'README.md'));
  writeJson(path.join(dir, 'domain.json'), {
    intents: { 'bookclub.schedule': { answer: { kind: 'response', text: 'bookclub.next', buttons: [{ title: 'bookclub.trackOrder', intent: 'order.status' }] } } },
  });
  for (const locale of LOCALES) {
    writeJson(path.join(dir, 'intents', `bookclub.${locale}.json`), {
      locale,
      domain: 'bookclub',
      data: [{ intent: 'bookclub.schedule', utterances: BOOKSHOP.utterances[locale], tests: BOOKSHOP.tests[locale] }],
    });
  }
  writeJson(path.join(dir, 'dialogs', 'bookclub.json'), {
    zh: { next: BOOKSHOP.bookclub.zh, trackOrder: '查订单' },
    en: { next: BOOKSHOP.bookclub.en, trackOrder: 'Track an order' },
  });
  writeJson(path.join(dir, 'dialogs', 'smalltalk.json'), { zh: { greeting: BOOKSHOP.greeting.zh }, en: { greeting: BOOKSHOP.greeting.en } });
}

const dirs: string[] = [];
const tempDir = (name: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kefu-${name}-`));
  dirs.push(dir);
  return dir;
};
const open: ChatClient[] = [];
const connect = async (url: string, locale: Locale): Promise<ChatClient> => {
  const client = await ChatClient.connect(url, { locale });
  open.push(client);
  return client;
};

beforeAll(() => buildOnce());
afterEach(() => open.splice(0).forEach((c) => c.close()));
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('kefu init, then kefu serve --shop on what it wrote', () => {
  let shopDir = '';
  let server: ServeProcess;
  let gift: Record<Locale, Record<string, string>>;

  beforeAll(async () => {
    shopDir = path.join(tempDir('init'), 'my-shop');
    const init = spawnSync(process.execPath, [KEFU, 'init', shopDir], { cwd: ROOT, encoding: 'utf8' });
    expect(init.status).toBe(0);
    expect(init.stdout).toContain(`kefu serve --shop ${shopDir}`);
    gift = JSON.parse(fs.readFileSync(path.join(shopDir, 'dialogs', 'gift.json'), 'utf8')) as typeof gift;
    server = await serve(['--shop', shopDir], tempDir('init-data'));
  });
  afterAll(async () => server?.stop());

  it('should refuse to init into the folder again, leaving it as it was', () => {
    const before = fs.readFileSync(path.join(shopDir, 'domain.json'), 'utf8');
    const again = spawnSync(process.execPath, [KEFU, 'init', shopDir], { cwd: ROOT, encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is not empty');
    expect(fs.readFileSync(path.join(shopDir, 'domain.json'), 'utf8')).toBe(before);
  });

  describe.each(LOCALES)('(%s)', (locale) => {
    it("should answer the starter's extra intent with its canned response and its button, which starts the built-in order flow", async () => {
      const c = await connect(server.url, locale);
      const turn = await c.say(SAY[locale].gift);
      expect(intentOf(turn)).toBe('gift.wrap');
      expect(textOf(turn)).toBe(gift[locale].wrap);
      const actions = turn.messages[0]?.suggestedActions?.actions ?? [];
      expect(actions).toEqual([expect.objectContaining({ title: gift[locale].trackOrder, value: 'intent:order.status' })]);
      const tapped = await c.tap(actions[0].value as string);
      expect(intentOf(tapped)).toBe('order.status');
      expect(cardsOf(tapped, 'order')).toHaveLength(0);
    });

    it('should greet with the built-in greeting (the starter does not rename it)', async () => {
      const c = await connect(server.url, locale);
      const turn = await c.say(SAY[locale].hello);
      expect(intentOf(turn)).toBe('smalltalk.greeting');
      expect(builtIn(locale, 'greeting')).toContain(turn.messages[0]?.text);
    });
  });
});

describe('a second shop folder with an extra intent and a renamed greeting: kefu serve --shop DIR --workers 2', () => {
  let server: ServeProcess;
  const fixture = path.join(ROOT, 'test', 'fixtures', 'other-shop');
  const orders = JSON.parse(fs.readFileSync(path.join(fixture, 'orders.json'), 'utf8')) as Order[];
  const customers = JSON.parse(fs.readFileSync(path.join(fixture, 'customers.json'), 'utf8')) as Customer[];
  const shipped = orders.find((o) => o.status === 'shipped' && o.shipping?.trackingNumber)!;
  const phoneOf = (o: Order): string => (customers.find((c) => c.id === o.customerId)?.phone ?? '').replace(/\D/g, '').slice(-4);

  beforeAll(async () => {
    const shopDir = tempDir('bookshop');
    writeBookshop(shopDir);
    server = await serve(['--shop', shopDir, '--workers', '2'], tempDir('bookshop-data'));
  });
  afterAll(async () => server?.stop());

  describe.each(LOCALES)('(%s)', (locale) => {
    it("should answer the shop's own intent with the response its domain names", async () => {
      const c = await connect(server.url, locale);
      const turn = await c.say(BOOKSHOP.ask[locale]);
      expect(intentOf(turn)).toBe('bookclub.schedule');
      expect(textOf(turn)).toBe(BOOKSHOP.bookclub[locale]);
      expect(turn.messages[0]?.suggestedActions?.actions).toEqual([expect.objectContaining({ value: 'intent:order.status' })]);
    });

    it("should greet with the shop's greeting and keep the built-in texts it does not override", async () => {
      const c = await connect(server.url, locale);
      const hello = await c.say(SAY[locale].hello);
      expect(intentOf(hello)).toBe('smalltalk.greeting');
      expect(hello.messages[0]?.text).toBe(BOOKSHOP.greeting[locale]);
      const thanks = await c.say(SAY[locale].thanks);
      expect(intentOf(thanks)).toBe('smalltalk.thanks');
      expect(builtIn(locale, 'thanks')).toContain(thanks.messages[0]?.text);
    });

    it("should still answer an order question through the built-in order flow, on the shop's own orders", async () => {
      const c = await connect(server.url, locale);
      const ask = await c.say(SAY[locale].status(shipped.id));
      expect(intentOf(ask)).toBe('order.status');
      expect(textOf(ask)).toContain(shipped.id);
      expect(cardsOf(ask, 'order')).toHaveLength(0);
      const shown = await c.say(phoneOf(shipped));
      expect(cardsOf(shown, 'order')[0]).toMatchObject({ orderId: shipped.id, status: 'shipped', trackingNumber: shipped.shipping!.trackingNumber });
    });
  });
});

describe('kefu serve --shop on a folder that is not there', () => {
  it('should stop at once with the reason and exit 2', () => {
    const missing = path.join(tempDir('missing'), 'no-shop');
    const run = spawnSync(process.execPath, [KEFU, 'serve', '--shop', missing], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PORT: '0', KEFU_DATA_DIR: tempDir('missing-data') }, timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`kefu serve: shop folder ${missing}: does not exist`);
  });
});
