/** Readers of the three review sets' formats, on small files written here. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsv, readSentimentDataset } from '../../../../src/nlp/sentiment/sentiment-datasets';
import { readSentimentExamples } from '../../../../src/nlp/sentiment/read-sentiment-examples';

function dataset(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-sentiment-data-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('sentiment datasets', () => {
  it('should parse quoted CSV fields with commas, doubled quotes and newlines', () => {
    expect(parseCsv('a,b\n1,"x, ""y""\nz"\r\n2,w')).toEqual([['a', 'b'], ['1', 'x, "y"\nz'], ['2', 'w']]);
  });

  it('should read the three formats as positive and negative examples', () => {
    const root = dataset({
      'chnsenticorp/dev.txt': '房间很干净\t1\n太吵了\t0\nbroken line\n',
      'online-shopping-10cats/dev.csv': 'cat,label,review\n书籍,1,"好书，推荐"\n水果,0,不新鲜\n',
      'fewclue-eprstmt/dev_few_all.json': '{"id": 1, "sentence": "物流快", "label": "Positive"}\n{"id": 2, "sentence": "差", "label": "Negative"}\n',
    });
    expect(readSentimentDataset(root, 'chnsenticorp', 'dev')).toEqual([{ text: '房间很干净', label: 'positive' }, { text: '太吵了', label: 'negative' }]);
    expect(readSentimentDataset(root, 'online-shopping-10cats', 'dev')).toEqual([{ text: '好书，推荐', label: 'positive' }, { text: '不新鲜', label: 'negative' }]);
    expect(readSentimentDataset(root, 'fewclue-eprstmt', 'dev')).toEqual([{ text: '物流快', label: 'positive' }, { text: '差', label: 'negative' }]);
    expect(() => readSentimentDataset(root, 'chnsenticorp', 'train')).toThrow(/no such file/);
  });

  it('should read eval JSON Lines and name the file and line of a bad one', () => {
    const root = dataset({ 'ok.jsonl': '\ufeff{"text": "好", "label": "positive"}\n\n{"text": "bad", "label": "negative"}\n', 'bad.jsonl': '{"text": "好", "label": "positive"}\n{"text": "meh", "label": "neutral"}\n' });
    expect(readSentimentExamples(path.join(root, 'ok.jsonl'))).toEqual([{ text: '好', label: 'positive' }, { text: 'bad', label: 'negative' }]);
    expect(() => readSentimentExamples(path.join(root, 'bad.jsonl'))).toThrow(`${path.join(root, 'bad.jsonl')}:2`);
  });
});
