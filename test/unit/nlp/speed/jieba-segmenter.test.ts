import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as nodejieba from 'nodejieba';
import { JiebaSegmenter } from '../../../../src/nlp/speed/jieba-segmenter';

const DICT = join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict');
const files = (userDict = join(DICT, 'user.dict.utf8')) => ({ dict: join(DICT, 'jieba.dict.utf8'), hmm: join(DICT, 'hmm_model.utf8'), userDict });

/** kefu's own shopper phrasing (no dataset lines): words in the dictionary, unknown names for the HMM, ties, mixed scripts. */
const TEXTS = [
  '我的订单到哪了',
  '你们家的扫地机器人有货吗，什么时候发货。',
  '好好好好好好好还是事实是啊',
  '这个耳机降噪效果怎么样',
  '帮我查一下快递单号',
  '收到的衣服尺码偏小想换大一号',
  '为什么还没有发货呢都三天了',
  '布鲁姆斯伯里出版社的新书到了吗',
  '我想买iPhone15手机 预算5000以内',
  '王小明在北京大学读书',
  '退款什么时候到账啊啊啊',
  '區塊鏈和云计算',
  '\t空格 分隔\n换行',
];

describe('JiebaSegmenter', () => {
  let segmenter: JiebaSegmenter;
  beforeAll(() => {
    segmenter = JiebaSegmenter.load(files());
    nodejieba.load({});
  });

  it('should cut exactly as nodejieba, with and without the HMM', () => {
    for (const text of TEXTS) {
      expect(segmenter.cut(text, true)).toEqual(nodejieba.cut(text, true));
      expect(segmenter.cut(text, false)).toEqual(nodejieba.cut(text, false));
    }
  });

  it('should break an exact tie of weights as nodejieba does (the C library log)', () => {
    expect(segmenter.cut('好好好好好好好', true)).toEqual(['好', '好好', '好好', '好好']);
  });

  it('should return words that concatenate back to the text, English and numbers included', () => {
    for (const text of ['iPhone15和WH-1000XM5哪个好', 'order DD20261101008 到了吗']) {
      const words = segmenter.cut(text, true);
      expect(words.join('')).toBe(text);
      expect(words).toEqual(nodejieba.cut(text, true));
    }
  });

  it('should keep an inserted word whole, as nodejieba.insertWord does', () => {
    const fresh = JiebaSegmenter.load(files());
    const text = '想买戴森吸尘器和小天鹅洗衣机';
    const before = fresh.cut(text, true);
    expect(before).not.toContain('戴森吸尘器');
    fresh.insertWord('戴森吸尘器');
    expect(fresh.cut(text, true)).toContain('戴森吸尘器');
  });

  it('should read a user dictionary with and without frequencies and tags', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kefu-jieba-')), 'user.dict.utf8');
    writeFileSync(file, '小天鹅洗衣机 nz\n戴森吸尘器\n鲸\n超级快递 10 nz\n', 'utf8');
    const withUser = JiebaSegmenter.load(files(file));
    const words = withUser.cut('小天鹅洗衣机和戴森吸尘器用超级快递寄', true);
    expect(words).toEqual(expect.arrayContaining(['小天鹅洗衣机', '戴森吸尘器']));
    expect(words.join('')).toBe('小天鹅洗衣机和戴森吸尘器用超级快递寄');
  });
});
