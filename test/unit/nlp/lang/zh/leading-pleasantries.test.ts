import { leadingPleasantryEnd } from '../../../../../src/nlp/lang/zh/leading-pleasantries';
import { normalizeText } from '../../../../../src/nlp/normalize';
import { tokenize } from '../../../../../src/nlp/tokenizer';

const words = (text: string): string[] => tokenize(text).map((t) => t.norm);

describe('leadingPleasantryEnd', () => {
  it('should find the end of an opening greeting and the pause after it', () => {
    expect(leadingPleasantryEnd('你好，请问保修多久')).toBe(3);
    expect(leadingPleasantryEnd('您好问一下会员怎么续费')).toBe(2);
    expect(leadingPleasantryEnd('在吗 在吗 我的快递到哪了')).toBe(6);
    expect(leadingPleasantryEnd('亲爱的 帮我查下物流')).toBe(4);
    expect(leadingPleasantryEnd('你好呀~ 能开发票吗')).toBe(5);
  });

  it('should read Latin greetings only before a pause', () => {
    expect(leadingPleasantryEnd(normalizeText('Hi 你好 我想退货'))).toBe(6);
    expect(leadingPleasantryEnd('hisense电视有货吗')).toBe(0);
    expect(leadingPleasantryEnd('亲子装有吗')).toBe(0);
    expect(leadingPleasantryEnd('亲 这个包邮吗')).toBe(2);
  });

  it('should keep a message that is only a greeting, or a greeting with a one-character need', () => {
    for (const text of ['你好', '您好！', '亲 在吗', '在吗在吗 急', 'hello 你好']) expect(leadingPleasantryEnd(normalizeText(text))).toBe(0);
  });

  it('should leave acknowledgements and thanks alone (measured worse: "好的 尽快" stays an acknowledgement)', () => {
    for (const text of ['好的 尽快', '谢谢 我自己提交是吧', '嗯嗯 麻烦催一下', '是的 怎么操作', '好评返现吗']) expect(leadingPleasantryEnd(text)).toBe(0);
  });
});

describe('tokenizerZh', () => {
  it('should leave an opening greeting out of the tokens when a need follows (zh)', () => {
    expect(words('你好，请问保修多久')).not.toContain('你好');
    expect(words('你好，请问保修多久')).toEqual(expect.arrayContaining(['保修', '多久']));
    expect(words('在吗 DD20261101008到哪了')).not.toContain('在');
  });

  it('should keep the greeting when it is the whole message (zh)', () => {
    expect(words('你好')).toEqual(['你好']);
    expect(words('亲 在吗')).toContain('在');
  });

  it('should keep the offsets of the tokens it keeps', () => {
    const tokens = tokenize('您好，问下运费');
    for (const t of tokens) expect('您好，问下运费'.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.kind === 'han')!.start).toBe(3);
  });

  it('should leave English messages as they were (en)', () => {
    expect(words('hi, where is my order')).toEqual(expect.arrayContaining(['hi', 'where', 'order']));
    expect(words('hello')).toContain('hello');
  });
});
