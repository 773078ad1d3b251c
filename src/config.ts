/**
 * @module config
 * Typed configuration from the environment, with documented defaults. Secrets come only from env.
 */
import path from 'node:path';

export interface RateLimitConfig {
  /** Messages a shopper may send in a burst. @default 10 */
  burst: number;
  /** Messages per second refilled after the burst. @default 1 */
  perSecond: number;
}

export interface KefuConfig {
  /** @default 3000 */
  port: number;
  /** @default '0.0.0.0' */
  host: string;
  /** Embedded store and trained models. @default './data' */
  dataDir: string;
  /** Where trained NLU models are cached. @default '<dataDir>/models' */
  modelDir: string;
  /** The demo shop imported into an empty store. @default '<repo>/knowledge' */
  knowledgeDir: string;
  /** Training utterances. @default '<repo>/intents' */
  intentsDir: string;
  /** Response templates and flows. @default '<repo>/dialogs' */
  dialogsDir: string;
  /** Static files (widget, demo page). @default '<repo>/public' */
  publicDir: string;
  /** HS256 secret for `customerToken`; unset → tokens are refused. */
  shopSecret?: string;
  /** `KEFU_CUSTOMER_TOKEN_MAX_HOURS`: a `customerToken` whose `exp` is further ahead (or after its `iat`) is refused. @default 24 */
  customerTokenMaxHours: number;
  /** When set, MongoDB (through mongoose; a replica set, for transactions) is the store instead of the embedded one. */
  mongodbUri?: string;
  /** Import the demo shop when the store is empty. @default true */
  importDemoWhenEmpty: boolean;
  rateLimit: RateLimitConfig;
  /** Longest shopper message, in characters. @default 2000 */
  maxTextLength: number;
  /** `NODE_ENV === 'production'`: unauthenticated shortcuts (Bot Framework without an app id) are off. */
  production: boolean;
  /** The shop's public address, for links in channels that show only text (WeChat). `KEFU_PUBLIC_URL` */
  publicUrl?: string;
  /** Signs the webhook API (`KEFU_WEBHOOK_SECRET`); unset → the endpoint answers 404. */
  webhookSecret?: string;
  wechat: WechatConfig;
  botFramework: BotFrameworkConfig;
  staff: StaffConfig;
  /**
   * `KEFU_REPLAY_MINUTES`: at start, messages acknowledged this many minutes before it and never
   * answered (the server stopped mid-turn) are answered; older ones are left. 0 turns it off.
   * @default 10
   */
  replayMinutes: number;
}

export interface WechatConfig {
  /** `KEFU_WECHAT_TOKEN`: the token set in the Official Account's server configuration; unset → `/channels/wechat` answers 404. */
  token?: string;
  /** `KEFU_WECHAT_APP_ID` and `KEFU_WECHAT_APP_SECRET`: for the customer-service message API (replies after 5 s, agents' messages). */
  appId?: string;
  appSecret?: string;
  /** `KEFU_WECHAT_API_BASE` (tests point it at a local server). @default 'https://api.weixin.qq.com' */
  apiBase: string;
  /** `KEFU_WECHAT_REPLY_TIMEOUT_MS`: how long the passive reply waits for the turn (WeChat gives up at 5 s). @default 4500 */
  replyTimeoutMs?: number;
}

/** botbuilder's standard settings, from the env variables of the same names. */
export interface BotFrameworkConfig {
  appId?: string;
  appPassword?: string;
  /** `MultiTenant`, `SingleTenant` or `UserAssignedMSI`. */
  appType?: string;
  tenantId?: string;
  /** Where botbuilder fetches the signing keys of channel and Emulator tokens (sovereign clouds, tests); botbuilder's defaults otherwise. */
  toBotFromChannelOpenIdMetadataUrl?: string;
  toBotFromEmulatorOpenIdMetadataUrl?: string;
}

export interface StaffConfig {
  /** How long a console login lasts. `KEFU_STAFF_SESSION_HOURS` @default 12 */
  sessionHours: number;
  /** Cookies only over HTTPS. @default true in production */
  secureCookies: boolean;
}

/** The repository root (two levels above `dist/config.js` or `src/config.ts`). */
export const REPO_ROOT = path.resolve(__dirname, '..');

function intFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/**
 * Reads the configuration; `overrides` win over the environment (tests use them).
 * @example const config = loadConfig({ port: 0, dataDir: tmp });
 */
export function loadConfig(overrides: Partial<KefuConfig> = {}, env: NodeJS.ProcessEnv = process.env): KefuConfig {
  const dataDir = path.resolve(overrides.dataDir ?? env.KEFU_DATA_DIR ?? './data');
  const base: KefuConfig = {
    port: intFromEnv(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir,
    modelDir: path.resolve(env.KEFU_MODEL_DIR ?? path.join(dataDir, 'models')),
    knowledgeDir: path.join(REPO_ROOT, 'knowledge'),
    intentsDir: path.join(REPO_ROOT, 'intents'),
    dialogsDir: path.join(REPO_ROOT, 'dialogs'),
    publicDir: path.join(REPO_ROOT, 'public'),
    shopSecret: env.KEFU_SHOP_SECRET || undefined,
    customerTokenMaxHours: intFromEnv(env.KEFU_CUSTOMER_TOKEN_MAX_HOURS, 24, 'KEFU_CUSTOMER_TOKEN_MAX_HOURS'),
    mongodbUri: env.MONGODB_URI || undefined,
    importDemoWhenEmpty: env.KEFU_IMPORT_DEMO !== 'false',
    rateLimit: {
      burst: intFromEnv(env.KEFU_RATE_BURST, 10, 'KEFU_RATE_BURST'),
      perSecond: intFromEnv(env.KEFU_RATE_PER_SECOND, 1, 'KEFU_RATE_PER_SECOND'),
    },
    maxTextLength: 2000,
    production: env.NODE_ENV === 'production',
    publicUrl: env.KEFU_PUBLIC_URL || undefined,
    webhookSecret: env.KEFU_WEBHOOK_SECRET || undefined,
    wechat: {
      token: env.KEFU_WECHAT_TOKEN || undefined,
      appId: env.KEFU_WECHAT_APP_ID || undefined,
      appSecret: env.KEFU_WECHAT_APP_SECRET || undefined,
      apiBase: env.KEFU_WECHAT_API_BASE || 'https://api.weixin.qq.com',
      replyTimeoutMs: intFromEnv(env.KEFU_WECHAT_REPLY_TIMEOUT_MS, 4500, 'KEFU_WECHAT_REPLY_TIMEOUT_MS'),
    },
    botFramework: {
      appId: env.MicrosoftAppId || undefined,
      appPassword: env.MicrosoftAppPassword || undefined,
      appType: env.MicrosoftAppType || undefined,
      tenantId: env.MicrosoftAppTenantId || undefined,
      toBotFromChannelOpenIdMetadataUrl: env.ToBotFromChannelOpenIdMetadataUrl || undefined,
      toBotFromEmulatorOpenIdMetadataUrl: env.ToBotFromEmulatorOpenIdMetadataUrl || undefined,
    },
    staff: {
      sessionHours: intFromEnv(env.KEFU_STAFF_SESSION_HOURS, 12, 'KEFU_STAFF_SESSION_HOURS'),
      secureCookies: env.NODE_ENV === 'production',
    },
    replayMinutes: intFromEnv(env.KEFU_REPLAY_MINUTES, 10, 'KEFU_REPLAY_MINUTES'),
  };
  return { ...base, ...overrides, dataDir };
}
