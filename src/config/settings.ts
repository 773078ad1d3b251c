/**
 * @module config/settings
 * Every setting, declared once: its place in `KefuConfig`, its environment variable, the old names
 * it replaces, its type, default and documentation. `loadConfig`, `kefu config` and the README's
 * settings table are all derived from this list (a unit test compares the README with it).
 *
 * One naming style: `KEFU_<AREA>_<NAME>`. Old names still work, with one deprecation warning each
 * at start; when the new and the old name are both set, the new one wins.
 *
 * Names a hosting platform sets itself are read silently when the `KEFU_` name is unset, because
 * the operator cannot rename them and a warning at every start would only be noise: `PORT`
 * (Heroku, Render, Cloud Run, Railway… assign the port the app must listen on) and `NODE_ENV`
 * (`production`, which also steers the libraries). Names an operator writes himself, even when a
 * template suggested them (botbuilder's `MicrosoftAppId`…, `MONGODB_URI`), are deprecated.
 */
import path from 'node:path';
import type { KefuConfig } from '../config';
import { REPO_ROOT } from './repo-root';
import * as types from './setting-types';
import type { RateSpec, SettingType } from './setting-types';

/** A dotted path to one value in `KefuConfig` (`port`, `limits.message.socket`). */
export type SettingKey<T = KefuConfig, P extends string = ''> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends string | number | boolean | RateSpec ? `${P}${K}` : SettingKey<NonNullable<T[K]>, `${P}${K}.`>;
}[keyof T & string];

/** Reads a setting resolved earlier in the list (derived defaults: `modelDir` from `dataDir`). */
export type EarlierValue = (key: SettingKey) => unknown;

export interface Setting<T> {
  key: SettingKey;
  env: `KEFU_${string}`;
  /** Old names, still read with one deprecation warning each. */
  deprecated?: string[];
  /** A variable the hosting platform sets (`PORT`), read silently when `env` is unset; `toText` maps its value to this setting's text. */
  platform?: { env: string; toText?: (value: string) => string };
  type: SettingType<T>;
  /** Absent: the setting is unset unless configured. A function derives it from earlier settings. */
  default?: T | ((earlier: EarlierValue) => T);
  /** How the README shows a derived default. */
  defaultDoc?: string;
  /** `value`: never shown; `uri-password`: only the password in the URI is hidden. */
  secret?: 'value' | 'uri-password';
  /** Markdown, one or two sentences, for the README. */
  doc: string;
}

/** A setting of any type, as the list holds it. */
export type AnySetting = Setting<unknown>;

const define = <T>(setting: Setting<T>): AnySetting => setting as unknown as AnySetting;

const rate = (burst: number, perMinute: number): RateSpec => ({ burst, perMinute });
const twice = (spec: RateSpec): RateSpec => rate(spec.burst * 2, spec.perMinute * 2);
const messageRate = (earlier: EarlierValue): RateSpec => rate(earlier('rateLimit.burst') as number, (earlier('rateLimit.perSecond') as number) * 60);

type Scope = 'socket' | 'conversation' | 'address';
const SCOPES: Record<Scope, string> = { socket: 'per socket', conversation: 'per conversation (all its sockets)', address: 'per client address' };

/** The three limits of one `/chat` event (`KEFU_LIMIT_<EVENT>_<SCOPE>`). */
function eventLimits(event: 'message' | 'postback' | 'history' | 'feedback', what: string, defaults: Record<Scope, Setting<RateSpec>['default']>, docs: Record<Scope, string>): AnySetting[] {
  return (Object.keys(SCOPES) as Scope[]).map((scope) =>
    define<RateSpec>({
      key: `limits.${event}.${scope}`,
      env: `KEFU_LIMIT_${event.toUpperCase()}_${scope.toUpperCase()}`,
      type: types.rate,
      default: defaults[scope],
      defaultDoc: docs[scope] || undefined,
      doc: `${what} ${SCOPES[scope]}`,
    }),
  );
}

const CHATTY = {
  socket: messageRate,
  conversation: (earlier: EarlierValue) => twice(messageRate(earlier)),
  address: rate(200, 1200),
};
const CHATTY_DOCS = { socket: '`KEFU_LIMIT_MESSAGE_BURST`,`KEFU_LIMIT_MESSAGE_PER_SECOND` × 60 (10,60)', conversation: 'twice the socket’s (20,120)', address: '' };
const QUIET = { socket: rate(10, 60), conversation: rate(20, 120), address: rate(100, 600) };
const NO_DOCS = { socket: '', conversation: '', address: '' };

