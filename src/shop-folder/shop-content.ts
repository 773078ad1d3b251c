/**
 * @module shop-folder/shop-content
 * What one bot reads: the package's built-in content (`domain.json`, `intents/`, `dialogs/` at the
 * package root) with a shop folder's own over it. The result is lists of files in merge order
 * (built-in first, the shop's last), so each reader applies its own merge rule:
 * - `domain.json`: the shop's entries over the built-in ones (`loadDomain`);
 * - `intents/`: a shop file with the name of a built-in file replaces it (resolved here), others add;
 * - `dialogs/`: per response key, later files win (`Responses.load`);
 * - `knowledge/`: the shop's own only, never inherited.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, type KefuConfig } from '../config';
import { BUILT_IN_DOMAIN_FILE } from '../domain/built-in-domain';
import { ShopFolderError } from './shop-folder-error';

/** The demo shop: the shop folder when `config.shopDir` is unset. */
export const DEMO_SHOP_DIR = path.join(REPO_ROOT, 'shops', 'demo');

/** What a shop folder may hold; one at least, or it is not a shop folder. */
const SHOP_PARTS = ['domain.json', 'intents', 'dialogs', 'knowledge'] as const;

export interface ShopContent {
  /** The shop folder, absolute. */
  shopDir: string;
  /** The built-in `domain.json`, then the shop's when it has one. */
  domainFiles: string[];
  /** Built-in `intents/*.json` not replaced by a shop file of the same name, then the shop's. */
  intentFiles: string[];
  /** Built-in `dialogs/*.json`, then the shop's. */
  dialogFiles: string[];
  /** The shop's `knowledge/` (imported into an empty store). */
  knowledgeDir: string;
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ShopFolderError(file, `cannot be read (${(err as Error).message})`, { cause: err });
  }
}

/** The `*.json` files of a folder, sorted; none when the folder is absent. */
function jsonFiles(dir: string): string[] {
  const stat = statOf(dir);
  if (!stat) return [];
  if (!stat.isDirectory()) throw new ShopFolderError(dir, 'must be a folder');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    throw new ShopFolderError(dir, `cannot be read (${(err as Error).message})`, { cause: err });
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name))
    .filter((file) => statOf(file)?.isFile());
}

/** Throws unless `dir` is a readable folder holding at least one part of a shop. */
function checkShopDir(dir: string): void {
  const stat = statOf(dir);
  if (!stat) throw new ShopFolderError(dir, 'does not exist (`kefu init DIR` writes a starter shop folder)');
  if (!stat.isDirectory()) throw new ShopFolderError(dir, 'is not a folder');
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.X_OK);
  } catch (err) {
    throw new ShopFolderError(dir, `cannot be read (${(err as Error).message})`, { cause: err });
  }
  if (!SHOP_PARTS.some((part) => statOf(path.join(dir, part)))) {
    throw new ShopFolderError(dir, `holds none of ${SHOP_PARTS.join(', ')} (\`kefu init DIR\` writes a starter shop folder)`);
  }
}

/**
 * Resolves the content of the configured shop (`config.shopDir`, else the demo shop).
 * @example const { intentFiles, dialogFiles, knowledgeDir } = shopContent(loadConfig({ shopDir: 'my-shop' }));
 * @throws ShopFolderError when the shop folder is missing, unreadable or holds nothing of a shop
 */
export function shopContent(config: Pick<KefuConfig, 'shopDir' | 'intentsDir' | 'dialogsDir'>): ShopContent {
  const shopDir = path.resolve(config.shopDir ?? DEMO_SHOP_DIR);
  checkShopDir(shopDir);
  const shopIntents = jsonFiles(path.join(shopDir, 'intents'));
  const replaced = new Set(shopIntents.map((file) => path.basename(file)));
  const shopDomain = path.join(shopDir, 'domain.json');
  const domainStat = statOf(shopDomain);
  if (domainStat && !domainStat.isFile()) throw new ShopFolderError(shopDomain, 'must be a file');
  return {
    shopDir,
    domainFiles: domainStat ? [BUILT_IN_DOMAIN_FILE, shopDomain] : [BUILT_IN_DOMAIN_FILE],
    intentFiles: [...jsonFiles(config.intentsDir).filter((file) => !replaced.has(path.basename(file))), ...shopIntents],
    dialogFiles: [...jsonFiles(config.dialogsDir), ...jsonFiles(path.join(shopDir, 'dialogs'))],
    knowledgeDir: path.join(shopDir, 'knowledge'),
  };
}
