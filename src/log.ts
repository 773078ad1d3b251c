/**
 * @module log
 * Namespaced loggers on top of `debug` (`DEBUG=kefu:*`), with warnings and errors always printed.
 */
import createDebug from 'debug';
import { resolveSetting } from './config/resolve-settings';

export interface Logger {
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
}

/** Where warnings and errors go; tests may replace it. */
export let printLine: (line: string) => void = (line) => process.stderr.write(line + '\n');
export function setPrintLine(fn: (line: string) => void): void {
  printLine = fn;
}

/** `KEFU_QUIET=true` (read at each line, so tests can switch it); an invalid value, which `loadConfig` refuses at start, is not quiet. */
function quiet(): boolean {
  try {
    return resolveSetting('quiet', process.env).value === true;
  } catch {
    return false;
  }
}

/**
 * @example const log = createLogger('kefu:store'); log.debug('opened %s', file);
 */
export function createLogger(namespace: string): Logger {
  const dbg = createDebug(namespace);
  const format = (level: string, message: string, args: unknown[]): string => {
    let i = 0;
    const text = message.replace(/%[sdjo]/g, () => String(args[i++]));
    const rest = args.slice(i).map((a) => (a instanceof Error ? a.stack ?? a.message : String(a)));
    return [`${new Date().toISOString()} ${level} ${namespace} ${text}`, ...rest].join(' ');
  };
  return {
    debug: (message, ...args) => dbg(message, ...args),
    info: (message, ...args) => {
      if (!quiet()) printLine(format('info', message, args));
    },
    warn: (message, ...args) => printLine(format('warn', message, args)),
    error: (message, ...args) => printLine(format('error', message, args)),
  };
}
