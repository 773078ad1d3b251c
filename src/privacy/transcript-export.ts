/**
 * @module privacy/transcript-export
 * Transcripts for audits as JSON Lines or CSV (RFC 4180: every field quoted, quotes doubled,
 * newlines kept inside the quotes), always the redacted staff copy. A CSV starts with a UTF-8
 * byte order mark: without it spreadsheet programs on Chinese Windows read the file in the
 * system's code page (GBK) and garble every Chinese message.
 */
import type { ChatActivity, TranscriptScanner } from '../core/conversation';

export type ExportFormat = 'jsonl' | 'csv';

export const CSV_COLUMNS = ['conversationId', 'id', 'timestamp', 'role', 'type', 'replyToId', 'locale', 'intent', 'text', 'attachments'] as const;

/** U+FEFF, written first: it tells spreadsheet programs the file is UTF-8. */
export const CSV_BOM = '\uFEFF';

/** The start of every CSV export: the byte order mark and the header row. */
export const csvHead = (): string => CSV_BOM + CSV_COLUMNS.map(csvField).join(',') + '\r\n';

/** One CSV field: always quoted, so commas, quotes, newlines and leading `=`/`+` stay text. */
export function csvField(value: unknown): string {
  let text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // A spreadsheet would run a cell starting with = + - @ as a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function row(a: ChatActivity): unknown[] {
  const intent = (a.channelData?.intent as { name?: string } | undefined)?.name;
  return [a.conversationId, a.id, a.timestamp, a.from.role, a.type, a.replyToId, a.locale, intent, a.text ?? (typeof a.value === 'string' ? a.value : undefined), a.attachments?.length ? a.attachments : undefined];
}

export function formatLine(a: ChatActivity, format: ExportFormat): string {
  return format === 'jsonl' ? JSON.stringify(a) : row(a).map(csvField).join(',');
}

/**
 * Writes every activity stored since `since` (ISO) through `write`; resolves with the count.
 * @example await exportTranscripts(stores.transcripts, '2026-01-01T00:00:00.000Z', 'csv', (s) => process.stdout.write(s));
 */
export async function exportTranscripts(
  transcripts: TranscriptScanner,
  since: string,
  format: ExportFormat,
  write: (chunk: string) => void | Promise<void>,
): Promise<number> {
  if (format === 'csv') await write(csvHead());
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await transcripts.scan(since, { cursor });
    for (const a of page.activities) {
      await write(formatLine(a, format) + (format === 'csv' ? '\r\n' : '\n'));
      count++;
    }
    cursor = page.next;
  } while (cursor !== undefined);
  return count;
}
