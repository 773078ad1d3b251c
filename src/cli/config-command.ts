/**
 * @module cli/config-command
 * `kefu config [--json | --markdown]`: the effective configuration — every setting's variable,
 * value and where it came from (default, env NAME, deprecated env NAME, platform env NAME) —
 * with secrets masked. `--json` is for machines; `--markdown` prints the README's settings table.
 */
import { warnDeprecations } from '../config/deprecation-warnings';
import { createLogger } from '../log';
import { effectiveSettings, unknownKefuVariables, type EffectiveSetting } from '../config/effective-settings';
import type { SettingSource } from '../config/resolve-settings';
import { readmeSettingsSection } from '../config/settings-markdown';
import { REPLAY_ENV } from '../cluster/cluster-messages';

const USAGE = 'usage: kefu config [--json | --markdown]\n';

/** Variables kefu reads that are not settings: the cluster primary's message to a worker, and the test tools'. */
const NOT_SETTINGS = [REPLAY_ENV, 'KEFU_CHROMIUM', 'KEFU_SCREENSHOT_DIR'];

function sourceText(source: SettingSource): string {
  return source.kind === 'default' || source.kind === 'override' ? source.kind : `${source.kind} ${source.name}`;
}

function table(settings: EffectiveSetting[]): string {
  const rows = [['variable', 'value', 'source'], ...settings.map((s) => [s.env, s.text, sourceText(s.source)])];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}`.trimEnd()).join('\n') + '\n';
}

interface ConfigIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function runConfig(args: string[], io: ConfigIo = process, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const format = args.length === 0 ? 'text' : args.length === 1 && ['--json', '--markdown'].includes(args[0]) ? args[0].slice(2) : undefined;
  if (format === undefined) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (format === 'markdown') {
    io.stdout.write(readmeSettingsSection() + '\n');
    return 0;
  }
  let settings: EffectiveSetting[];
  try {
    const effective = effectiveSettings(env);
    warnDeprecations(effective.deprecations, createLogger('kefu:config'));
    settings = effective.settings;
  } catch (err) {
    io.stderr.write(`kefu config: ${(err as Error).message}\n`);
    return 2;
  }
  const unknown = unknownKefuVariables(env, NOT_SETTINGS);
  if (format === 'json') {
    const json = settings.map(({ text: _text, source, ...s }) => ({ ...s, source: source.kind, ...('name' in source ? { from: source.name } : {}) }));
    io.stdout.write(JSON.stringify({ settings: json, unknown }, null, 2) + '\n');
    return 0;
  }
  io.stdout.write(table(settings));
  if (unknown.length > 0) io.stdout.write(`\nnot settings, ignored: ${unknown.join(', ')}\n`);
  return 0;
}
