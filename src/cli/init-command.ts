/**
 * @module cli/init-command
 * `kefu init DIR`: writes a starter shop folder (a copy of the package's `shops/starter`): a
 * `domain.json` overlay with one extra intent answered by a canned response, its zh and en
 * utterances in `intents/`, its texts in `dialogs/`, a tiny valid catalogue in `knowledge/`, and a
 * README.md that explains each file. Refuses a folder that already holds anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';

/** What `kefu init` copies. */
export const STARTER_SHOP_DIR = path.join(REPO_ROOT, 'shops', 'starter');

export const INIT_USAGE = 'usage: kefu init DIR\n';

/** The files of `dir`, relative, sorted (for the summary printed after writing). */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
}

/**
 * Writes the starter shop folder into `dir` (created when missing).
 * @example writeStarterShop('/srv/my-shop') // ['README.md', 'dialogs/gift.json', …]
 * @throws Error when `dir` is a file or a folder that is not empty
 */
export function writeStarterShop(dir: string): string[] {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir} is a file, not a folder`);
    if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; kefu init writes only into a new or empty folder`);
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(STARTER_SHOP_DIR, dir, { recursive: true, errorOnExist: true, force: false });
  return filesUnder(dir);
}

/** @example await runInit(['my-shop']) // 0 */
export async function runInit(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    process.stderr.write(INIT_USAGE);
    return 2;
  }
  const dir = path.resolve(args[0]);
  let written: string[];
  try {
    written = writeStarterShop(dir);
  } catch (err) {
    process.stderr.write(`kefu init: ${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`wrote a starter shop folder in ${dir}:\n${written.map((f) => `  ${f}\n`).join('')}`);
  process.stdout.write(`next: read ${path.join(dir, 'README.md')}, then run  kefu serve --shop ${args[0]}\n`);
  return 0;
}
