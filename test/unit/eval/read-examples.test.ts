import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readExamples } from '../../../src/eval/read-examples';

function tmp(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-read-')), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('readExamples', () => {
  it('should read lines, skip blank ones and detect the language of each with auto', () => {
    const file = tmp('ok.jsonl', '\uFEFF{"text": "我要退款", "intent": "refund"}\r\n\n{"text": "refund please", "intent": "refund"}\n');
    expect(readExamples(file, 'auto')).toEqual([
      { text: '我要退款', intent: 'refund', locale: 'zh' },
      { text: 'refund please', intent: 'refund', locale: 'en' },
    ]);
    expect(readExamples(file, 'en').map((e) => e.locale)).toEqual(['en', 'en']);
  });

  it('should name file and line of invalid JSON, counting blank lines', () => {
    const file = tmp('bad.jsonl', '{"text": "a", "intent": "x"}\n\n{"text": \n');
    expect(() => readExamples(file, 'auto')).toThrow(`${file}:3: not valid JSON`);
  });

  it('should name file and line of a record without text or intent', () => {
    const file = tmp('shape.jsonl', '{"text": "a", "intent": "x"}\n{"text": "b", "label": "x"}\n');
    expect(() => readExamples(file, 'auto')).toThrow(`${file}:2:`);
  });

  it('should treat an empty or blank file as an error', () => {
    expect(() => readExamples(tmp('empty.jsonl', ''), 'auto')).toThrow(/no examples/);
    expect(() => readExamples(tmp('blank.jsonl', '\n  \n'), 'auto')).toThrow(/no examples/);
  });

  it('should say when the file does not exist', () => {
    expect(() => readExamples('/nonexistent/test.jsonl', 'auto')).toThrow('/nonexistent/test.jsonl: no such file');
  });
});
