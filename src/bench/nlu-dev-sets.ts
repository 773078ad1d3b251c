/**
 * @module bench/nlu-dev-sets
 * The development sets of issue 11, put together at run time from labels kept in the project and
 * text kept outside it (`test/fixtures/nlu-dev/README.md` says how they were made):
 * - `jddc-zh-dev`: `{session, turn, intent}` labels joined with the real shopper messages of
 *   `<datasets>/jddc-shopper-dev/messages.jsonl` (their text must never be copied into the project);
 * - `en-dev/public`: `{dataset, line, source, intent}` references into the `dev.jsonl` of
 *   `clinc150` and `banking77`, chosen by the intent mapping `en-public-map.json`;
 * - `en-dev/shopper`: shopper-style English written for kefu (`shopper-en-dev.jsonl`, text included);
 * - `en-dev`: both English parts together.
 * A set whose text lives in `../shared/datasets` is `skipped` with a note when that folder is absent.
 * Every example has an `id` (`session#turn`, `dataset:line`, `shopper-en:line`) so misses can be
 * listed without their text.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../core/shop';

export interface DevExample {
  /** Where the example comes from, without its text: `session#turn`, `clinc150:123`, `shopper-en:7`. */
  id: string;
  text: string;
  intent: string;
}

export type DevSet =
  | { name: string; lang: Locale; status: 'ok'; examples: DevExample[] }
  | { name: string; lang: Locale; status: 'skipped'; note: string };

/** Reads a JSON Lines file; a bad line names file and line. */
function readJsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      try {
        return [JSON.parse(line) as T];
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

/** `jddc-zh-dev`: the labels joined with the messages by `session` and `turn`. */
export function loadJddcZhDev(datasetsRoot: string, labelsFile: string): DevSet {
  const messagesFile = path.join(datasetsRoot, 'jddc-shopper-dev', 'messages.jsonl');
  if (!fs.existsSync(messagesFile)) return { name: 'jddc-zh-dev', lang: 'zh', status: 'skipped', note: `${messagesFile} is absent: the labels have no text here` };
  const byKey = new Map<string, string>();
  for (const m of readJsonLines<{ text: string; session: string; turn: number }>(messagesFile)) byKey.set(`${m.session}#${m.turn}`, m.text);
  const examples = readJsonLines<{ session: string; turn: number; intent: string }>(labelsFile).map((l, i) => {
    const id = `${l.session}#${l.turn}`;
    const text = byKey.get(id);
    if (text === undefined) throw new Error(`${labelsFile}:${i + 1}: no message ${id} in ${messagesFile}`);
    return { id, text, intent: l.intent };
  });
  return { name: 'jddc-zh-dev', lang: 'zh', status: 'ok', examples };
}

type PublicRef = { dataset: string; line: number; source: string; intent: string };

/** `en-dev/public`: each reference must still point at a line of the mapped source intent. */
export function loadEnPublicDev(datasetsRoot: string, refsFile: string, mapFile: string): DevSet {
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as Record<string, Record<string, string>>;
  const refs = readJsonLines<PublicRef>(refsFile);
  const lines = new Map<string, { text: string; intent: string }[]>();
  for (const dataset of Object.keys(map)) {
    const file = path.join(datasetsRoot, dataset, 'dev.jsonl');
    if (!fs.existsSync(file)) return { name: 'en-dev/public', lang: 'en', status: 'skipped', note: `${file} is absent: the references have no text here` };
    lines.set(dataset, readJsonLines<{ text: string; intent: string }>(file));
  }
  const examples = refs.map((r, i) => {
    const where = `${refsFile}:${i + 1}`;
    const row = lines.get(r.dataset)?.[r.line - 1];
    if (!row) throw new Error(`${where}: ${r.dataset} dev.jsonl has no line ${r.line}`);
    if (row.intent !== r.source) throw new Error(`${where}: ${r.dataset} dev.jsonl line ${r.line} is "${row.intent}", not "${r.source}" (the dataset changed)`);
    if (map[r.dataset]?.[r.source] !== r.intent) throw new Error(`${where}: ${r.dataset} "${r.source}" maps to "${map[r.dataset]?.[r.source]}" in ${path.basename(mapFile)}, not "${r.intent}"`);
    return { id: `${r.dataset}:${r.line}`, text: row.text, intent: r.intent };
  });
  return { name: 'en-dev/public', lang: 'en', status: 'ok', examples };
}

/** `en-dev/shopper`: kefu's own shopper-style English, `{text, intent}` per line. */
export function loadShopperEnDev(file: string): DevSet {
  const examples = readJsonLines<{ text: string; intent: string }>(file).map((r, i) => ({ id: `shopper-en:${i + 1}`, text: r.text, intent: r.intent }));
  return { name: 'en-dev/shopper', lang: 'en', status: 'ok', examples };
}

/** Every dev set, in report order; `fixtures` is `test/fixtures/nlu-dev`. */
export function loadDevSets(datasetsRoot: string, fixtures: string): DevSet[] {
  const zh = loadJddcZhDev(datasetsRoot, path.join(fixtures, 'jddc-zh-dev.labels.jsonl'));
  const pub = loadEnPublicDev(datasetsRoot, path.join(fixtures, 'en-public-dev.refs.jsonl'), path.join(fixtures, 'en-public-map.json'));
  const shopper = loadShopperEnDev(path.join(fixtures, 'shopper-en-dev.jsonl'));
  const en: DevSet =
    pub.status === 'ok' && shopper.status === 'ok'
      ? { name: 'en-dev', lang: 'en', status: 'ok', examples: [...pub.examples, ...shopper.examples] }
      : { name: 'en-dev', lang: 'en', status: 'skipped', note: pub.status === 'skipped' ? pub.note : 'shopper part missing' };
  return [zh, en, pub, shopper];
}