export const SETTINGS: readonly AnySetting[] = [
  define({
    key: 'port', env: 'KEFU_PORT', platform: { env: 'PORT' }, type: types.nonNegativeInteger, default: 3000,
    doc: 'the port `serve` listens on (0: any free port). `PORT`, which hosting platforms set, is read when `KEFU_PORT` is unset',
  }),
  define({ key: 'host', env: 'KEFU_HOST', deprecated: ['HOST'], type: types.text, default: '0.0.0.0', doc: 'the address `serve` listens on' }),
  define({
    key: 'production', env: 'KEFU_PRODUCTION', platform: { env: 'NODE_ENV', toText: (value) => String(value === 'production') }, type: types.boolean, default: false,
    doc: 'production mode: secure cookies, and the Bot Framework endpoint refuses to run without an app id. `NODE_ENV=production` turns it on when `KEFU_PRODUCTION` is unset',
  }),
  define({
    key: 'dataDir', env: 'KEFU_DATA_DIR', type: types.filePath, default: () => path.resolve('data'), defaultDoc: '`./data`',
    doc: 'the embedded store (`kefu.db`, SQLite in WAL mode) and the trained models',
  }),
  define({
    key: 'modelDir', env: 'KEFU_MODEL_DIR', type: types.filePath, default: (earlier) => path.join(earlier('dataDir') as string, 'models'), defaultDoc: '`<KEFU_DATA_DIR>/models`',
    doc: 'where trained NLU models are cached',
  }),
  define({
    key: 'shopDir', env: 'KEFU_SHOP_DIR', type: types.filePath, defaultDoc: 'the demo shop, `shops/demo`',
    doc: 'the shop’s own folder (`domain.json`, `intents/`, `dialogs/`, `knowledge/`), read over the built-in content; also `kefu serve --shop DIR`',
  }),
  define({
    key: 'importDemoWhenEmpty', env: 'KEFU_IMPORT_DEMO', type: types.boolean, default: true,
    doc: 'import the shop’s `knowledge/` into an empty store at start',
  }),
  define({
    key: 'mongodbUri', env: 'KEFU_MONGODB_URI', deprecated: ['MONGODB_URI'], type: types.mongodbUri, secret: 'uri-password',
    doc: 'use MongoDB (a replica set) instead of the embedded store, see [MongoDB](#mongodb)',
  }),
  define({
    key: 'shopSecret', env: 'KEFU_SHOP_SECRET', type: types.text, secret: 'value',
    doc: 'HS256 secret for the `customerToken` that signs shoppers in (`sub` = customer id); unset: tokens are refused',
  }),
  define({
    key: 'customerTokenMaxHours', env: 'KEFU_CUSTOMER_TOKEN_MAX_HOURS', type: types.nonNegativeInteger, default: 24,
    doc: 'the longest lifetime of a `customerToken`: its `exp` may be at most this far ahead',
  }),
  define({
    key: 'maxTextLength', env: 'KEFU_MAX_TEXT_LENGTH', type: types.positiveInteger, default: 2000,
    doc: 'the longest shopper message, in characters',
  }),
  define({
    key: 'publicUrl', env: 'KEFU_PUBLIC_URL', type: types.httpUrl,
    doc: 'the shop’s public address, for links in text-only channels (WeChat)',
  }),
  define({
    key: 'replayMinutes', env: 'KEFU_REPLAY_MINUTES', type: types.nonNegativeInteger, default: 10,
    doc: 'at start, messages acknowledged this recently whose turn never completed (the server stopped) are answered; 0: off',
  }),
  define({
    key: 'workers', env: 'KEFU_WORKERS', type: types.workerCount, default: 1,
    doc: 'server processes behind the one port (`kefu serve --workers`), `auto` = one per core, see [Both cores](#both-cores)',
  }),
  define({
    key: 'verificationIdleMinutes', env: 'KEFU_VERIFICATION_IDLE_MINUTES', type: types.nonNegativeInteger, default: 5,
    doc: 'an anonymous shopper’s order verification lapses after this many minutes without a message from their connection (0: it holds for its own turn only)',
  }),
  define({
    key: 'clarifyMargin', env: 'KEFU_CLARIFY_MARGIN', type: types.fraction, defaultDoc: 'the domain’s `thresholds.clarifyMargin` (0.2 built in)',
    doc: 'replaces the domain’s margin: when the top two intents’ calibrated probabilities differ by less than this (neither `oos`, the runner-up ≥ 0.2), the bot asks "您是想…，还是想…？" / "Do you want to …, or …?" with both as buttons instead of guessing; 0 never asks. Chosen on the dev sets: [bench-clarify.md](test/reports/bench-clarify.md)',
  }),
  define({
    key: 'staffHoursFile', env: 'KEFU_STAFF_HOURS_FILE', type: types.filePath, defaultDoc: 'the domain’s `staffHours`',
    doc: 'a staff hours file that replaces the `staffHours` of the shop’s `domain.json` (the same JSON): `timeZone` (IANA), `zoneName` `{zh, en}`, `weekly` (`{"mon": [["09:00", "22:00"]], …}`, end exclusive, up to `24:00`; a missing day is closed), optional `holidays` (`YYYY-MM-DD` in that zone), and `minutesPerConversation` (the queue estimate); served at `GET /api/v1/shop-info`',
  }),
  define({
    key: 'privacy.rawRetentionDays', env: 'KEFU_RAW_RETENTION_DAYS', type: types.nonNegativeNumber, default: 0,
    doc: 'days the unredacted text of a message is kept beside its redacted copy; 0 keeps no raw text at all',
  }),
  define({
    key: 'privacy.retentionDays', env: 'KEFU_RETENTION_DAYS', type: types.nonNegativeNumber, default: 0,
    doc: 'conversations idle this many days are deleted, at start and every six hours (`kefu retention`); 0 keeps them',
  }),
  define({
    key: 'staff.sessionHours', env: 'KEFU_STAFF_SESSION_HOURS', type: types.nonNegativeNumber, default: 12,
    doc: 'how long a console login lasts',
  }),
  define({
    key: 'staff.secureCookies', env: 'KEFU_STAFF_SECURE_COOKIES', type: types.boolean, default: (earlier) => earlier('production') as boolean, defaultDoc: 'on in production',
    doc: 'console cookies only over HTTPS',
  }),
  define({
    key: 'staff.loginConcurrency', env: 'KEFU_STAFF_LOGIN_CONCURRENCY', type: types.positiveInteger, default: 2,
    doc: 'console password checks (scrypt) run at once',
  }),
  define({
    key: 'staff.loginQueue', env: 'KEFU_STAFF_LOGIN_QUEUE', type: types.nonNegativeInteger, default: 8,
    doc: 'console password checks that may wait before a login is refused with 429 and `Retry-After`',
  }),
  define({
    key: 'webhookSecret', env: 'KEFU_WEBHOOK_SECRET', type: types.text, secret: 'value',
    doc: 'enables and signs the webhook API (unset: 404)',
  }),
  define({
    key: 'wechat.token', env: 'KEFU_WECHAT_TOKEN', type: types.text, secret: 'value',
    doc: 'the token of the Official Account’s server configuration; enables the WeChat channel (unset: 404)',
  }),
  define({
    key: 'wechat.appId', env: 'KEFU_WECHAT_APP_ID', type: types.text,
    doc: 'with `KEFU_WECHAT_APP_SECRET`: the customer-service message API (replies after 5 s, agents’ messages)',
  }),
  define({ key: 'wechat.appSecret', env: 'KEFU_WECHAT_APP_SECRET', type: types.text, secret: 'value', doc: 'the Official Account’s app secret' }),
  define({
    key: 'wechat.apiBase', env: 'KEFU_WECHAT_API_BASE', type: types.httpUrl, default: 'https://api.weixin.qq.com',
    doc: 'WeChat’s API (tests point it at a local server)',
  }),
  define({
    key: 'wechat.replyTimeoutMs', env: 'KEFU_WECHAT_REPLY_TIMEOUT_MS', type: types.nonNegativeInteger, default: 4500,
    doc: 'how long a passive reply waits for the turn (WeChat gives up at 5 s)',
  }),
  define({
    key: 'botFramework.appId', env: 'KEFU_BOTFRAMEWORK_APP_ID', deprecated: ['MicrosoftAppId'], type: types.text,
    doc: 'the Azure Bot’s app id; unset: the Bot Framework endpoint is disabled',
  }),
  define({
    key: 'botFramework.appPassword', env: 'KEFU_BOTFRAMEWORK_APP_PASSWORD', deprecated: ['MicrosoftAppPassword'], type: types.text, secret: 'value',
    doc: 'the Azure Bot’s client secret',
  }),
  define({
    key: 'botFramework.appType', env: 'KEFU_BOTFRAMEWORK_APP_TYPE', deprecated: ['MicrosoftAppType'], type: types.oneOf('MultiTenant', 'SingleTenant', 'UserAssignedMSI'),
    doc: '`MultiTenant`, `SingleTenant` or `UserAssignedMSI` (botbuilder’s default when unset)',
  }),
  define({
    key: 'botFramework.tenantId', env: 'KEFU_BOTFRAMEWORK_TENANT_ID', deprecated: ['MicrosoftAppTenantId'], type: types.text,
    doc: 'the tenant of a single-tenant bot',
  }),
  define({
    key: 'botFramework.toBotFromChannelOpenIdMetadataUrl', env: 'KEFU_BOTFRAMEWORK_CHANNEL_OPENID_METADATA_URL', deprecated: ['ToBotFromChannelOpenIdMetadataUrl'], type: types.httpUrl,
    doc: 'where channel tokens’ signing keys are fetched (sovereign clouds, tests); botbuilder’s default when unset',
  }),
  define({
    key: 'botFramework.toBotFromEmulatorOpenIdMetadataUrl', env: 'KEFU_BOTFRAMEWORK_EMULATOR_OPENID_METADATA_URL', deprecated: ['ToBotFromEmulatorOpenIdMetadataUrl'], type: types.httpUrl,
    doc: 'where Emulator tokens’ signing keys are fetched; botbuilder’s default when unset',
  }),
  define({
    key: 'botFramework.allowUnauthenticated', env: 'KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED', type: types.boolean, default: false,
    doc: '`true`: without an app id, answer unauthenticated Bot Framework requests for local testing with the Emulator, only from loopback to a loopback `serviceUrl` (ignored in production)',
  }),
  define({
    key: 'rateLimit.burst', env: 'KEFU_LIMIT_MESSAGE_BURST', deprecated: ['KEFU_RATE_BURST'], type: types.nonNegativeInteger, default: 10,
    doc: 'messages a connection (a socket, a webhook conversation) may send at once; the default of `KEFU_LIMIT_MESSAGE_SOCKET`',
  }),
  define({
    key: 'rateLimit.perSecond', env: 'KEFU_LIMIT_MESSAGE_PER_SECOND', deprecated: ['KEFU_RATE_PER_SECOND'], type: types.nonNegativeInteger, default: 1,
    doc: 'messages per second refilled after the burst',
  }),
  ...eventLimits('message', '`message`', CHATTY, CHATTY_DOCS),
  ...eventLimits('postback', '`postback` (tapped actions)', CHATTY, { ...CHATTY_DOCS, socket: 'as `message`', conversation: 'as `message`' }),
  ...eventLimits('history', '`history`', QUIET, NO_DOCS),
  ...eventLimits('feedback', '`feedback`', QUIET, NO_DOCS),
  define({
    key: 'limits.connections', env: 'KEFU_LIMIT_CONNECTIONS', type: types.rate, default: rate(100, 600),
    doc: 'socket.io handshakes per client address',
  }),
  define({
    key: 'limits.openSockets', env: 'KEFU_LIMIT_OPEN_SOCKETS', type: types.nonNegativeInteger, default: 1000,
    doc: 'sockets open at once per client address (0: no limit)',
  }),
  define({
    key: 'limits.newConversations', env: 'KEFU_LIMIT_NEW_CONVERSATIONS', type: types.rate, default: rate(30, 60),
    doc: 'new conversations per client address (counted at their first message)',
  }),
  define({
    key: 'limits.handoffs', env: 'KEFU_LIMIT_HANDOFFS', type: types.rate, default: rate(10, 2),
    doc: 'requests for a human per client address',
  }),
  define({
    key: 'limits.trustProxy', env: 'KEFU_LIMIT_TRUST_PROXY', type: types.nonNegativeInteger, default: 0,
    doc: 'proxies in front whose `X-Forwarded-For` entries are trusted (0: the socket’s own address)',
  }),
  define({
    key: 'limits.maxKeys', env: 'KEFU_LIMIT_MAX_KEYS', type: types.nonNegativeInteger, default: 100_000,
    doc: 'buckets kept per limit; the least recently used is dropped beyond it',
  }),
  define({
    key: 'quiet', env: 'KEFU_QUIET', type: types.boolean, default: false,
    doc: '`true`: no info lines in the log (warnings and errors are always printed; `DEBUG=kefu:*` adds debug lines)',
  }),
  define({
    key: 'datasetsDir', env: 'KEFU_DATASETS_DIR', deprecated: ['KEFU_DATASETS'], type: types.filePath, default: path.resolve(REPO_ROOT, '..', 'shared', 'datasets'), defaultDoc: '`../shared/datasets`',
    doc: 'public data sets for training the sentiment models and the benchmarks (`npm run train:sentiment`, `npm run bench`)',
  }),
];
