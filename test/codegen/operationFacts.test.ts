import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { OPERATION_FACTS } from '../../src/generated/operationFacts.js';

interface Facts {
  kind: string;
  idempotent: boolean;
  needsSpaceGuid: boolean;
  refreshes: string[];
  why?: string;
}
const { readOperationFacts } = createRequire(import.meta.url)('../../codegen/facts.cjs') as {
  readOperationFacts: (documents: unknown[]) => Map<string, Facts>;
};
const root = fileURLToPath(new URL('../../', import.meta.url));

/** codegen's view of some operation files (no such path on disk, so their text is read from rawSDL). */
const files = (sources: Record<string, string>) =>
  Object.entries(sources).map(([name, text]) => ({
    location: `/nowhere/operations/${name}.graphql`,
    rawSDL: text,
    document: parse(text),
  }));
const LIST = 'query listThings { spaces { id } }';

describe('the facts operations declare in their `# @…` lines', () => {
  it('defaults queries to idempotent and mutations to not, and reads each tag', () => {
    const facts = readOperationFacts(
      files({
        listThings: `# A listing.\n# @needsSpaceGuid\n${LIST}`,
        addThing: '# @refreshes listThings\nmutation addThing { spaceDelete(id: "x") }',
        setThing: '# @idempotent it sets a value\n# @refreshes nothing\nmutation setThing { spaceDelete(id: "x") }',
      }),
    );
    expect(Object.fromEntries(facts)).toEqual({
      addThing: {
        kind: 'mutation',
        idempotent: false,
        needsSpaceGuid: false,
        refreshes: ['listThings'],
        refreshesLine: 1,
      },
      listThings: { kind: 'query', idempotent: true, needsSpaceGuid: true, refreshes: [] },
      setThing: {
        kind: 'mutation',
        idempotent: true,
        why: 'it sets a value',
        needsSpaceGuid: false,
        refreshes: [],
        refreshesLine: 2,
      },
    });
  });

  it.each([
    [
      'a mutation without @refreshes',
      { m: 'mutation m { spaceDelete(id: "x") }' },
      /operations\/m\.graphql: mutation m declares no `# @refreshes`/,
    ],
    ['an unknown tag', { q: `# @idempotnet\n${LIST}` }, /operations\/q\.graphql:1: unknown tag @idempotnet/],
    [
      '@idempotent without its reason',
      { m: '# @idempotent\n# @refreshes nothing\nmutation m { spaceDelete(id: "x") }' },
      /:1: @idempotent needs its reason/,
    ],
    ['@refreshes on a query', { q: `# @refreshes nothing\n${LIST}` }, /:1: @refreshes is for mutations/],
    [
      'a refreshed name that is no query of ours',
      { m: '# @refreshes listThing\nmutation m { spaceDelete(id: "x") }' },
      /:1: @refreshes listThing, which is not one of our queries/,
    ],
    [
      'a tag declared twice',
      { q: `# @needsSpaceGuid\n# @needsSpaceGuid\n${LIST}` },
      /:2: @needsSpaceGuid is declared twice/,
    ],
  ])('refuses %s, naming the file and line', (_what, sources, message) => {
    expect(() => readOperationFacts(files(sources))).toThrow(message);
  });

  it('are what docs/reliability.md says about idempotent mutations', () => {
    const readme = readFileSync(new URL('../../docs/reliability.md', import.meta.url), 'utf8');
    const table = /\| mutation \| why it is safe to repeat \|\n\| --- \| --- \|\n((?:\|.*\n)+)/.exec(readme)?.[1] ?? '';
    const listed = [...table.matchAll(/^\| `(\w+)`/gm)].map((m) => m[1]);
    const declared = Object.entries(OPERATION_FACTS)
      .filter(([, facts]) => facts.kind === 'mutation' && facts.idempotent)
      .map(([name]) => name);
    expect(listed.sort()).toEqual(declared.sort());
    expect(declared.length).toBeGreaterThan(0);
  });
});

describe('adding a read-only operation', () => {
  // Both scenarios in one codegen process: an operation file each, in folders beside the repository's.
  let runs: Array<{ files?: Record<string, string>; error?: string }>;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'boomi-spaces-codegen-'));
    const glob = (scenario: string, file: string, text: string) => {
      mkdirSync(join(dir, scenario, 'operations'), { recursive: true });
      writeFileSync(join(dir, scenario, 'operations', file), text);
      return join(dir, scenario, 'operations/*.graphql');
    };
    const globs = [
      glob(
        'read',
        'listSpaceNames.graphql',
        '# The names of the Spaces.\nquery listSpaceNames { spaces { id name } }\n',
      ),
      glob('write', 'renameThing.graphql', 'mutation renameThing($id: ID!) { spaceDelete(id: $id) }\n'),
    ];
    try {
      // Under NODE_ENV=test (jest's) codegen's task list leaves out why a task failed.
      const { NODE_ENV: _test, ...env } = process.env;
      const script = fileURLToPath(new URL('generateInMemory.mjs', import.meta.url));
      const out = execFileSync(process.execPath, [script, JSON.stringify(globs)], { cwd: root, encoding: 'utf8', env });
      runs = JSON.parse(out) as typeof runs;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs only its file: codegen gives it a typed function, a hook and its facts', () => {
    const run = runs[0] ?? {};
    expect(run.error).toBeUndefined();
    const generated = (file: string) => run.files?.[`src/generated/${file}`] ?? '';
    expect(generated('operationFacts.ts')).toContain(
      "listSpaceNames: { kind: 'query', idempotent: true, needsSpaceGuid: false, refreshes: [] },",
    );
    expect(generated('operations.ts')).toContain('export function listSpaceNames(execute: OperationExecutor');
    expect(generated('operations.ts')).toContain("listSpaceNames: { kind: 'query'");
    expect(generated('react.ts')).toContain(
      "export function useListSpaceNames(options?: QueryHookOptions): QueryState<'listSpaceNames'>",
    );
    expect(generated('graphql.ts')).toContain('export const ListSpaceNamesDocument');
  });

  it('while a mutation without `# @refreshes` stops codegen, naming its file', () => {
    const run = runs[1] ?? {};
    expect(run.files).toBeUndefined();
    expect(run.error).toContain('operations/renameThing.graphql: mutation renameThing declares no `# @refreshes` line');
  });
});
