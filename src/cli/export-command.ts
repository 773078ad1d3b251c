/**
 * @module cli/export-command
 * `kefu export --conversations --since DATE [--format jsonl|csv] [--out FILE]`: the redacted
 * transcripts of every activity since DATE, for audits. A CSV starts with a UTF-8 byte order
 * mark (`privacy/transcript-export`), whether it goes to a file or to standard output.
 */
import fs from 'node:fs';
import { loadConfig } from '../config';
import { exportTranscripts, type ExportFormat } from '../privacy/transcript-export';
import { openStores } from '../storage/open-stores';

const USAGE = 'usage: kefu export --conversations --since DATE [--format jsonl|csv] [--out FILE]\n';

interface ExportArgs {
  since: string;
  format: ExportFormat;
  out?: string;
}

function parse(args: string[]): ExportArgs | string {
  let conversations = false;
  let since: string | undefined;
  let format: ExportFormat = 'jsonl';
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--conversations') conversations = true;
    else if (arg === '--since' && value !== undefined) (since = value), i++;
    else if (arg === '--format' && (value === 'jsonl' || value === 'csv')) (format = value), i++;
    else if (arg === '--out' && value !== undefined) (out = value), i++;
    else return `unknown or incomplete option "${arg}"`;
  }
  if (!conversations) return 'say what to export: --conversations';
  if (!since) return '--since DATE is required (for example 2026-01-01)';
  const date = new Date(since);
  if (Number.isNaN(date.getTime())) return `--since: "${since}" is not a date`;
  return { since: date.toISOString(), format, out };
}

export async function runExport(args: string[]): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`kefu export: ${parsed}\n${USAGE}`);
    return 2;
  }
  const stores = await openStores(loadConfig());
  const fd = parsed.out ? fs.openSync(parsed.out, 'w') : 1;
  try {
    const count = await exportTranscripts(stores.transcripts, parsed.since, parsed.format, (chunk) => {
      fs.writeSync(fd, chunk);
    });
    process.stderr.write(`exported ${count} activities since ${parsed.since}\n`);
    return 0;
  } finally {
    if (fd !== 1) fs.closeSync(fd);
    await stores.close();
  }
}
