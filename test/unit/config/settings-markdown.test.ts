/**
 * The README's settings table is generated from `SETTINGS`: it fails when one changed without
 * the other (regenerate with `kefu config --markdown` and paste it between the markers).
 */
import fs from 'node:fs';
import path from 'node:path';
import { README_BEGIN, README_END, readmeSettingsSection, readmeSettingsTable } from '../../../src/config/settings-markdown';
import { SETTINGS } from '../../../src/config/settings';

const README = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');

describe('the README settings table', () => {
  it('should be the table generated from the settings list', () => {
    const begin = README.indexOf(README_BEGIN);
    const end = README.indexOf(README_END);
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(begin);
    expect(README.slice(begin, end + README_END.length)).toBe(readmeSettingsSection());
  });

  it('should have one row per setting, naming its variable and every old name', () => {
    const rows = readmeSettingsTable().split('\n').slice(2);
    expect(rows).toHaveLength(SETTINGS.length);
    SETTINGS.forEach((setting, i) => {
      expect(rows[i].startsWith(`| \`${setting.env}\``)).toBe(true);
      for (const old of setting.deprecated ?? []) expect(rows[i]).toContain(`\`${old}\``);
    });
  });

  it('should use one naming style and give every variable to one setting only', () => {
    const names = SETTINGS.flatMap((s) => [s.env, ...(s.deprecated ?? []), ...(s.platform ? [s.platform.env] : [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const setting of SETTINGS) expect(setting.env).toMatch(/^KEFU_[A-Z0-9]+(_[A-Z0-9]+)*$/);
  });
});
