/**
 * @module config/read-setting
 * One setting read where it is used, outside `loadConfig` (scripts that take no `KefuConfig`),
 * with the same old names, deprecation warning and errors.
 */
import { warnDeprecations } from './deprecation-warnings';
import { resolveSetting, type ResolvedSetting } from './resolve-settings';
import type { Logger } from '../log';
import type { SettingKey } from './settings';

/** @example const root = readSetting('datasetsDir', createLogger('kefu:config')).value as string; */
export function readSetting(key: SettingKey, log: Logger, env: NodeJS.ProcessEnv = process.env): ResolvedSetting {
  const { deprecations, ...resolved } = resolveSetting(key, env);
  warnDeprecations(deprecations, log);
  return resolved;
}
