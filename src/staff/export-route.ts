/**
 * @module staff/export-route
 * `GET /api/staff/export`: the redacted activities of every conversation matching the search
 * filters, as a JSON Lines or CSV download (formula-safe CSV of `privacy/transcript-export`).
 * Admin only; written to the audit log with its filter before the first byte is sent.
 */
import type { ServerResponse } from 'node:http';
import type { ChatActivity, TranscriptStore } from '../core/conversation';
import type { ConversationSearch, TranscriptFilter } from '../core/conversation-search';
import { SECURITY_HEADERS } from '../http/static-files';
import type { Route } from '../http/router';
import { csvHead, formatLine, type ExportFormat } from '../privacy/transcript-export';
import { parseTranscriptFilter, single } from './query-params';
import { maskPersonalEntities } from './staff-copy';
import { audit, type StaffDeps } from './staff-deps';
import { badRequest } from './staff-error';
import { guardedRoute } from './staff-request';

const PAGE = 100;

/** Every activity of one conversation, oldest first (the store pages backwards from the newest). */
async function allActivities(transcripts: TranscriptStore, conversationId: string): Promise<ChatActivity[]> {
  const out: ChatActivity[] = [];
  let before: string | undefined;
  for (;;) {
    const chunk = await transcripts.list(conversationId, { ...(before ? { before } : {}), limit: PAGE, view: 'staff' });
    out.unshift(...chunk.map(maskPersonalEntities));
    if (chunk.length < PAGE) return out;
    before = chunk[0].id;
  }
}

/**
 * Writes the matching conversations' activities; resolves with how many conversations and lines.
 * @example await exportFiltered(stores, { intent: 'complaint' }, 'csv', (s) => res.write(s));
 */
export async function exportFiltered(
  stores: { search: ConversationSearch; transcripts: TranscriptStore },
  filter: TranscriptFilter,
  format: ExportFormat,
  write: (chunk: string) => Promise<void>,
): Promise<{ conversations: number; activities: number }> {
  const eol = format === 'csv' ? '\r\n' : '\n';
  if (format === 'csv') await write(csvHead());
  let cursor: string | undefined;
  let conversations = 0;
  let activities = 0;
  do {
    const page = await stores.search.search(filter, { ...(cursor ? { cursor } : {}), limit: PAGE });
    for (const item of page.items) {
      conversations++;
      for (const a of await allActivities(stores.transcripts, item.conversation.id)) {
        await write(formatLine(a, format) + eol);
        activities++;
      }
    }
    cursor = page.next;
  } while (cursor !== undefined);
  return { conversations, activities };
}

/** `res.write` that waits when the client reads slower than the store answers, and stops when it left. */
function writer(res: ServerResponse): (chunk: string) => Promise<void> {
  return async (chunk) => {
    if (res.destroyed) throw new Error('the client closed the download');
    if (res.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.once('drain', done);
      res.once('close', done);
    });
  };
}

export function exportRoute(deps: StaffDeps): Route {
  return guardedRoute('GET /api/staff/export', deps.auth, async ({ url, res, principal }) => {
    const filter = parseTranscriptFilter(url.searchParams);
    const format = single(url.searchParams, 'format') ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'csv') throw badRequest('format must be jsonl or csv.', 'format 必须是 jsonl 或 csv。');
    await audit(deps, principal, 'export', { detail: { filter, format } });
    const day = new Date().toISOString().slice(0, 10);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="kefu-transcripts-${day}.${format}"`,
      'Cache-Control': 'no-store',
    });
    try {
      await exportFiltered(deps.ctx.stores, filter, format, writer(res));
    } finally {
      res.end();
    }
    return undefined;
  });
}
