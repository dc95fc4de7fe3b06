import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

// @boomi-spaces/sdk from its packed tarball, in a project inside this repository (so its two
// dependencies resolve offline from our node_modules); the simulator it talks to is ours.
const root = fileURLToPath(new URL('../../', import.meta.url));
const simulatorEntry = join(root, 'dist/simulator/index.js');
let work: string;
let app: string;
let installed: string;
const node = (args: string[]) =>
  execFileSync(process.execPath, args, { cwd: app, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
const write = (file: string, text: string) => writeFileSync(join(app, file), text);
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };

function* filesUnder(dir: string, prefix = ''): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) yield* filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`);
    else yield `${prefix}${entry.name}`;
  }
}

beforeAll(() => {
  work = mkdtempSync(join(root, '.tmp-consumer-sdk-'));
  execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: join(root, 'packages/sdk') });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  app = join(work, 'app');
  mkdirSync(join(app, 'node_modules/@boomi-spaces'), { recursive: true });
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', join(app, 'node_modules/@boomi-spaces')]);
  installed = join(app, 'node_modules/@boomi-spaces/sdk');
  renameSync(join(app, 'node_modules/@boomi-spaces/package'), installed);
  write('package.json', JSON.stringify({ name: 'sdk-consumer', private: true }));
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const call = `
  const simulator = await startSimulator();
  const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl });
  const client = createSpacesClient({ endpoint: simulator.url, getToken: jwt.getToken, spaceGuid: DEMO.spaceId });
  const space = await client.getSpace(DEMO.spaceId);
  await client.close();
  await simulator.close();
  console.log(space.name, typeof SpacesError);`;

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
    expect([...seen].sort()).toEqual(['@0no-co/graphql.web', '@boomi-spaces/sdk', '@urql/core', 'wonka', 'zod']);
    expect(manifestOf(installed).version).toBe(manifestOf(root).version);
  });

  it('holds the SDK and nothing of the CLI, simulator, testing kit or tools; its types need no undici', () => {
    const files = [...filesUnder(installed)];
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist-cjs/index.js');
    expect(files).toContain('dist/transport/http/undiciSender.js');
    expect(files.filter((f) => /^dist(-cjs)?\/(cli|simulator|testing|tools|contract|plan)\//.test(f))).toEqual([]);
    const sources = files.filter((f) => /\.(js|d\.ts)$/.test(f)).map((f) => readFileSync(join(installed, f), 'utf8'));
    expect(sources.filter((text) => /from 'graphql'|require\("graphql"\)/.test(text))).toEqual([]);
    const declarations = files.filter((f) => f.endsWith('.d.ts'));
    expect(declarations.filter((f) => readFileSync(join(installed, f), 'utf8').includes("'undici'"))).toEqual([]);
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

  it('type-checks a consumer without skipLibCheck', () => {
    write(
      'use.ts',
      `import { createSpacesClient, SpacesError, type GetSpaceQuery } from '@boomi-spaces/sdk';
       const client = createSpacesClient({ token: 't' });
       export async function name(id: string): Promise<string> {
         try {
           const space: GetSpaceQuery['space'] = await client.getSpace(id);
           return space?.name ?? '';
         } catch (error) {
           return error instanceof SpacesError ? error.code : 'other';
         }
       }`,
    );
    node([join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', 'use.ts']);
  }, 60_000);
});
