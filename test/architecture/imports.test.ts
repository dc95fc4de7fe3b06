import { describe, expect, it } from '@jest/globals';
import { graph, name } from './sourceGraph.js';

describe('the module graph', () => {
  it('has no circular imports', () => {
    expect([...graph.values()].flat().length).toBeGreaterThan(80);
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map(name).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps generated code fenced: src/generated imports nothing hand-written but the call types and hook runtime', () => {
    // The generated hooks (generated/react.ts) are thin calls of the React runtime, react/hooks.ts.
    const allowed = (from: string, to: string) =>
      to === 'client/callOptions.ts' || (from === 'generated/react.ts' && to === 'react/hooks.ts');
    const leaks = [...graph]
      .filter(([file]) => name(file).startsWith('generated/'))
      .flatMap(([file, deps]) =>
        deps.filter((d) => !name(d).startsWith('generated/') && !allowed(name(file), name(d))),
      );
    expect(leaks).toEqual([]);
  });

  it('keeps the SDK free of the CLI, the simulator, the testing kit, the tools and React', () => {
    const sdk = [...graph.keys()].filter((file) =>
      /^(api|auth|bounded|client|errors|executor|retry|security|text|transport)\//.test(name(file)),
    );
    const reach = new Set<string>();
    const walk = (file: string) => {
      if (reach.has(file)) return;
      reach.add(file);
      for (const next of graph.get(file) ?? []) walk(next);
    };
    sdk.forEach(walk);
    expect([...reach].map(name).filter((f) => /^(cli|console|simulator|testing|tools|plan|react)\//.test(f))).toEqual(
      [],
    );
  });
});
