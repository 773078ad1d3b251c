/**
 * @module nlp/read-json-lines
 * The JSON Lines reading shared by `kefu eval`'s example files (intents, sentiment): a byte-order
 * mark and blank lines are skipped, a bad line names file and line and stops, and an empty file is
 * an error, not a zero score. `toExample` checks one record's shape and says what a line must be.
 */
import fs from 'node:fs';

export function readJsonLines<T>(file: string, toExample: (record: Record<string, unknown>) => T | null, shape: string): T[] {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
  const examples: T[] = [];
  fs.readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '') // a byte-order mark from Windows editors is not part of line 1's JSON
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      const example = toExample((record ?? {}) as Record<string, unknown>);
      if (example === null) throw new Error(`${file}:${i + 1}: each line must be ${shape}`);
      examples.push(example);
    });
  if (examples.length === 0) throw new Error(`${file}: no examples (an empty file is an error, not a zero score)`);
  return examples;
}
