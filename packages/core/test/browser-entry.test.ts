import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const IMPORT = /(?:import|export)[^'"]*?from\s+'([^']+)'/g;

/** Every source file reachable from an entry through relative imports, with its bare imports. */
function moduleGraph(entry: string): Map<string, { text: string; packages: string[] }> {
  const graph = new Map<string, { text: string; packages: string[] }>();
  const pending = [join(SRC, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (graph.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const packages: string[] = [];
    for (const [, specifier] of text.matchAll(IMPORT)) {
      if (specifier!.startsWith('.')) {
        pending.push(join(dirname(file), specifier!.replace(/\.js$/, '.ts')));
      } else packages.push(specifier!);
    }
    graph.set(file, { text, packages });
  }
  return graph;
}

describe("core's main entry runs in a browser", () => {
  const graph = moduleGraph('index.ts');

  it('follows the whole graph', () => {
    expect(graph.size).toBeGreaterThan(10);
  });

  it('imports no node: module and no package but typebox', () => {
    const found = [...graph].flatMap(([file, { packages }]) =>
      packages
        .filter((name) => name !== 'typebox')
        .map((name) => `${relative(SRC, file)}: ${name}`),
    );
    expect(found).toEqual([]);
  });

  it('uses no Node global (Buffer, process)', () => {
    const found = [...graph]
      .filter(([, { text }]) => /\b(Buffer|process)\./.test(text))
      .map(([file]) => relative(SRC, file));
    expect(found).toEqual([]);
  });

  it('the server entry is where the Node-only helpers live', () => {
    const server = moduleGraph('server.ts');
    const nodeImports = [...server.values()].flatMap(({ packages }) =>
      packages.filter((name) => name.startsWith('node:')),
    );
    expect(nodeImports).toContain('node:crypto');
  });
});
