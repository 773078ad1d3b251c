import { KefuTextAnalyzer } from '../../../src/nlp/analyzer';

describe('KefuTextAnalyzer', () => {
  const analyzer = new KefuTextAnalyzer();

  it('should drop Chinese stopwords and punctuation', () => {
    expect(analyzer.terms('我想买一个降噪耳机，谢谢！', 'zh')).toEqual(['买', '降噪', '耳机']);
  });

  it('should drop English stopwords and stem the rest', () => {
    expect(analyzer.terms('What is the return policy for headphones?', 'en')).toEqual(['return', 'polici', 'headphon']);
  });

  it('should keep codes and mixed-language words', () => {
    expect(analyzer.terms('Sony WH-1000XM5 降噪耳机', 'zh')).toEqual(['soni', 'wh-1000xm5', '降噪', '耳机']);
  });
});
