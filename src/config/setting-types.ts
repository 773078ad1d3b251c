/**
 * @module config/setting-types
 * How a setting's text (an environment variable) becomes its value, and back again for `kefu
 * config` and the README. Every parser names the variable it read in its error, so a typo in a
 * deployment says which variable to fix.
 */
import os from 'node:os';
import path from 'node:path';

/** A token bucket: `burst` at once, then `perMinute` refilled; `burst` 0 turns the limit off. */
export interface RateSpec {
  burst: number;
  perMinute: number;
}

export interface SettingType<T> {
  /** What the README and errors call the accepted values, e.g. `a non-negative integer`. */
  describe: string;
  /**
   * Text → value. `fallback` is the value the setting has without this variable (a rate's lone
   * burst keeps the default refill). Throws an `Error` naming `name` when the text is not accepted.
   */
  parse(text: string, name: string, fallback: T | undefined): T;
  /** Value → the text an environment variable would hold. */
  format(value: T): string;
}

function refuse(name: string, text: string, expected: string): never {
  throw new Error(`${name} must be ${expected}, got "${text}"`);
}

function numberType(describe: string, accepts: (n: number) => boolean): SettingType<number> {
  return {
    describe,
    parse: (text, name) => {
      const n = text.trim() === '' ? NaN : Number(text);
      return accepts(n) ? n : refuse(name, text, describe);
    },
    format: String,
  };
}

export const nonNegativeInteger = numberType('a non-negative integer', (n) => Number.isInteger(n) && n >= 0);
export const positiveInteger = numberType('a positive integer', (n) => Number.isInteger(n) && n >= 1);
export const nonNegativeNumber = numberType('a non-negative number', (n) => Number.isFinite(n) && n >= 0);
export const fraction = numberType('a number from 0 to 1', (n) => Number.isFinite(n) && n >= 0 && n <= 1);

export const text: SettingType<string> = { describe: 'text', parse: (value) => value, format: (value) => value };

/** A folder or file; relative paths are taken from the working directory. */
export const filePath: SettingType<string> = { describe: 'a path', parse: (value) => path.resolve(value), format: (value) => value };

export const httpUrl: SettingType<string> = {
  describe: 'an http(s) URL',
  parse: (value, name) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    return url && (url.protocol === 'http:' || url.protocol === 'https:') ? value : refuse(name, value, 'an http(s) URL');
  },
  format: (value) => value,
};

export const mongodbUri: SettingType<string> = {
  describe: 'a mongodb:// or mongodb+srv:// URI',
  parse: (value, name) => (/^mongodb(\+srv)?:\/\/\S+$/.test(value) ? value : refuse(name, '…', 'a mongodb:// or mongodb+srv:// URI')),
  format: (value) => value,
};

/** Only the words `true` and `false`: a misspelt `ture` must not quietly mean either. */
export const boolean: SettingType<boolean> = {
  describe: '"true" or "false"',
  parse: (value, name) => (value === 'true' ? true : value === 'false' ? false : refuse(name, value, '"true" or "false"')),
  format: String,
};

export function oneOf<T extends string>(...choices: T[]): SettingType<T> {
  const describe = `one of ${choices.map((c) => `"${c}"`).join(', ')}`;
  return {
    describe,
    parse: (value, name) => ((choices as string[]).includes(value) ? (value as T) : refuse(name, value, describe)),
    format: (value) => value,
  };
}

/** `burst,perMinute`, or a lone burst that keeps the default refill. */
export const rate: SettingType<RateSpec> = {
  describe: '"burst,perMinute" (non-negative integers)',
  parse: (value, name, fallback) => {
    const match = /^\s*(\d+)\s*(?:,\s*(\d+)\s*)?$/.exec(value);
    if (!match) refuse(name, value, '"burst,perMinute" (non-negative integers)');
    return { burst: Number(match[1]), perMinute: match[2] === undefined ? fallback?.perMinute ?? 0 : Number(match[2]) };
  },
  format: (value) => `${value.burst},${value.perMinute}`,
};

/** A worker count: a positive integer or `auto` (one per core). */
export const workerCount: SettingType<number> = {
  describe: 'a positive integer or "auto"',
  parse: (value, name) => {
    if (value === 'auto') return os.availableParallelism();
    const n = Number(value);
    return Number.isInteger(n) && n >= 1 ? n : refuse(name, value, 'a positive integer or "auto"');
  },
  format: String,
};
