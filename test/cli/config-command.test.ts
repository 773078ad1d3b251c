/**
 * End to end: builds the CLI, then runs `node bin/kefu.js config` with a chosen environment —
 * values and their source, old names with exactly one warning each, the new name winning,
 * invalid values refused by name, and secrets never printed.
 */
import { SETTINGS } from '../../src/config/settings';
import { buildCli, runKefu, type CliResult } from './built-cli';

/** The environment without any setting (the machine running the tests may have some). */
function cleanEnv(): NodeJS.ProcessEnv {
  const settingNames = new Set(SETTINGS.flatMap((s) => [s.env, ...(s.deprecated ?? []), ...(s.platform ? [s.platform.env] : [])]));
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !settingNames.has(name) && !name.startsWith('KEFU_')));
}

function kefuConfig(env: Record<string, string>, ...args: string[]): CliResult {
  return runKefu(['config', ...args], { ...cleanEnv(), DEBUG: '', ...env });
}

interface JsonSetting {
  key: string;
  env: string;
  value?: unknown;
  source: string;
  from?: string;
  secret: boolean;
}

function jsonOf(env: Record<string, string>): { settings: Map<string, JsonSetting>; unknown: string[]; stderr: string } {
  const r = kefuConfig(env, '--json');
  expect(r.code).toBe(0);
  const parsed = JSON.parse(r.stdout) as { settings: JsonSetting[]; unknown: string[] };
  return { settings: new Map(parsed.settings.map((s) => [s.env, s])), unknown: parsed.unknown, stderr: r.stderr };
}

const warningsIn = (stderr: string): string[] => stderr.split('\n').filter((line) => / warn kefu:config /.test(line));

const SECRETS = {
  KEFU_SHOP_SECRET: 'shop-secret-3f9a',
  KEFU_WEBHOOK_SECRET: 'webhook-secret-77c1',
  KEFU_WECHAT_TOKEN: 'wechat-token-d2e8',
  KEFU_WECHAT_APP_SECRET: 'wechat-app-secret-41b0',
  KEFU_BOTFRAMEWORK_APP_PASSWORD: 'bf-password-9c55',
  KEFU_MONGODB_URI: 'mongodb://kefu:mongo-password-6a2d@db1:27017,db2:27017/kefu?replicaSet=rs0',
};

beforeAll(() => buildCli('cli/config-command.js'), 300000);

