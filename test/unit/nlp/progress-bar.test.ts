import { progressBar } from '../../../src/nlp/progress-bar';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progressBar', () => {
  it('should draw the step and its share on a terminal', () => {
    const { stream, written } = fakeStream(true);
    const bar = progressBar(stream, 10);
    bar('held-out folds', 1, 2);
    bar('held-out folds', 2, 2);
    expect(written[0]).toContain('[#####-----] 1/2');
    expect(written.join('')).toContain('[##########] 2/2');
    expect(written[written.length - 1]).toBe('\n');
  });

  it('should write nothing when the stream is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    progressBar(stream)('final model', 1, 1);
    expect(written).toEqual([]);
  });
});
