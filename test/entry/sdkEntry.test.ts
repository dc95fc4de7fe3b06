import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-entry-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every module URL that importing `specifier` (as a user would, by package name) loads. */
let traces = 0;
function modulesLoadedBy(specifier: string): string[] {
  const traceFile = join(work, `trace-${++traces}.txt`);
  execFileSync(
    process.execPath,
    [
      '--import',
      join(root, 'test/support/trace-imports.mjs'),
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(specifier)});`,
    ],
    { cwd: root, env: { ...process.env, TRACE_IMPORTS_FILE: traceFile } },
  );
  return readFileSync(traceFile, 'utf8').trim().split('\n');
}

describe('the SDK entry (built)', () => {
  it('is built', () => {
    expect(existsSync(join(root, 'dist/index.js'))).toBe(true);
  });

  it('loads neither graphql, msw, React, yaml, the simulator, plans, test helpers nor (before a request) undici', () => {
    const loaded = modulesLoadedBy('boomi-spaces');
    expect(loaded.some((url) => url.endsWith('/dist/index.js'))).toBe(true);
    expect(loaded.some((url) => url.includes('/node_modules/@urql/core/'))).toBe(true);
    const forbidden = loaded.filter((url) =>
      /\/node_modules\/(graphql|msw|@mswjs|graphql-http|undici|react|react-dom|yaml)\/|\/dist\/(simulator|react|plan)\/|\/src\/|\/test\//.test(
        url,
      ),
    );
    expect(forbidden).toEqual([]);
  });

  it('exposes the testing kit as boomi-spaces/testing (which alone brings msw)', () => {
    const loaded = modulesLoadedBy('boomi-spaces/testing');
    expect(loaded.some((url) => url.endsWith('/dist/testing/index.js'))).toBe(true);
    expect(loaded.some((url) => url.includes('/node_modules/msw/'))).toBe(true);
  });

  it('exposes plans as boomi-spaces/plan (which alone brings the YAML parser), without graphql or the CLI', () => {
    const loaded = modulesLoadedBy('boomi-spaces/plan');
    expect(loaded.some((url) => url.endsWith('/dist/plan/index.js'))).toBe(true);
    expect(loaded.some((url) => url.includes('/node_modules/yaml/'))).toBe(true);
    expect(loaded.filter((url) => /\/node_modules\/(graphql|msw)\/|\/dist\/(cli|simulator)\//.test(url))).toEqual([]);
  });

  it('exposes the hooks as boomi-spaces/react (which alone brings React), without graphql', () => {
    const loaded = modulesLoadedBy('boomi-spaces/react');
    expect(loaded.some((url) => url.endsWith('/dist/react/index.js'))).toBe(true);
    expect(loaded.some((url) => url.includes('/node_modules/react/'))).toBe(true);
    expect(loaded.filter((url) => /\/node_modules\/(graphql|msw)\/|\/dist\/simulator\//.test(url))).toEqual([]);
  });

  it('exports the schema snapshot and the operations for consumers’ own codegen', () => {
    const resolve = (specifier: string) =>
      execFileSync(
        process.execPath,
        ['--input-type=module', '-e', `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`],
        { cwd: root, encoding: 'utf8' },
      ).trim();
    expect(fileURLToPath(resolve('boomi-spaces/schema.graphql'))).toBe(join(root, 'schema/boomi-spaces.graphql'));
    expect(fileURLToPath(resolve('boomi-spaces/operations/getSpace.graphql'))).toBe(
      join(root, 'operations/getSpace.graphql'),
    );
  });

  it('works from CommonJS: require() of the SDK, the testing kit and the simulator, a call over undici', () => {
    const script = `
      const { createSpacesClient, createJwtProvider } = require('boomi-spaces');
      const { createSpacesMock } = require('boomi-spaces/testing');
      const { startSimulator, DEMO } = require('boomi-spaces/simulator');
      (async () => {
        const simulator = await startSimulator();
        const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl });
        const client = createSpacesClient({ endpoint: simulator.url, getToken: jwt.getToken, spaceGuid: DEMO.spaceId });
        const space = await client.getSpace(DEMO.spaceId);
        await client.close();
        await simulator.close();
        console.log(JSON.stringify({ space: space.name, mock: typeof createSpacesMock }));
      })().catch((error) => { console.error(error); process.exit(1); });`;
    const output = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ space: 'Demo_Space', mock: 'function' });
  });

  it('exposes the simulator as boomi-spaces/simulator', () => {
    const loaded = modulesLoadedBy('boomi-spaces/simulator');
    expect(loaded.some((url) => url.endsWith('/dist/simulator/index.js'))).toBe(true);
  });
});
