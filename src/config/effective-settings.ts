/**
 * @module config/effective-settings
 * The effective configuration as `kefu config` shows it: every setting, its value (secrets
 * masked) and where the value came from.
 */
import { maskSecret } from './mask-secret';
import { resolveSettings, type Deprecation, type SettingSource } from './resolve-settings';
import { SETTINGS } from './settings';

export interface EffectiveSetting {
  key: string;
  env: string;
  /** Masked when the setting is a secret; absent when unset. */
  value?: unknown;
  /** The value as an environment variable would hold it (masked too), or `(unset: what that means)`. */
  text: string;
  source: SettingSource;
  secret: boolean;
}

/** Variables that look like settings but are none (typos, removed names). */
export function unknownKefuVariables(env: NodeJS.ProcessEnv, alsoKnown: readonly string[] = []): string[] {
  const known = new Set(SETTINGS.flatMap((s) => [s.env, ...(s.deprecated ?? [])]).concat(alsoKnown));
  return Object.keys(env)
    .filter((name) => name.startsWith('KEFU_') && !known.has(name))
    .sort();
}

/**
 * Throws, naming the variable, when a value is invalid.
 * @example effectiveSettings(process.env).settings.find((s) => s.env === 'KEFU_PORT') // { value: 3000, source: { kind: 'default' }, … }
 */
export function effectiveSettings(env: NodeJS.ProcessEnv): { settings: EffectiveSetting[]; deprecations: Deprecation[] } {
  const { settings, deprecations } = resolveSettings(env);
  const effective = settings.map(({ setting, value, source }): EffectiveSetting => {
    const shown = maskSecret(setting, value);
    const secret = setting.secret !== undefined;
    const unset = setting.defaultDoc ? `(unset: ${setting.defaultDoc.replace(/`/g, '')})` : '(unset)';
    const text = value === undefined ? unset : secret ? String(shown) : setting.type.format(value);
    return { key: setting.key, env: setting.env, ...(shown === undefined ? {} : { value: shown }), text, source, secret };
  });
  return { settings: effective, deprecations };
}
