/**
 * @module config/resolve-settings
 * Reads every setting of `SETTINGS` from the environment and says where each value came from:
 * an override (tests, embedders), the `KEFU_` name, a deprecated old name, a name the platform
 * sets (`PORT`), or the default. Settings are read in list order, so a derived default (`modelDir`)
 * sees the value of the setting it derives from, overrides included.
 */
import { SETTINGS, type AnySetting, type SettingKey } from './settings';

export type SettingSource =
  | { kind: 'default' }
  | { kind: 'override' }
  | { kind: 'env' | 'deprecated env' | 'platform env'; name: string };

export interface ResolvedSetting {
  setting: AnySetting;
  /** `undefined`: unset (an optional setting with no default). */
  value: unknown;
  source: SettingSource;
}

/** An old name that is set: `ignored` when the new name is set too (the new one wins). */
export interface Deprecation {
  old: string;
  replacement: string;
  ignored: boolean;
}

export interface ResolvedSettings {
  settings: ResolvedSetting[];
  deprecations: Deprecation[];
}

/** The value at a dotted path, or `undefined` when any step is missing. */
export function valueAt(object: unknown, key: string): unknown {
  let value = object;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const present = (value: string | undefined): value is string => value !== undefined && value !== '';

function fromEnv(setting: AnySetting, env: NodeJS.ProcessEnv, fallback: () => unknown, deprecations: Deprecation[]): Omit<ResolvedSetting, 'setting'> {
  const current = env[setting.env];
  const old = (setting.deprecated ?? []).filter((name) => present(env[name]));
  for (const name of old) deprecations.push({ old: name, replacement: setting.env, ignored: present(current) || name !== old[0] });
  const parse = (text: string, name: string) => setting.type.parse(text, name, fallback() as never);
  if (present(current)) return { value: parse(current, setting.env), source: { kind: 'env', name: setting.env } };
  if (old.length > 0) return { value: parse(env[old[0]] as string, old[0]), source: { kind: 'deprecated env', name: old[0] } };
  const platform = setting.platform;
  const platformValue = platform && env[platform.env];
  if (platform && present(platformValue)) {
    return { value: parse(platform.toText ? platform.toText(platformValue) : platformValue, platform.env), source: { kind: 'platform env', name: platform.env } };
  }
  return { value: fallback(), source: { kind: 'default' } };
}

/**
 * One setting alone, for code that reads its setting where it is used (`log.ts` reads `KEFU_QUIET`
 * at each line, so tests can switch it). Only for settings whose default is not derived.
 * @example resolveSetting('quiet', process.env).value // false
 */
export function resolveSetting(key: SettingKey, env: NodeJS.ProcessEnv): ResolvedSetting & { deprecations: Deprecation[] } {
  const setting = SETTINGS.find((s) => s.key === key);
  if (!setting) throw new Error(`config: no setting ${key}`);
  const deprecations: Deprecation[] = [];
  return { setting, ...fromEnv(setting, env, () => setting.default, deprecations), deprecations };
}

/**
 * @example resolveSettings({ PORT: '8080' }).settings.find((s) => s.setting.key === 'port')
 *   // { value: 8080, source: { kind: 'platform env', name: 'PORT' }, … }
 */
export function resolveSettings(env: NodeJS.ProcessEnv, overrides: object = {}): ResolvedSettings {
  const values = new Map<string, unknown>();
  const earlier = (key: SettingKey): unknown => {
    if (!values.has(key)) throw new Error(`config: ${key} is read before it is resolved (order of SETTINGS)`);
    return values.get(key);
  };
  const deprecations: Deprecation[] = [];
  const settings = SETTINGS.map((setting): ResolvedSetting => {
    const overridden = valueAt(overrides, setting.key);
    const fallback = (): unknown => (typeof setting.default === 'function' ? (setting.default as (e: typeof earlier) => unknown)(earlier) : setting.default);
    const resolved = overridden !== undefined ? { value: overridden, source: { kind: 'override' } as const } : fromEnv(setting, env, fallback, deprecations);
    values.set(setting.key, resolved.value);
    return { setting, ...resolved };
  });
  return { settings, deprecations };
}
