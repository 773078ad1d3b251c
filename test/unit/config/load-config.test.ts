/**
 * `loadConfig` from the settings list: documented defaults, `KEFU_` names, old names with one
 * deprecation warning each (the new name wins), names the platform sets, and errors that name
 * the variable.
 */
import os from 'node:os';
import path from 'node:path';
import { loadConfig, REPO_ROOT } from '../../../src/config';
import { setPrintLine } from '../../../src/log';

/** Captures the warning lines `fn` prints, with the config module loaded afresh (its warnings are once per process). */
function warningsOf(fn: (load: typeof loadConfig) => void): string[] {
  const lines: string[] = [];
  setPrintLine((line) => lines.push(line));
  try {
    jest.isolateModules(() => {
      // The fresh config module prints through the fresh log module: capture that one too.
      (require('../../../src/log') as typeof import('../../../src/log')).setPrintLine((line) => lines.push(line));
      fn((require('../../../src/config') as typeof import('../../../src/config')).loadConfig);
    });
  } finally {
    setPrintLine((line) => process.stderr.write(line + '\n'));
  }
  return lines.filter((line) => / warn kefu:config /.test(line));
}

describe('loadConfig', () => {
  it('should give every setting its documented default with no environment', () => {
    const cwdData = path.resolve('data');
    expect(loadConfig({}, {})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      production: false,
      dataDir: cwdData,
      modelDir: path.join(cwdData, 'models'),
      intentsDir: path.join(REPO_ROOT, 'intents'),
      dialogsDir: path.join(REPO_ROOT, 'dialogs'),
      publicDir: path.join(REPO_ROOT, 'public'),
      importDemoWhenEmpty: true,
      customerTokenMaxHours: 24,
      maxTextLength: 2000,
      replayMinutes: 10,
      workers: 1,
      verificationIdleMinutes: 5,
      privacy: { rawRetentionDays: 0, retentionDays: 0 },
      staff: { sessionHours: 12, secureCookies: false, loginConcurrency: 2, loginQueue: 8 },
      wechat: { apiBase: 'https://api.weixin.qq.com', replyTimeoutMs: 4500 },
      botFramework: { allowUnauthenticated: false },
      rateLimit: { burst: 10, perSecond: 1 },
      limits: {
        message: { socket: { burst: 10, perMinute: 60 }, conversation: { burst: 20, perMinute: 120 }, address: { burst: 200, perMinute: 1200 } },
        postback: { socket: { burst: 10, perMinute: 60 }, conversation: { burst: 20, perMinute: 120 }, address: { burst: 200, perMinute: 1200 } },
        history: { socket: { burst: 10, perMinute: 60 }, conversation: { burst: 20, perMinute: 120 }, address: { burst: 100, perMinute: 600 } },
        feedback: { socket: { burst: 10, perMinute: 60 }, conversation: { burst: 20, perMinute: 120 }, address: { burst: 100, perMinute: 600 } },
        connections: { burst: 100, perMinute: 600 },
        openSockets: 1000,
        newConversations: { burst: 30, perMinute: 60 },
        handoffs: { burst: 10, perMinute: 2 },
        trustProxy: 0,
        maxKeys: 100_000,
      },
      quiet: false,
      datasetsDir: path.resolve(REPO_ROOT, '..', 'shared', 'datasets'),
    });
  });

  it('should read the KEFU_ names, secrets and privacy included', () => {
    const config = loadConfig({}, {
      KEFU_PORT: '8080',
      KEFU_HOST: '127.0.0.1',
      KEFU_MONGODB_URI: 'mongodb://kefu:pw@db:27017/kefu?replicaSet=rs0',
      KEFU_BOTFRAMEWORK_APP_ID: 'app-id',
      KEFU_BOTFRAMEWORK_APP_PASSWORD: 'app-password',
      KEFU_BOTFRAMEWORK_APP_TYPE: 'SingleTenant',
      KEFU_BOTFRAMEWORK_TENANT_ID: 'tenant',
      KEFU_LIMIT_MESSAGE_BURST: '4',
      KEFU_LIMIT_MESSAGE_PER_SECOND: '2',
      KEFU_RAW_RETENTION_DAYS: '1.5',
      KEFU_RETENTION_DAYS: '30',
      KEFU_DATA_DIR: 'some-data',
      KEFU_PRODUCTION: 'true',
      KEFU_QUIET: 'true',
    });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.mongodbUri).toBe('mongodb://kefu:pw@db:27017/kefu?replicaSet=rs0');
    expect(config.botFramework).toMatchObject({ appId: 'app-id', appPassword: 'app-password', appType: 'SingleTenant', tenantId: 'tenant' });
    expect(config.rateLimit).toEqual({ burst: 4, perSecond: 2 });
    expect(config.limits.message.socket).toEqual({ burst: 4, perMinute: 120 });
    expect(config.privacy).toEqual({ rawRetentionDays: 1.5, retentionDays: 30 });
    expect(config.modelDir).toBe(path.resolve('some-data', 'models'));
    expect(config.production).toBe(true);
    expect(config.staff.secureCookies).toBe(true); // follows production unless set
    expect(config.quiet).toBe(true);
  });

  it('should read the old names, with one warning each naming the new one, however often it loads', () => {
    const old = {
      HOST: '127.0.0.2',
      MONGODB_URI: 'mongodb://db/kefu',
      MicrosoftAppId: 'old-app',
      MicrosoftAppPassword: 'old-password',
      KEFU_RATE_BURST: '7',
      KEFU_DATASETS: '/tmp/datasets',
    };
    let config = loadConfig({}, {});
    const warnings = warningsOf((load) => {
      config = load({}, old);
      load({}, old);
      load({}, old);
    });
    expect(config).toMatchObject({ host: '127.0.0.2', mongodbUri: 'mongodb://db/kefu', rateLimit: { burst: 7 }, datasetsDir: '/tmp/datasets' });
    expect(config.botFramework).toMatchObject({ appId: 'old-app', appPassword: 'old-password' });
    expect(warnings).toHaveLength(6);
    for (const [name, replacement] of [
      ['HOST', 'KEFU_HOST'],
      ['MONGODB_URI', 'KEFU_MONGODB_URI'],
      ['MicrosoftAppId', 'KEFU_BOTFRAMEWORK_APP_ID'],
      ['MicrosoftAppPassword', 'KEFU_BOTFRAMEWORK_APP_PASSWORD'],
      ['KEFU_RATE_BURST', 'KEFU_LIMIT_MESSAGE_BURST'],
      ['KEFU_DATASETS', 'KEFU_DATASETS_DIR'],
    ]) {
      expect(warnings.filter((line) => line.includes(`variable ${name} is deprecated: rename it ${replacement}`))).toHaveLength(1);
    }
    expect(warnings.join('\n')).not.toContain('old-password');
  });

  it('should let the new name win over the old one, and say the old one is ignored', () => {
    let config = loadConfig({}, {});
    const warnings = warningsOf((load) => {
      config = load({}, { KEFU_MONGODB_URI: 'mongodb://new/kefu', MONGODB_URI: 'mongodb://old/kefu', KEFU_LIMIT_MESSAGE_BURST: '3', KEFU_RATE_BURST: 'not-a-number' });
    });
    expect(config.mongodbUri).toBe('mongodb://new/kefu');
    expect(config.rateLimit.burst).toBe(3); // the ignored old value is not even parsed
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('MONGODB_URI is deprecated and ignored: KEFU_MONGODB_URI is set');
  });

  it('should read PORT and NODE_ENV, which platforms set, without a warning, and prefer the KEFU_ names', () => {
    let fromPlatform = loadConfig({}, {});
    let both = fromPlatform;
    const warnings = warningsOf((load) => {
      fromPlatform = load({}, { PORT: '5000', NODE_ENV: 'production' });
      both = load({}, { PORT: '5000', KEFU_PORT: '6000', NODE_ENV: 'production', KEFU_PRODUCTION: 'false' });
    });
    expect(warnings).toEqual([]);
    expect(fromPlatform).toMatchObject({ port: 5000, production: true, staff: { secureCookies: true } });
    expect(both).toMatchObject({ port: 6000, production: false, staff: { secureCookies: false } });
    expect(loadConfig({}, { NODE_ENV: 'development' }).production).toBe(false);
  });

  it('should let overrides win, and settings derived from them follow', () => {
    const dataDir = path.join(os.tmpdir(), 'kefu-config-test');
    const config = loadConfig({ dataDir, rateLimit: { burst: 50, perSecond: 5 }, port: 0 }, { KEFU_PORT: '8080', KEFU_LIMIT_MESSAGE_BURST: '1' });
    expect(config.port).toBe(0);
    expect(config.modelDir).toBe(path.join(dataDir, 'models'));
    expect(config.limits.message.socket).toEqual({ burst: 50, perMinute: 300 });
    expect(config.limits.message.conversation).toEqual({ burst: 100, perMinute: 600 });
  });

  it.each([
    ['KEFU_PORT', 'eighty', 'KEFU_PORT must be a non-negative integer, got "eighty"'],
    ['PORT', '-1', 'PORT must be a non-negative integer, got "-1"'],
    ['KEFU_RATE_BURST', '1.5', 'KEFU_RATE_BURST must be a non-negative integer, got "1.5"'],
    ['KEFU_CLARIFY_MARGIN', '2', 'KEFU_CLARIFY_MARGIN must be a number from 0 to 1, got "2"'],
    ['KEFU_IMPORT_DEMO', 'no', 'KEFU_IMPORT_DEMO must be "true" or "false", got "no"'],
    ['KEFU_BOTFRAMEWORK_APP_TYPE', 'multitenant', 'KEFU_BOTFRAMEWORK_APP_TYPE must be one of "MultiTenant", "SingleTenant", "UserAssignedMSI", got "multitenant"'],
    ['KEFU_PUBLIC_URL', 'shop.example', 'KEFU_PUBLIC_URL must be an http(s) URL, got "shop.example"'],
    ['KEFU_WORKERS', '0', 'KEFU_WORKERS must be a positive integer or "auto", got "0"'],
    ['KEFU_RETENTION_DAYS', '-3', 'KEFU_RETENTION_DAYS must be a non-negative number, got "-3"'],
    ['KEFU_LIMIT_HANDOFFS', '1,2,3', 'KEFU_LIMIT_HANDOFFS must be "burst,perMinute" (non-negative integers), got "1,2,3"'],
  ])('should refuse %s=%s naming the variable', (name, value, message) => {
    expect(() => loadConfig({}, { [name]: value })).toThrow(message);
  });

  it('should not echo a MongoDB URI it refuses (it may hold a password)', () => {
    expect(() => loadConfig({}, { KEFU_MONGODB_URI: 'postgres://kefu:hunter2@db/kefu' })).toThrow('KEFU_MONGODB_URI must be a mongodb:// or mongodb+srv:// URI');
    expect(() => loadConfig({}, { KEFU_MONGODB_URI: 'postgres://kefu:hunter2@db/kefu' })).not.toThrow(/hunter2/);
  });

  it('should read a shop folder named in Chinese or English', () => {
    expect(loadConfig({}, { KEFU_SHOP_DIR: '/srv/店铺/茶叶' }).shopDir).toBe('/srv/店铺/茶叶');
    expect(loadConfig({}, { KEFU_SHOP_DIR: '/srv/shops/tea' }).shopDir).toBe('/srv/shops/tea');
  });
});
