/** Readers of the three review sets' formats, on small files written here. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsv, readSentimentDataset } from '../../../../src/nlp/sentiment/sentiment-datasets';
import { readSentimentExamples } from '../../../../src/nlp/sentiment/read-sentiment-examples';
import { sentimentTrainingSet } from '../../../../src/nlp/sentiment/sentiment-training-set';

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
  it('should drop train reviews that are dev texts of any set or repeats, whitespace aside', () => {
    const root = dataset({
      'chnsenticorp/train.txt': '房间很干净\t1\n太吵了\t0\n太吵了\t0\n',
      'chnsenticorp/dev.txt': '服务好\t1\n',
      'online-shopping-10cats/train.csv': 'cat,label,review\n酒店,1,服务 好\n水果,0,不新鲜\n酒店,1,房间很干净\n',
      'online-shopping-10cats/dev.csv': 'cat,label,review\n书籍,1,好书\n',
      'fewclue-eprstmt/train_few_all.json': '{"id": 1, "sentence": "好书", "label": "Positive"}\n{"id": 2, "sentence": "差", "label": "Negative"}\n',
      'fewclue-eprstmt/dev_few_all.json': '{"id": 3, "sentence": "物流快", "label": "Positive"}\n',
    });
    const set = sentimentTrainingSet(root);
    expect(set.examples).toEqual([{ text: '房间很干净', label: 'positive' }, { text: '太吵了', label: 'negative' }, { text: '不新鲜', label: 'negative' }, { text: '差', label: 'negative' }]);
    expect(set.sets.map((s) => [s.name, s.read, s.n])).toEqual([['chnsenticorp', 3, 2], ['online-shopping-10cats', 3, 1], ['fewclue-eprstmt', 2, 1]]);
  });
});