describe('kefu config', () => {
  it('should print every setting with its default and no warning when nothing is set', () => {
    const { settings, stderr } = jsonOf({});
    expect(settings.size).toBe(SETTINGS.length);
    expect(settings.get('KEFU_PORT')).toMatchObject({ key: 'port', value: 3000, source: 'default' });
    expect(settings.get('KEFU_LIMIT_HANDOFFS')).toMatchObject({ value: { burst: 10, perMinute: 2 }, source: 'default' });
    expect(settings.get('KEFU_SHOP_SECRET')).toEqual({ key: 'shopSecret', env: 'KEFU_SHOP_SECRET', source: 'default', secret: true });
    expect(warningsIn(stderr)).toEqual([]);
  });

  it('should say which variable each value came from: KEFU_ name, old name, platform name', () => {
    const { settings } = jsonOf({ KEFU_WORKERS: '3', HOST: '127.0.0.1', PORT: '5000', NODE_ENV: 'production' });
    expect(settings.get('KEFU_WORKERS')).toMatchObject({ value: 3, source: 'env', from: 'KEFU_WORKERS' });
    expect(settings.get('KEFU_HOST')).toMatchObject({ value: '127.0.0.1', source: 'deprecated env', from: 'HOST' });
    expect(settings.get('KEFU_PORT')).toMatchObject({ value: 5000, source: 'platform env', from: 'PORT' });
    expect(settings.get('KEFU_PRODUCTION')).toMatchObject({ value: true, source: 'platform env', from: 'NODE_ENV' });
    expect(settings.get('KEFU_STAFF_SECURE_COOKIES')).toMatchObject({ value: true, source: 'default' });
  });

  it('should warn exactly once for each old name, naming the new one', () => {
    const r = kefuConfig({ HOST: '127.0.0.1', MicrosoftAppId: 'app-1', KEFU_RATE_BURST: '5', PORT: '5000' });
    expect(r.code).toBe(0);
    const warnings = warningsIn(r.stderr);
    expect(warnings).toHaveLength(3);
    expect(warnings.filter((w) => w.includes('HOST is deprecated: rename it KEFU_HOST'))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('MicrosoftAppId is deprecated: rename it KEFU_BOTFRAMEWORK_APP_ID'))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('KEFU_RATE_BURST is deprecated: rename it KEFU_LIMIT_MESSAGE_BURST'))).toHaveLength(1);
    expect(r.stdout).toMatch(/^KEFU_HOST +127\.0\.0\.1 +deprecated env HOST$/m);
    expect(r.stdout).toMatch(/^KEFU_PORT +5000 +platform env PORT$/m);
    expect(r.stdout).toMatch(/^KEFU_LIMIT_MESSAGE_SOCKET +5,60 +default$/m);
  });

  it('should take the new name over the old one and say the old one is ignored', () => {
    const { settings, stderr } = jsonOf({ KEFU_HOST: '127.0.0.1', HOST: '0.0.0.0' });
    expect(settings.get('KEFU_HOST')).toMatchObject({ value: '127.0.0.1', source: 'env', from: 'KEFU_HOST' });
    expect(warningsIn(stderr)).toEqual([expect.stringContaining('HOST is deprecated and ignored: KEFU_HOST is set')]);
  });

  it('should never print a secret, in text or JSON, under its new or its old name', () => {
    const outputs = [kefuConfig(SECRETS), kefuConfig(SECRETS, '--json'), kefuConfig({ MicrosoftAppPassword: 'old-bf-password-0e3f', MONGODB_URI: 'mongodb://u:old-mongo-pw-5b7a@db/kefu' })];
    for (const r of outputs) {
      expect(r.code).toBe(0);
      for (const secret of [...Object.values(SECRETS), 'mongo-password-6a2d', 'old-bf-password-0e3f', 'old-mongo-pw-5b7a']) {
        if (secret.startsWith('mongodb://')) continue;
        expect(r.stdout + r.stderr).not.toContain(secret);
      }
    }
    const { settings } = jsonOf(SECRETS);
    expect(settings.get('KEFU_SHOP_SECRET')).toMatchObject({ value: '********', secret: true, source: 'env' });
    expect(settings.get('KEFU_MONGODB_URI')).toMatchObject({ value: 'mongodb://kefu:********@db1:27017,db2:27017/kefu?replicaSet=rs0', secret: true });
    expect(outputs[0].stdout).toMatch(/^KEFU_BOTFRAMEWORK_APP_PASSWORD +\*{8} +env KEFU_BOTFRAMEWORK_APP_PASSWORD$/m);
    expect(outputs[2].stdout).toMatch(/^KEFU_MONGODB_URI +mongodb:\/\/u:\*{8}@db\/kefu +deprecated env MONGODB_URI$/m);
  });

  it.each([
    ['KEFU_PORT', 'eighty', 'KEFU_PORT must be a non-negative integer, got "eighty"'],
    ['KEFU_RATE_PER_SECOND', 'fast', 'KEFU_RATE_PER_SECOND must be a non-negative integer, got "fast"'],
    ['KEFU_LIMIT_CONNECTIONS', '5,', 'KEFU_LIMIT_CONNECTIONS must be "burst,perMinute" (non-negative integers), got "5,"'],
    ['KEFU_QUIET', 'yes', 'KEFU_QUIET must be "true" or "false", got "yes"'],
  ])('should refuse %s=%s with exit code 2 and the variable named', (name, value, message) => {
    const r = kefuConfig({ [name]: value });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`kefu config: ${message}`);
    expect(r.stdout).toBe('');
  });

  it('should show a shop folder named in Chinese or in English as it is, and what unset means', () => {
    for (const dir of ['/srv/店铺/茶叶', '/srv/shops/tea']) {
      const r = kefuConfig({ KEFU_SHOP_DIR: dir });
      expect(r.stdout).toMatch(new RegExp(`^KEFU_SHOP_DIR +${dir} +env KEFU_SHOP_DIR$`, 'm'));
    }
    expect(kefuConfig({}).stdout).toMatch(/^KEFU_SHOP_DIR +\(unset: the demo shop, shops\/demo\) +default$/m);
  });

  it('should list KEFU_ variables that are no setting (a typo is not silently ignored)', () => {
    const r = kefuConfig({ KEFU_PROT: '8080' });
    expect(r.stdout).toContain('not settings, ignored: KEFU_PROT');
    expect(jsonOf({ KEFU_PROT: '8080', KEFU_WORKER_REPLAY: 'all' }).unknown).toEqual(['KEFU_PROT']);
  });

  it('should refuse unknown arguments with its usage', () => {
    const r = kefuConfig({}, '--yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: kefu config [--json | --markdown]');
  });
});
