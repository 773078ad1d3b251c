/**
 * @module config
 * Typed configuration from the environment, with documented defaults. Secrets come only from env.
 */
import os from 'node:os';
import path from 'node:path';

export interface RateLimitConfig {
  /** Messages a shopper may send in a burst. @default 10 */
  burst: number;
  /** Messages per second refilled after the burst. @default 1 */
  perSecond: number;
}

/** A token bucket: `burst` at once, then `perMinute` refilled; `burst` 0 turns the limit off. */
export interface RateSpec {
  burst: number;
  perMinute: number;
}

/** One event type's limits, each counted on its own: per socket, per conversation, per client address. */
export interface EventLimits {
  socket: RateSpec;
  conversation: RateSpec;
  address: RateSpec;
}

/**
 * The `/chat` namespace's limits (`KEFU_LIMIT_…`, each `burst,perMinute`). Defaults leave room
 * for a real shopper in several tabs and for an office or campus behind one address.
 */
export interface LimitsConfig {
  /** `KEFU_LIMIT_MESSAGE_{SOCKET,CONVERSATION,ADDRESS}`. @default socket from `KEFU_RATE_BURST`/`KEFU_RATE_PER_SECOND` (10, 60/min); conversation twice that; address 200, 1200/min */
  message: EventLimits;
  /** `KEFU_LIMIT_POSTBACK_…`. @default as `message` */
  postback: EventLimits;
  /** `KEFU_LIMIT_HISTORY_…`. @default socket 10, 60/min; conversation 20, 120/min; address 100, 600/min */
  history: EventLimits;
  /** `KEFU_LIMIT_FEEDBACK_…`. @default socket 10, 60/min; conversation 20, 120/min; address 100, 600/min */
  feedback: EventLimits;
  /** `KEFU_LIMIT_CONNECTIONS`: handshakes per address. @default 100, 600/min */
  connections: RateSpec;
  /** `KEFU_LIMIT_OPEN_SOCKETS`: sockets connected at once per address (0 = no limit). @default 1000 */
  openSockets: number;
  /** `KEFU_LIMIT_NEW_CONVERSATIONS`: conversations started (first stored message) per address. @default 30, 60/min */
  newConversations: RateSpec;
  /** `KEFU_LIMIT_HANDOFFS`: requests for a human per address. @default 10, 2/min */
  handoffs: RateSpec;
  /** `KEFU_LIMIT_TRUST_PROXY`: proxies in front whose `X-Forwarded-For` entries are trusted (0 = use the socket's address). @default 0 */
  trustProxy: number;
  /** `KEFU_LIMIT_MAX_KEYS`: buckets kept per limit; the least recently used is dropped beyond it. @default 100000 */
  maxKeys: number;
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
  /**
   * `KEFU_SHOP_DIR` (or `kefu serve --shop DIR`): the shop's own folder (`domain.json`, `intents/`,
   * `dialogs/`, `knowledge/`), read over the built-in defaults (`src/shop-folder`). Unset: the demo shop.
   */
  shopDir?: string;
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
  limits: LimitsConfig;
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
  /**
   * `KEFU_WORKERS` (or `kefu serve --workers N`): server processes behind the one port, sharing
   * the store (`cluster/`); `auto` = one per core. 1 runs no cluster at all.
   * @default 1
   */
  workers: number;
  /**
   * `KEFU_VERIFICATION_IDLE_MINUTES`: an anonymous shopper's answer to the order verification
   * question holds for the connection that gave it until this many minutes pass without a turn
   * from it; then (or from another connection) the question is asked again. 0: only for the turn
   * that gave it. Tests may pass a fraction.
   * @default 5
   */
  verificationIdleMinutes: number;
  /**
   * `KEFU_CLARIFY_MARGIN`: when the top two intents' calibrated probabilities differ by less than
   * this (and neither is `oos`, the runner-up at least 0.2), the bot asks "this or that?" with both
   * as buttons instead of guessing; 0 never asks. Chosen on the dev sets (`test/reports/bench-clarify.md`).
   * @default 0.2
   */
  clarifyMargin: number;
  /**
   * `KEFU_STAFF_HOURS_FILE`: staff hours (time zone, weekly hours, closed dates) and the average
   * minutes per queued conversation; the one source for the bot and the demo page (`/api/v1/shop-info`).
   * @default '<repo>/dialogs/staff-hours.json'
   */
  staffHoursFile: string;
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
  /**
   * `KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED=true`: without `appId`, answer unauthenticated
   * requests for local testing with the Bot Framework Emulator, and then only from this machine
   * to a `serviceUrl` on this machine; ignored in production. Off: no app id disables the endpoint (503).
   * @default false
   */
  allowUnauthenticated?: boolean;
}

