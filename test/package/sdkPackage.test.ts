import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  danglingDocLinks,
  filesUnder,
  installPacked,
  repoRoot as root,
  simulatorCall,
  type PackedConsumer,
} from '../support/packedConsumer.js';

// @boomi-spaces/sdk from its packed tarball in a consumer's project (see installPacked): its two
// dependencies resolve offline from our node_modules; the simulator it talks to is ours.
const simulatorEntry = join(root, 'dist/simulator/index.js');
let consumer: PackedConsumer;
let installed: string;
const node = (args: string[]) => consumer.node(args);
const write = (file: string, text: string) => consumer.write(file, text);
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    exports: Record<string, unknown>;
    typesVersions: Record<string, Record<string, string[]>>;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };

beforeAll(() => {
  consumer = installPacked('packages/sdk', '@boomi-spaces/sdk');
  installed = consumer.installed;
});
afterAll(() => consumer.remove());

const call = simulatorCall('typeof SpacesError');
/** What installing @boomi-spaces/sdk installs beside it. */
const DEPENDENCIES = ['@0no-co/graphql.web', '@urql/core', 'wonka', 'zod'];

// The React test's component and a plain consumer's module, type-checked in one program without
// skipLibCheck (the React one alone skipped it): each test judges its own file and the libraries.
const checked: Record<string, string> = {
  'Packs.tsx': `import { createSpacesClient } from '@boomi-spaces/sdk';
     import { SpacesProvider, useGetSpace } from '@boomi-spaces/sdk/react';
     function Packs({ id }: { id: string }) {
       const { data } = useGetSpace({ id });
       return <ul>{data?.space.sharedIpacks.map((pack) => <li key={pack.id}>{pack.name}</li>)}</ul>;
     }
     export const app = <SpacesProvider client={createSpacesClient({ token: 't' })}><Packs id="s" /></SpacesProvider>;`,
  'use.ts': `import { createSpacesClient, SpacesError, type GetSpaceQuery } from '@boomi-spaces/sdk';
     const client = createSpacesClient({ token: 't' });
     export async function name(id: string): Promise<string> {
       try {
         const space: GetSpaceQuery['space'] = await client.getSpace(id);
         return space?.name ?? '';
       } catch (error) {
         return error instanceof SpacesError ? error.code : 'other';
       }
     }`,
};
let errors: string[] | undefined;
/** The errors of the one check (run by whichever test asks first) in `file` or in the libraries. */
function errorsOf(file: string): string[] {
  if (!errors) {
    for (const [name, text] of Object.entries(checked)) write(name, text);
    errors = consumer.tscErrors(Object.keys(checked), ['--jsx', 'react-jsx']);
  }
  const others = Object.keys(checked).filter((name) => name !== file);
  return errors.filter((text) => !others.some((other) => text.startsWith(other)));
}

