// The layers of src/, bottom-up, and what each may import: no import runs back up. Rules are by
// folder, so a new file falls into its folder's layer; a file a folder rule does not fit (the
// composition root inside src/client, the hooks codegen writes for React) has a row of its own.
import { describe, expect, it } from '@jest/globals';
import { graph, name } from './sourceGraph.js';

type Layer = 'leaf' | 'transport' | 'executor' | 'api' | 'root' | 'fake platform' | 'app' | 'front end';

/**
 * THE LAYER MAP. Each row: a layer, the paths in it (a folder ends in '/'; the longest matching
 * path wins) and the layers it may import. Every source file must match a row.
 */
const LAYERS: Array<{ layer: Layer; paths: string[]; mayImport: Layer[]; holds: string }> = [
  {
    layer: 'leaf',
    paths: [
      'errors/',
      'text/',
      'security/',
      'schema/',
      'generated/',
      'retry/',
      'bounded/',
      'client/callOptions.ts',
      'client/optionDefaults.ts',
    ],
    mayImport: ['leaf'],
    holds:
      'errors, printable text, redaction, the schema snapshot, codegen output, retry policy/budget/waits, bounded reading, call types, option defaults',
  },
  {
    layer: 'transport',
    paths: ['transport/', 'auth/'],
    mayImport: ['leaf', 'transport'],
    holds: 'the outbound HTTP pipeline, the JWT token source, pacing',
  },
  {
    layer: 'executor',
    paths: ['executor/'],
    mayImport: ['leaf', 'transport', 'executor'],
    holds: 'running one operation: the operation sender with its dialect step, the answer checks, the urql exchange',
  },
  {
    layer: 'api',
    paths: ['api/'],
    mayImport: ['leaf', 'transport', 'executor', 'api'],
    holds: 'the SDK methods and the platform rules',
  },
  {
    layer: 'root',
    paths: ['client/', 'index.ts', 'functions/'],
    mayImport: ['leaf', 'transport', 'executor', 'api', 'root'],
    holds: 'the composition root (options, createSpacesClient) and the SDK entry',
  },
  {
    // A stand-in for Boomi's servers: it shares the schema with the SDK, never the SDK's code.
    layer: 'fake platform',
    paths: ['simulator/'],
    mayImport: ['leaf', 'fake platform'],
    holds: 'the simulator: model, executable schema, HTTP server',
  },
  {
    layer: 'app',
    paths: ['plan/', 'contract/', 'tools/', 'react/', 'generated/react.ts', 'testing/'],
    mayImport: ['leaf', 'transport', 'executor', 'api', 'root', 'fake platform', 'app'],
    holds: 'libraries on the SDK: plans, contract check, schema tools, React hooks, the msw kit',
  },
  {
    layer: 'front end',
    paths: ['cli/', 'console/'],
    mayImport: ['leaf', 'transport', 'executor', 'api', 'root', 'fake platform', 'app', 'front end'],
    holds: 'the boomi-spaces CLI and the web console',
  },
];

/**
 * KNOWN VIOLATIONS, each removed by another branch of issue 21; the merge empties this list (a
 * listed import that no longer exists fails the test too, so the list cannot go stale).
 */
const KNOWN_VIOLATIONS = new Set<string>([]);

const rows = LAYERS.flatMap(({ layer, paths }) => paths.map((path) => ({ path, layer })));
/** The layer of a file in src/: the row with the longest path that is the file or its folder. */
function layerOf(file: string): Layer | undefined {
  return rows
    .filter(({ path }) => (path.endsWith('/') ? file.startsWith(path) : file === path))
    .sort((a, b) => b.path.length - a.path.length)[0]?.layer;
}
const ruleOf = (layer: Layer) => LAYERS.find((row) => row.layer === layer)!;

const imports = [...graph].flatMap(([file, targets]) =>
  targets.map((target) => ({ from: name(file), to: name(target) })),
);

/** Each import that runs against the map, as `from → to` with the rule it breaks. */
function violations(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { from, to } of imports) {
    const [fromLayer, toLayer] = [layerOf(from), layerOf(to)];
    if (!fromLayer || !toLayer) continue;
    const rule = ruleOf(fromLayer);
    if (!rule.mayImport.includes(toLayer))
      found.set(
        `${from} → ${to}`,
        `${fromLayer} (${rule.holds}) may import ${rule.mayImport.join(', ')}; not ${toLayer}`,
      );
  }
  return found;
}

describe('the layers of src/', () => {
  it('puts every source file in one layer of the map', () => {
    expect(graph.size).toBeGreaterThan(100);
    const unmapped = [...graph.keys()].map(name).filter((file) => !layerOf(file));
    expect(
      unmapped.map((file) => `${file}: add its folder to LAYERS in ${'test/architecture/layers.test.ts'}`),
    ).toEqual([]);
  });

  it('has no import that runs back up a layer', () => {
    const found = violations();
    const offending = [...found]
      .filter(([edge]) => !KNOWN_VIOLATIONS.has(edge))
      .map(([edge, rule]) => `${edge}: ${rule}`);
    expect(offending).toEqual([]);
  });

  it('lists as known violations only imports that still exist and still break the map', () => {
    const found = violations();
    expect([...KNOWN_VIOLATIONS].filter((edge) => !found.has(edge))).toEqual([]);
  });

  it('reads the map as it is meant: the rules catch an import back up', () => {
    // Guards against a map that allows everything: these imports would each break it.
    const check = (from: string, to: string) => {
      const [fromLayer, toLayer] = [layerOf(from)!, layerOf(to)!];
      return ruleOf(fromLayer).mayImport.includes(toLayer);
    };
    expect(check('errors/SpacesError.ts', 'transport/anything.ts')).toBe(false);
    expect(check('transport/x.ts', 'executor/run.ts')).toBe(false);
    expect(check('executor/run.ts', 'api/createSpacesApi.ts')).toBe(false);
    expect(check('executor/createExecutor.ts', 'client/options.ts')).toBe(false);
    expect(check('api/x.ts', 'client/createSpacesClient.ts')).toBe(false);
    expect(check('client/createSpacesClient.ts', 'api/createSpacesApi.ts')).toBe(true);
    expect(check('tools/schemaDiff.ts', 'cli/output.ts')).toBe(false);
    expect(check('plan/index.ts', 'cli/commands/plan.ts')).toBe(false);
    expect(check('simulator/model/state.ts', 'api/payloads/schedules.ts')).toBe(false);
    expect(check('cli/commands/plan.ts', 'plan/index.ts')).toBe(true);
    expect(check('generated/operations.ts', 'client/callOptions.ts')).toBe(true);
  });
});
