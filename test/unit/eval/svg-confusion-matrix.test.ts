import { renderConfusionSvg } from '../../../src/eval/svg-confusion-matrix';

const p = (gold: string, predicted: string) => ({ gold, predicted });

describe('renderConfusionSvg', () => {
  it('should draw only intents that take part in an error, with a hover title per cell', () => {
    const pairs = [p('a', 'a'), p('a', 'b'), p('b', 'b'), p('c', 'c'), p('c', 'c')];
    const { svg, shown, withErrors } = renderConfusionSvg(pairs);
    expect(shown).toBe(2);
    expect(withErrors).toBe(2);
    expect(svg).toContain('<title>a → b: 1 (50.0% of 2)</title>');
    expect(svg).not.toContain('>c<');
  });

  it('should keep at most maxLabels intents, those with the most errors', () => {
    const pairs = Array.from({ length: 150 }, (_, i) => p(`intent_${i}`, `intent_${(i + 1) % 150}`));
    pairs.push(p('intent_7', 'intent_9'), p('intent_7', 'intent_9'));
    const { svg, shown, withErrors } = renderConfusionSvg(pairs, 20);
    expect(withErrors).toBe(150);
    expect(shown).toBe(20);
    expect(svg).toContain('intent_7');
    expect(svg).toContain('intent_9');
  });
});
