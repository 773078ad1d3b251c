/**
 * @module config/settings-markdown
 * The README's settings table, rendered from `SETTINGS` (`kefu config --markdown`); a unit test
 * fails when the README and the list differ.
 */
import { SETTINGS, type AnySetting } from './settings';

/** The lines that open and close the generated table in README.md. */
export const README_BEGIN = '<!-- settings: generated from src/config/settings.ts by `kefu config --markdown`, checked by test/unit/config/settings-markdown.test.ts -->';
export const README_END = '<!-- /settings -->';

const cell = (markdown: string): string => markdown.replace(/\|/g, '\\|');

function variableCell(setting: AnySetting): string {
  const names = [`\`${setting.env}\``];
  if (setting.deprecated) names.push(`(was ${setting.deprecated.map((name) => `\`${name}\``).join(', ')})`);
  if (setting.platform) names.push(`or \`${setting.platform.env}\``);
  return names.join(' ');
}

function defaultCell(setting: AnySetting): string {
  if (setting.defaultDoc) return setting.defaultDoc;
  if (setting.default === undefined) return 'unset';
  if (typeof setting.default === 'function') throw new Error(`config: ${setting.env} has a derived default and no defaultDoc`);
  return `\`${setting.type.format(setting.default)}\``;
}

/** @example readmeSettingsTable().split('\n')[0] // '| variable | default | meaning |' */
export function readmeSettingsTable(): string {
  const rows = SETTINGS.map((setting) => {
    const secret = setting.secret ? ' Secret: `kefu config` masks it.' : '';
    return `| ${cell(variableCell(setting))} | ${cell(defaultCell(setting))} | ${cell(setting.doc)}.${secret} |`;
  });
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The table with its markers, as it stands in README.md. */
export function readmeSettingsSection(): string {
  return `${README_BEGIN}\n${readmeSettingsTable()}\n${README_END}`;
}
