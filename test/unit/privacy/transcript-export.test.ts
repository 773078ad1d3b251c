import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChatActivity } from '../../../src/core/conversation';
import { PrivateTranscriptStore } from '../../../src/privacy/private-transcript-store';
import { csvField, exportTranscripts } from '../../../src/privacy/transcript-export';
import { openEmbeddedStores } from '../../../src/storage/embedded';
import type { Stores } from '../../../src/core/stores';

/** RFC 4180 reader, enough to check what the export writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += ch;
  }
  return rows;
}

const at = (day: number): string => new Date(Date.UTC(2026, 0, day)).toISOString();
const message = (id: string, text: string, day: number, conversationId = 'c1'): ChatActivity => ({
  type: 'message',
  id,
  conversationId,
  timestamp: at(day),
  from: { id: 'shopper', role: 'user' },
  text,
});

describe('exportTranscripts', () => {
  let dir: string;
  let stores: Stores;
  let store: PrivateTranscriptStore;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-export-'));
    stores = openEmbeddedStores(dir);
    store = new PrivateTranscriptStore(stores.transcripts, { rawRetentionDays: 30, retentionDays: 0 });
    await store.append(message('old', 'before the date', 1));
    await store.append(message('a', '你好，我的电话 138 0000 1234，"急"', 5));
    await store.append(message('b', 'line one\nline two, with "quotes", =1+1', 6, 'c2'));
  });
  afterEach(async () => {
    await stores.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should write quoted CSV rows of the redacted copy since the date', async () => {
    let out = '';
    const count = await exportTranscripts(store, at(2), 'csv', (s) => void (out += s));
    expect(count).toBe(2);
    // The UTF-8 byte order mark comes first, for spreadsheet programs on Chinese Windows.
    expect(out.startsWith('\uFEFF"conversationId"')).toBe(true);
    const rows = parseCsv(out.slice(1));
    expect(rows[0]).toEqual(['conversationId', 'id', 'timestamp', 'role', 'type', 'replyToId', 'locale', 'intent', 'text', 'attachments']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[8]])).toEqual([
      ['c1', 'a', '你好，我的电话 [电话]，"急"'],
      ['c2', 'b', 'line one\nline two, with "quotes", =1+1'],
    ]);
  });

  it('should write one JSON object a line', async () => {
    let out = '';
    await exportTranscripts(store, at(2), 'jsonl', (s) => void (out += s));
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as ChatActivity);
    expect(lines.map((a) => a.text)).toEqual(['你好，我的电话 [电话]，"急"', 'line one\nline two, with "quotes", =1+1']);
  });

  it('should page through more activities than one scan returns', async () => {
    for (let i = 0; i < 1500; i++) await stores.transcripts.append(message(`bulk-${i}`, 'x', 10));
    expect(await exportTranscripts(store, at(2), 'jsonl', () => undefined)).toBe(1502);
  });

  it('should keep a cell from being read as a spreadsheet formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(undefined)).toBe('""');
  });
});