export interface StaffConfig {
  /** How long a console login lasts. `KEFU_STAFF_SESSION_HOURS` @default 12 */
  sessionHours: number;
  /** Cookies only over HTTPS. @default true in production */
  secureCookies: boolean;
  /** Login password checks (scrypt) running at once. `KEFU_STAFF_LOGIN_CONCURRENCY` @default 2 */
  loginConcurrency?: number;
  /** Login password checks waiting (per lane, see `password-check-queue`) before more get 429. `KEFU_STAFF_LOGIN_QUEUE` @default 8 */
  loginQueue?: number;
}

/** The repository root (two levels above `dist/config.js` or `src/config.ts`). */
export const REPO_ROOT = path.resolve(__dirname, '..');

function intFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function fractionFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`${name} must be a number from 0 to 1, got "${value}"`);
  return n;
}

/** A worker count: a positive integer or `auto` (one per core); unset is 1. */
export function workerCount(value: string | undefined, name: string): number {
  if (value === undefined || value === '') return 1;
  if (value === 'auto') return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer or "auto", got "${value}"`);
  return n;
}

function rateFromEnv(value: string | undefined, fallback: RateSpec, name: string): RateSpec {
  if (value === undefined || value === '') return fallback;
  const match = /^\s*(\d+)\s*(?:,\s*(\d+)\s*)?$/.exec(value);
  if (!match) throw new Error(`${name} must be "burst,perMinute" (non-negative integers), got "${value}"`);
  return { burst: Number(match[1]), perMinute: match[2] === undefined ? fallback.perMinute : Number(match[2]) };
}

const rate = (burst: number, perMinute: number): RateSpec => ({ burst, perMinute });

function eventLimitsFromEnv(env: NodeJS.ProcessEnv, event: string, defaults: EventLimits): EventLimits {
  const name = (scope: string) => `KEFU_LIMIT_${event}_${scope}`;
  return {
    socket: rateFromEnv(env[name('SOCKET')], defaults.socket, name('SOCKET')),
    conversation: rateFromEnv(env[name('CONVERSATION')], defaults.conversation, name('CONVERSATION')),
    address: rateFromEnv(env[name('ADDRESS')], defaults.address, name('ADDRESS')),
  };
}

/**
 * The `/chat` limits from `KEFU_LIMIT_…`; the message rate per socket defaults to `rateLimit`
 * (`KEFU_RATE_BURST`/`KEFU_RATE_PER_SECOND`), and per conversation to twice that.
 * @example loadConfig({ limits: { ...limitsFromEnv({}), handoffs: { burst: 2, perMinute: 1 } } })
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv, rateLimit: RateLimitConfig = { burst: 10, perSecond: 1 }): LimitsConfig {
  const perSocket = rate(rateLimit.burst, rateLimit.perSecond * 60);
  const chatty: EventLimits = {
    socket: perSocket,
    conversation: rate(perSocket.burst * 2, perSocket.perMinute * 2),
    address: rate(200, 1200),
  };
  const quiet: EventLimits = { socket: rate(10, 60), conversation: rate(20, 120), address: rate(100, 600) };
  return {
    message: eventLimitsFromEnv(env, 'MESSAGE', chatty),
    postback: eventLimitsFromEnv(env, 'POSTBACK', chatty),
    history: eventLimitsFromEnv(env, 'HISTORY', quiet),
    feedback: eventLimitsFromEnv(env, 'FEEDBACK', quiet),
    connections: rateFromEnv(env.KEFU_LIMIT_CONNECTIONS, rate(100, 600), 'KEFU_LIMIT_CONNECTIONS'),
    openSockets: intFromEnv(env.KEFU_LIMIT_OPEN_SOCKETS, 1000, 'KEFU_LIMIT_OPEN_SOCKETS'),
    newConversations: rateFromEnv(env.KEFU_LIMIT_NEW_CONVERSATIONS, rate(30, 60), 'KEFU_LIMIT_NEW_CONVERSATIONS'),
    handoffs: rateFromEnv(env.KEFU_LIMIT_HANDOFFS, rate(10, 2), 'KEFU_LIMIT_HANDOFFS'),
    trustProxy: intFromEnv(env.KEFU_LIMIT_TRUST_PROXY, 0, 'KEFU_LIMIT_TRUST_PROXY'),
    maxKeys: intFromEnv(env.KEFU_LIMIT_MAX_KEYS, 100_000, 'KEFU_LIMIT_MAX_KEYS'),
  };
}

/**
 * Reads the configuration; `overrides` win over the environment (tests use them).
 * @example const config = loadConfig({ port: 0, dataDir: tmp });
 */
export function loadConfig(overrides: Partial<KefuConfig> = {}, env: NodeJS.ProcessEnv = process.env): KefuConfig {
  const dataDir = path.resolve(overrides.dataDir ?? env.KEFU_DATA_DIR ?? './data');
  const rateLimit: RateLimitConfig = {
    burst: intFromEnv(env.KEFU_RATE_BURST, 10, 'KEFU_RATE_BURST'),
    perSecond: intFromEnv(env.KEFU_RATE_PER_SECOND, 1, 'KEFU_RATE_PER_SECOND'),
  };
  const base: KefuConfig = {
    port: intFromEnv(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir,
    modelDir: path.resolve(env.KEFU_MODEL_DIR ?? path.join(dataDir, 'models')),
    shopDir: env.KEFU_SHOP_DIR ? path.resolve(env.KEFU_SHOP_DIR) : undefined,
    knowledgeDir: path.join(REPO_ROOT, 'knowledge'),
    intentsDir: path.join(REPO_ROOT, 'intents'),
    dialogsDir: path.join(REPO_ROOT, 'dialogs'),
    publicDir: path.join(REPO_ROOT, 'public'),
    shopSecret: env.KEFU_SHOP_SECRET || undefined,
    customerTokenMaxHours: intFromEnv(env.KEFU_CUSTOMER_TOKEN_MAX_HOURS, 24, 'KEFU_CUSTOMER_TOKEN_MAX_HOURS'),
    mongodbUri: env.MONGODB_URI || undefined,
    importDemoWhenEmpty: env.KEFU_IMPORT_DEMO !== 'false',
    rateLimit,
    limits: limitsFromEnv(env, rateLimit),
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
      allowUnauthenticated: env.KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED === 'true',
    },
    staff: {
      sessionHours: intFromEnv(env.KEFU_STAFF_SESSION_HOURS, 12, 'KEFU_STAFF_SESSION_HOURS'),
      secureCookies: env.NODE_ENV === 'production',
      loginConcurrency: Math.max(1, intFromEnv(env.KEFU_STAFF_LOGIN_CONCURRENCY, 2, 'KEFU_STAFF_LOGIN_CONCURRENCY')),
      loginQueue: intFromEnv(env.KEFU_STAFF_LOGIN_QUEUE, 8, 'KEFU_STAFF_LOGIN_QUEUE'),
    },
    replayMinutes: intFromEnv(env.KEFU_REPLAY_MINUTES, 10, 'KEFU_REPLAY_MINUTES'),
    workers: workerCount(env.KEFU_WORKERS, 'KEFU_WORKERS'),
    verificationIdleMinutes: intFromEnv(env.KEFU_VERIFICATION_IDLE_MINUTES, 5, 'KEFU_VERIFICATION_IDLE_MINUTES'),
    clarifyMargin: fractionFromEnv(env.KEFU_CLARIFY_MARGIN, 0.2, 'KEFU_CLARIFY_MARGIN'),
    staffHoursFile: path.resolve(env.KEFU_STAFF_HOURS_FILE || path.join(REPO_ROOT, 'dialogs', 'staff-hours.json')),
  };
  const merged = { ...base, ...overrides, dataDir };
  // An overridden `rateLimit` (tests, embedders) still sets the message rate per socket.
  if (overrides.rateLimit && !overrides.limits) merged.limits = limitsFromEnv(env, merged.rateLimit);
  return merged;
}
