/**
 * Imports run one way (STYLE.md: core <- nlp/services/storage <- dialogs <- bot <- chat/channels
 * <- app/cli). No file of `src` may take part in a value-import cycle, and no folder either, except
 * the back edges listed in `ALLOWED_FOLDER_EDGES`: that list only shrinks. An entry whose edge is
 * gone fails too, so it is removed the day its cycle is broken.
 */
import path from 'node:path';
import { findCycles, folderGraph, importGraph, valueImports, withoutEdges, type ImportGraph } from './import-graph';

/**
 * Folder imports that close a cycle today, each with what it would take to remove it. Empty: every
 * folder imports one way (the dialogs' turn vocabulary lives in `dialogs/turn`, below `bot`).
 */
const ALLOWED_FOLDER_EDGES: readonly string[] = [];

const SRC = path.join(__dirname, '..', '..', '..', 'src');

function graphOf(edges: Record<string, string[]>): ImportGraph {
  return new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));
}

function describeCycles(cycles: string[][]): string {
  return cycles.map((c) => c.join(' <-> ')).join('\n');
}

describe('valueImports', () => {
  it('should count value imports, re-exports, side-effect and dynamic imports', () => {
    const source = [
      "import { a } from './a';",
      "import b from './b';",
      "import './c';",
      "export { d } from './d';",
      "export * from './e';",
      "import { type T, f } from './f';",
      "const g = () => import('./g');",
    ].join('\n');
    expect(valueImports(source)).toEqual(['./a', './b', './c', './d', './e', './f', './g']);
  });

  it('should leave out imports the compiler erases', () => {
    const source = [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "export type { D } from './d';",
      "type E = import('./e').E;",
    ].join('\n');
    expect(valueImports(source)).toEqual([]);
  });
});

describe('findCycles', () => {
  it('should find a cycle through several nodes and a node importing itself', () => {
    const graph = graphOf({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [], e: ['e'] });
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('should find none in a graph whose imports run one way', () => {
    expect(findCycles(graphOf({ app: ['bot', 'core'], bot: ['dialogs', 'core'], dialogs: ['core'], core: [] }))).toEqual([]);
  });

  it('should find a folder cycle that no file cycle shows, and lose it without the allowed edge', () => {
    const files = graphOf({ 'bot/a.ts': ['dialogs/b.ts'], 'dialogs/b.ts': [], 'dialogs/c.ts': ['bot/d.ts'], 'bot/d.ts': [] });
    expect(findCycles(files)).toEqual([]);
    expect(findCycles(folderGraph(files))).toEqual([['bot', 'dialogs']]);
    expect(findCycles(withoutEdges(folderGraph(files), ['dialogs -> bot']))).toEqual([]);
  });
});

describe('src imports', () => {
  const files = importGraph(SRC);
  const folders = folderGraph(files);

  it('should read the source tree', () => {
    expect(files.size).toBeGreaterThan(100);
    expect(files.get('app.ts')?.size).toBeGreaterThan(5);
  });

  it('should have no file-level import cycle', () => {
    expect(describeCycles(findCycles(files))).toBe('');
  });

  it('should have no folder-level import cycle outside the allow-list', () => {
    expect(describeCycles(findCycles(withoutEdges(folders, ALLOWED_FOLDER_EDGES)))).toBe('');
  });

  it('should list only allowed edges that still exist and still close a cycle (the list shrinks)', () => {
    for (const edge of ALLOWED_FOLDER_EDGES) {
      const [from, to] = edge.split(' -> ');
      expect(`${edge}: ${folders.get(from)?.has(to) ? 'present' : 'gone'}`).toBe(`${edge}: present`);
      const inCycle = findCycles(folders).some((cycle) => cycle.includes(from) && cycle.includes(to));
      expect(`${edge}: ${inCycle ? 'in a cycle' : 'no cycle'}`).toBe(`${edge}: in a cycle`);
    }
  });
});