describe('@boomi-spaces/sdk, the SDK-only package', () => {
  it('installs at most 5 packages: itself, @urql/core (with @0no-co/graphql.web and wonka) and zod', () => {
    // What npm installs: dependencies and non-optional peers, transitively (versions from our lock).
    const seen = new Set<string>();
    const visit = (dir: string) => {
      const manifest = manifestOf(dir);
      if (seen.has(manifest.name)) return;
      seen.add(manifest.name);
      const optional = manifest.peerDependenciesMeta ?? {};
      const peers = Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optional[name]?.optional);
      for (const name of [...Object.keys(manifest.dependencies ?? {}), ...peers])
        visit(join(root, 'node_modules', name));
    };
    visit(installed);
    expect([...seen].sort()).toEqual(['@boomi-spaces/sdk', ...DEPENDENCIES].sort());
    expect(manifestOf(installed).version).toBe(manifestOf(root).version);
  });

  it('holds the SDK and nothing of the CLI, simulator, testing kit or tools; its types need no undici', () => {
    const files = [...filesUnder(installed)];
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist-cjs/index.js');
    expect(files).toContain('dist/transport/http/undiciSender.js');
    expect(files.filter((f) => /^dist(-cjs)?\/(cli|console|simulator|testing|tools|contract|plan)\//.test(f))).toEqual(
      [],
    );
    const sources = files.filter((f) => /\.(js|d\.ts)$/.test(f)).map((f) => readFileSync(join(installed, f), 'utf8'));
    expect(sources.filter((text) => /from 'graphql'|require\("graphql"\)/.test(text))).toEqual([]);
    const declarations = files.filter((f) => f.endsWith('.d.ts'));
    expect(declarations.filter((f) => readFileSync(join(installed, f), 'utf8').includes("'undici'"))).toEqual([]);
  });

  it('holds every page its docs link to and its messages name (SCHEMA_DRIFT names docs/schema-and-contract.md)', () => {
    expect(existsSync(join(installed, 'docs/schema-and-contract.md'))).toBe(true);
    expect(danglingDocLinks(installed)).toEqual([]);
  });

  it('works from an ES module', () => {
    write(
      'esm.mjs',
      `import { createSpacesClient, createJwtProvider, SpacesError } from '@boomi-spaces/sdk';
       import { startSimulator, DEMO } from ${JSON.stringify(simulatorEntry)};
       ${call}`,
    );
    expect(node(['esm.mjs']).trim()).toBe('Demo_Space function');
  });

  it('works from CommonJS', () => {
    write(
      'cjs.cjs',
      `const { createSpacesClient, createJwtProvider, SpacesError } = require('@boomi-spaces/sdk');
       (async () => {
         const { startSimulator, DEMO } = await import(${JSON.stringify(simulatorEntry)});
         ${call}
       })();`,
    );
    expect(node(['cjs.cjs']).trim()).toBe('Demo_Space function');
  });

  it('has the React hooks too, as @boomi-spaces/sdk/react (React an optional peer)', () => {
    expect(errorsOf('Packs.tsx')).toEqual([]);
    write('hooks.cjs', `const react = require('@boomi-spaces/sdk/react'); console.log(typeof react.useInstallIpack);`);
    expect(node(['hooks.cjs']).trim()).toBe('function');
  });

  it('type-checks a consumer without skipLibCheck', () => {
    expect(errorsOf('use.ts')).toEqual([]);
  });

  it('exposes every subpath of boomi-spaces, with the same targets, but the CLI-side ones it leaves out', () => {
    // Each of these needs what the SDK package must not install (graphql, yaml, msw, commander).
    const leftOut: Record<string, string> = {
      './simulator': 'graphql and graphql-http',
      './plan': 'yaml, and the plan files of the CLI',
      './testing': 'msw and the simulator',
      './jest-preset': 'the testing kit',
    };
    const full = manifestOf(root);
    const small = manifestOf(installed);
    const expected = Object.fromEntries(Object.entries(full.exports).filter(([subpath]) => !(subpath in leftOut)));
    expect(small.exports).toEqual(expected);
    expect(Object.keys(leftOut).filter((subpath) => !(subpath in full.exports))).toEqual([]);
    const typesFor = (manifest: typeof full) =>
      Object.keys(manifest.typesVersions['*'] ?? {}).filter((subpath) => !(`./${subpath}` in leftOut));
    expect(typesFor(small).sort()).toEqual(typesFor(full).sort());
  });

  it('has the codegen helper, the schema and the operations its exports point at, from ESM and CommonJS', () => {
    write(
      'codegen.cjs',
      `const { existsSync } = require('node:fs');
       const { codegenConfig, schema } = require('@boomi-spaces/sdk/codegen');
       const config = codegenConfig({ documents: 'ops/*.graphql', output: 'gen.ts' });
       console.log(JSON.stringify([existsSync(schema), config.schema === schema,
         require.resolve('@boomi-spaces/sdk/schema.graphql') === schema,
         existsSync(require.resolve('@boomi-spaces/sdk/operations/getSpace.graphql'))]));`,
    );
    expect(JSON.parse(node(['codegen.cjs']))).toEqual([true, true, true, true]);
    write(
      'codegen.mjs',
      `import { existsSync } from 'node:fs';
       import { schema } from '@boomi-spaces/sdk/codegen';
       console.log(existsSync(schema) && schema.includes('@boomi-spaces'));`,
    );
    expect(node(['codegen.mjs']).trim()).toBe('true');
  });
});

