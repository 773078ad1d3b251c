/**
 * @module nlp/sentiment/sentiment-datasets
 * Readers for the three Chinese review sets in `../shared/datasets` that train the sentiment
 * model (each folder's `SOURCE.md` gives origin and licence; they are read in place, never copied
 * into kefu): ChnSentiCorp (`text<TAB>0|1`), online_shopping_10_cats (CSV `cat,label,review`) and
 * FewCLUE EPRSTMT (JSON Lines `{sentence, label: Positive|Negative}`). Only train and dev splits
 * exist there; the test splits are kept back for acceptance.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readSetting } from '../../config/read-setting';
import { createLogger } from '../../log';
import type { PolarLabel, SentimentExample } from './sentiment-types';

export type SentimentSplit = 'train' | 'dev';

export const SENTIMENT_DATASETS = ['chnsenticorp', 'online-shopping-10cats', 'fewclue-eprstmt'] as const;
export type SentimentDatasetName = (typeof SENTIMENT_DATASETS)[number];

const polar = (positive: boolean): PolarLabel => (positive ? 'positive' : 'negative');

/** `text<TAB>label` lines, label 1 positive, 0 negative. */
function readChnSentiCorp(file: string): SentimentExample[] {
  const out: SentimentExample[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const label = line.slice(tab + 1).trim();
    const text = line.slice(0, tab).trim();
    if (text && (label === '0' || label === '1')) out.push({ text, label: polar(label === '1') });
  }
  return out;
}

/**
 * RFC 4180 CSV records (quoted fields may hold commas, quotes doubled, and newlines).
 * @example parseCsv('a,"b,""c"""\n') // [['a', 'b,"c"']]
 */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (source[i + 1] === '"') field += source[++i];
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** CSV with header `cat,label,review`. */
function readOnlineShopping(file: string): SentimentExample[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  const labelAt = header?.indexOf('label') ?? -1;
  const textAt = header?.indexOf('review') ?? -1;
  if (labelAt < 0 || textAt < 0) throw new Error(`${file}: expected a header with label and review`);
  return rows.flatMap((r) => {
    const text = (r[textAt] ?? '').trim();
    const label = r[labelAt];
    return text && (label === '0' || label === '1') ? [{ text, label: polar(label === '1') }] : [];
  });
}

/** JSON Lines `{"sentence", "label": "Positive" | "Negative"}`. */
function readEprstmt(file: string): SentimentExample[] {
  return fs.readFileSync(file, 'utf8').split('\n').flatMap((line) => {
    if (!line.trim()) return [];
    const { sentence, label } = JSON.parse(line) as { sentence?: unknown; label?: unknown };
    return typeof sentence === 'string' && (label === 'Positive' || label === 'Negative') ? [{ text: sentence.trim(), label: polar(label === 'Positive') }] : [];
  });
}

const FILES: Record<SentimentDatasetName, Record<SentimentSplit, string>> = {
  chnsenticorp: { train: 'train.txt', dev: 'dev.txt' },
  'online-shopping-10cats': { train: 'train.csv', dev: 'dev.csv' },
  // The union of the five few-shot samples (160 each); the single samples are subsets of it.
  'fewclue-eprstmt': { train: 'train_few_all.json', dev: 'dev_few_all.json' },
};

const READERS: Record<SentimentDatasetName, (file: string) => SentimentExample[]> = {
  chnsenticorp: readChnSentiCorp,
  'online-shopping-10cats': readOnlineShopping,
  'fewclue-eprstmt': readEprstmt,
};

/**
 * One split of one data set, read from `<root>/<name>/`.
 * @example readSentimentDataset('../shared/datasets', 'chnsenticorp', 'dev').length // 1200
 */
export function readSentimentDataset(root: string, name: SentimentDatasetName, split: SentimentSplit): SentimentExample[] {
  const file = path.join(root, name, FILES[name][split]);
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file (is ../shared/datasets there? set KEFU_DATASETS_DIR)`);
  return READERS[name](file);
}

/**
 * Where the shared data sets are: `KEFU_DATASETS_DIR` (formerly `KEFU_DATASETS`), else
 * `../shared/datasets` beside `repoRoot`.
 */
export function defaultDatasetsRoot(repoRoot: string): string {
  const { value, source } = readSetting('datasetsDir', createLogger('kefu:config'));
  return source.kind === 'default' ? path.resolve(repoRoot, '..', 'shared', 'datasets') : (value as string);
}
