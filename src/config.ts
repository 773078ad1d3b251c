/**
 * @module config
 * The typed configuration. Every setting — its environment variable (`KEFU_…`), old names still
 * accepted, type, default and meaning — is declared once in `config/settings.ts`; `loadConfig`
 * reads them, `kefu config` prints them with their source, and the README's settings table is
 * generated from the same list. Secrets come only from env.
 *
 * Not settings: `intentsDir`, `dialogsDir` and `publicDir` are where the package's built-in
 * content lives; a shop overrides content and brings its knowledge in its own folder
 * (`KEFU_SHOP_DIR`, resolved by `shop-folder/shop-content`).
 */
import path from 'node:path';
import type { PrivacySettings } from './privacy/privacy-settings';
import { warnDeprecations } from './config/deprecation-warnings';
import { createLogger } from './log';
import { REPO_ROOT } from './config/repo-root';
import { resolveSettings } from './config/resolve-settings';
import { workerCount as workerCountType, type RateSpec } from './config/setting-types';

export { REPO_ROOT } from './config/repo-root';
export type { RateSpec } from './config/setting-types';

/** The message rate per connection (a socket, a webhook conversation). */
export interface RateLimitConfig {
  /** Messages a shopper may send in a burst. */
  burst: number;
  /** Messages per second refilled after the burst. */
  perSecond: number;
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
  message: EventLimits;
  /** Tapped actions. */
  postback: EventLimits;
  history: EventLimits;
  feedback: EventLimits;
  /** Handshakes per address. */
  connections: RateSpec;
  /** Sockets connected at once per address (0 = no limit). */
  openSockets: number;
  /** Conversations started (first stored message) per address. */
  newConversations: RateSpec;
  /** Requests for a human per address. */
  handoffs: RateSpec;
  /** Proxies in front whose `X-Forwarded-For` entries are trusted (0 = use the socket's address). */
  trustProxy: number;
  /** Buckets kept per limit; the least recently used is dropped beyond it. */
  maxKeys: number;
}

/** Each field's environment variable, default and meaning: `config/settings.ts` (or `kefu config`). */
export interface KefuConfig {
  port: number;
  host: string;
  /** Embedded store and trained models. */
  dataDir: string;
  /** Where trained NLU models are cached. */
  modelDir: string;
  /** The shop's own folder, read over the built-in content (`src/shop-folder`). Unset: the demo shop. */
  shopDir?: string;
  /** Built-in training utterances (package content). */
  intentsDir: string;
  /** Built-in response templates and flows (package content). */
  dialogsDir: string;
  /** Static files: widget, demo page (package content). */
  publicDir: string;
  /** HS256 secret for `customerToken`; unset → tokens are refused. */
  shopSecret?: string;
  /** A `customerToken` whose `exp` is further ahead (or after its `iat`) is refused. */
  customerTokenMaxHours: number;
  /** When set, MongoDB (through mongoose; a replica set, for transactions) is the store instead of the embedded one. */
  mongodbUri?: string;
  /** Import the shop's knowledge when the store is empty. */
  importDemoWhenEmpty: boolean;
  rateLimit: RateLimitConfig;
  limits: LimitsConfig;
  /** Longest shopper message, in characters. */
  maxTextLength: number;
  /** Unauthenticated shortcuts (Bot Framework without an app id) are off. */
  production: boolean;
  /** The shop's public address, for links in channels that show only text (WeChat). */
  publicUrl?: string;
  /** Signs the webhook API; unset → the endpoint answers 404. */
  webhookSecret?: string;
  wechat: WechatConfig;
  botFramework: BotFrameworkConfig;
  staff: StaffConfig;
  /** How long personal data is kept. */
  privacy: PrivacySettings;
  /** At start, unanswered messages acknowledged this many minutes before it are answered; 0: off. */
  replayMinutes: number;
  /** Server processes behind the one port (`cluster/`); 1 runs no cluster at all. */
  workers: number;
  /**
   * An anonymous shopper's answer to the order verification question holds for the connection
   * that gave it until this many minutes pass without a turn from it. Tests may pass a fraction.
   */
  verificationIdleMinutes: number;
  /** Below this margin between the top two intents the bot asks "this or that?" (`test/reports/bench-clarify.md`); unset: the domain's `thresholds.clarifyMargin`. */
  clarifyMargin?: number;
  /** A staff hours file replacing the domain's `staffHours`; unset: the domain's. */
  staffHoursFile?: string;
  /** No info lines in the log (`log.ts` reads `KEFU_QUIET` itself, so tests can switch it). */
  quiet: boolean;
  /** Public data sets for training and benchmarks (`nlp/sentiment/sentiment-datasets`). */
  datasetsDir: string;
}

export interface WechatConfig {
  /** The token of the Official Account's server configuration; unset → `/channels/wechat` answers 404. */
  token?: string;
  /** With `appSecret`: the customer-service message API (replies after 5 s, agents' messages). */
  appId?: string;
  appSecret?: string;
  apiBase: string;
  /** How long the passive reply waits for the turn (WeChat gives up at 5 s). */
  replyTimeoutMs?: number;
}

/** botbuilder's standard settings (`KEFU_BOTFRAMEWORK_…`, formerly `MicrosoftAppId`…). */
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
   * Without `appId`, answer unauthenticated requests for local testing with the Bot Framework
   * Emulator, only from this machine to a `serviceUrl` on this machine; ignored in production.
   * Off: no app id disables the endpoint (503).
   */
  allowUnauthenticated?: boolean;
}

export interface StaffConfig {
  /** How long a console login lasts. */
  sessionHours: number;
  /** Cookies only over HTTPS. */
  secureCookies: boolean;
  /** Login password checks (scrypt) running at once. */
  loginConcurrency?: number;
  /** Login password checks waiting (per lane, see `password-check-queue`) before more get 429. */
  loginQueue?: number;
}

/** A worker count: a positive integer or `auto` (one per core); unset is 1. */
export function workerCount(value: string | undefined, name: string): number {
  return value === undefined || value === '' ? 1 : workerCountType.parse(value, name, 1);
}

function setAt(object: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = object;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

/**
 * Reads the configuration; `overrides` win over the environment (tests use them), and settings
 * derived from an overridden one follow it (`modelDir` from `dataDir`, the message limits from
 * `rateLimit`). Old variable names are warned about once per process. An invalid value throws an
 * `Error` naming its variable.
 * @example const config = loadConfig({ port: 0, dataDir: tmp });
 */
export function loadConfig(overrides: Partial<KefuConfig> = {}, env: NodeJS.ProcessEnv = process.env): KefuConfig {
  const { settings, deprecations } = resolveSettings(env, overrides);
  warnDeprecations(deprecations, createLogger('kefu:config'));
  const base: Record<string, unknown> = {
    intentsDir: path.join(REPO_ROOT, 'intents'),
    dialogsDir: path.join(REPO_ROOT, 'dialogs'),
    publicDir: path.join(REPO_ROOT, 'public'),
  };
  for (const { setting, value } of settings) setAt(base, setting.key, value);
  const merged = { ...(base as unknown as KefuConfig), ...overrides };
  return { ...merged, dataDir: path.resolve(merged.dataDir) };
}

/**
 * The `/chat` limits from `KEFU_LIMIT_…`; the message rate per socket defaults to `rateLimit`,
 * and per conversation to twice that.
 * @example loadConfig({ limits: { ...limitsFromEnv({}), handoffs: { burst: 2, perMinute: 1 } } })
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv, rateLimit: RateLimitConfig = { burst: 10, perSecond: 1 }): LimitsConfig {
  return loadConfig({ rateLimit }, env).limits;
}