// The SDK as its users install it: outside this repository, with its dependencies and nothing else,
// so `graphql` (which @urql/core's declarations import) does not resolve. Checked as such a project
// is, under exactOptionalPropertyTypes, where a `process.env` value is `string | undefined`.
const [readmeExample] = [
  ...readFileSync(join(root, 'packages/sdk/README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g),
].map((match) => match[1]!);
const checkedAlone: Record<string, string> = {
  'typed.mts': `import { createSpacesClient, GetSpaceDocument, ListSpacesDocument } from '@boomi-spaces/sdk';
     import type { GetSpaceQuery, ListSpacesQuery } from '@boomi-spaces/sdk';
     import { createSpacesCore } from '@boomi-spaces/sdk/functions';
     type Typed<T> = 0 extends 1 & T ? 'any' : T extends object ? 'typed' : 'not an object';
     const client = createSpacesClient({ token: process.env.BOOMI_JWT });
     const core = createSpacesCore({ token: process.env.BOOMI_JWT });
     const listed = await client.execute(ListSpacesDocument);
     const space = await client.execute(GetSpaceDocument, { id: 'space-id' });
     const viaCore = await core.execute(ListSpacesDocument);
     export const results: [ListSpacesQuery, GetSpaceQuery, ListSpacesQuery] = [listed, space, viaCore];
     export const typed: ['typed', 'typed', 'typed'] = [
       'typed' as Typed<typeof listed>, 'typed' as Typed<typeof space>, 'typed' as Typed<typeof viaCore>,
     ];
     export const names = [listed.spaces?.length, space.space?.name, viaCore.spaces?.length];
     // @ts-expect-error getSpace takes its variables
     await client.execute(GetSpaceDocument);
     // @ts-expect-error and they are typed
     await client.execute(GetSpaceDocument, { id: 1 });`,
  'readme.mts': `${readmeExample}\nexport {};`,
  'options.mts': `import { createJwtProvider, createSpacesClient } from '@boomi-spaces/sdk';
     import { createSpacesCore, jwtTokenSource, listSpaces } from '@boomi-spaces/sdk/functions';
     const env = process.env;
     const credentials = { accountId: 'acme', username: 'me', apiToken: 't', authUrl: env.AUTH_URL, otp: env.OTP };
     const client = createSpacesClient({
       endpoint: env.BOOMI_ENDPOINT, region: undefined, jwt: credentials, spaceGuid: env.SPACE_GUID,
       headers: undefined, connections: undefined, attemptTimeoutMs: undefined, logger: undefined,
       retry: { maxAttempts: undefined, baseDelayMs: undefined, budget: undefined },
       rateLimit: { requestsPerSecond: undefined },
     });
     const jwt = createJwtProvider({ ...credentials, region: undefined, retry: undefined, timeoutMs: undefined });
     await jwt.getToken({ forceRefresh: undefined, signal: undefined });
     const call = { signal: undefined, timeoutMs: undefined, deadline: undefined, maxAttempts: undefined };
     await client.listSpaces(call);
     await client.installIntegrationPack(
       { integrationPackId: 'p', integrationPackOverrideName: env.NAME, spaceId: env.SPACE_GUID }, call);
     await client.installMany([], { batchSize: undefined, reuseExisting: undefined, onResult: undefined });
     await client.searchCatalog({ searchTerm: env.TERM, offset: undefined, limit: undefined });
     await client.createSpace({ name: 'n', accountGroupId: 'g', description: env.DESCRIPTION, accountIds: undefined });
     await client.runProcess({ processId: 'p', atomId: 'a' }, { wait: undefined, pollIntervalMs: undefined });
     await listSpaces(createSpacesCore({ jwt: jwtTokenSource(credentials), spaceGuid: env.SPACE_GUID }), call);`,
};

describe('@boomi-spaces/sdk alone, without graphql', () => {
  let alone: PackedConsumer;
  let aloneErrors: string[] | undefined;
  beforeAll(() => {
    alone = installPacked('packages/sdk', '@boomi-spaces/sdk', {
      packages: [...DEPENDENCIES, '@types/node', 'undici-types'],
    });
  });
  afterAll(() => alone.remove());
  /** The errors of the one check (run by whichever test asks first) in `file` or in the libraries. */
  const errorsAlone = (file: string) => {
    if (!aloneErrors) {
      for (const [name, text] of Object.entries(checkedAlone)) alone.write(name, text);
      aloneErrors = alone.tscErrors(Object.keys(checkedAlone), ['--exactOptionalPropertyTypes']);
    }
    const others = Object.keys(checkedAlone).filter((name) => name !== file);
    return aloneErrors.filter((text) => !others.some((other) => text.startsWith(other)));
  };

  it('has no graphql package to resolve', () => {
    alone.write(
      'resolve.cjs',
      `try { require.resolve('graphql'); console.log('found'); } catch { console.log('none'); }`,
    );
    expect(alone.node(['resolve.cjs']).trim()).toBe('none');
  });

  it('keeps the result and variables types of typed documents, for execute and a core’s execute', () => {
    expect(errorsAlone('typed.mts')).toEqual([]);
  });

  it('compiles the README’s example, its spaceGuid a process.env value (string | undefined)', () => {
    expect(readmeExample).toContain('spaceGuid: process.env.SPACE_GUID');
    expect(errorsAlone('readme.mts')).toEqual([]);
  });

  it('takes process.env values and undefined for the optional options of the client, its methods and calls', () => {
    expect(errorsAlone('options.mts')).toEqual([]);
  });
});
