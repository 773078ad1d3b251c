/**
 * @module import/read-shop-folder
 * Reads an import folder: each of the five files, and the optional `categories` and `brands`, as a
 * JSON array (`.json`) or JSON Lines (`.jsonl`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportProblem } from './validate-shop-data';

export const SHOP_FILES = ['products', 'customers', 'orders', 'events', 'faq', 'categories', 'brands'] as const;
export type ShopFile = (typeof SHOP_FILES)[number];

export interface RawShopFile {
  kind: ShopFile;
  file: string;
  records: unknown[];
}

export function readShopFolder(folder: string): { files: RawShopFile[]; problems: ImportProblem[] } {
  const files: RawShopFile[] = [];
  const problems: ImportProblem[] = [];
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    problems.push({ file: folder, message: 'is not a folder' });
    return { files, problems };
  }
  for (const kind of SHOP_FILES) {
    for (const ext of ['.json', '.jsonl']) {
      const file = path.join(folder, kind + ext);
      if (!fs.existsSync(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      const name = path.basename(file);
      if (ext === '.json') {
        try {
          const parsed: unknown = JSON.parse(text);
          if (!Array.isArray(parsed)) problems.push({ file: name, message: 'must hold a JSON array' });
          else files.push({ kind, file: name, records: parsed });
        } catch (err) {
          problems.push({ file: name, message: `is not valid JSON (${(err as Error).message})` });
        }
      } else {
        const records: unknown[] = [];
        text.split('\n').forEach((line, i) => {
          if (line.trim() === '') return;
          try {
            records.push(JSON.parse(line));
          } catch {
            problems.push({ file: name, line: i + 1, message: 'is not valid JSON' });
          }
        });
        files.push({ kind, file: name, records });
      }
    }
  }
  if (files.length === 0 && problems.length === 0) {
    problems.push({ file: folder, message: `holds none of ${SHOP_FILES.map((f) => f + '.json').join(', ')}` });
  }
  return { files, problems };
}
