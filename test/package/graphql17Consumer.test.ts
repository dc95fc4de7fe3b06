// The packed tarball in a project with graphql 17 at its root (npm's `latest`, the first step of any
// graphql-codegen setup), laid out as npm lays it out: boomi-spaces keeps its graphql 16 nested, while
// graphql-http and @graphql-inspector/core, whose peer ranges allow 17, sit at the root beside 17.
// Their graphql and ours are then two copies: no object of one may reach the other's functions.
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { installPacked, repoRoot, simulatorCall, type PackedConsumer } from '../support/packedConsumer.js';

const packageDir = (name: string) => join(repoRoot, 'node_modules', name);

let consumer: PackedConsumer;
const node = (args: string[]) => consumer.node(args);

beforeAll(() => {
  consumer = installPacked('.', 'boomi-spaces');
  const modules = join(consumer.app, 'node_modules');
  symlinkSync(packageDir('graphql17'), join(modules, 'graphql'));
  mkdirSync(join(consumer.installed, 'node_modules'));
  symlinkSync(packageDir('graphql'), join(consumer.installed, 'node_modules/graphql'));
  // Copied, not linked: Node resolves a package's imports from its real path, and theirs must find 17.
  for (const name of ['graphql-http', '@graphql-inspector/core'])
    cpSync(packageDir(name), join(modules, name), { recursive: true });
});
afterAll(() => consumer.remove());

describe('the packed tarball beside graphql 17 at the consumer’s root', () => {
  it('is laid out as npm lays it out: its own graphql 16, graphql 17 for the rest', () => {
    consumer.write(
      'versions.cjs',
      `const { createRequire } = require('node:module');
       const major = (path) => createRequire(require.resolve(path))('graphql').versionInfo.major;
       console.log(['graphql', 'boomi-spaces', 'graphql-http', '@graphql-inspector/core'].map(major).join(' '));`,
    );
    expect(node(['versions.cjs']).trim()).toBe('17 16 17 17');
  });

  it('answers the testing kit’s requests (msw)', () => {
    consumer.write(
      'kit.mjs',
      `import { setupServer } from 'msw/node';
       import { createSpacesClient } from 'boomi-spaces';
       import { createSpacesMock, DEMO } from 'boomi-spaces/testing';
       const server = setupServer(...createSpacesMock().handlers);
       server.listen({ onUnhandledRequest: 'error' });
       const client = createSpacesClient({ token: 't', spaceGuid: DEMO.spaceId });
       const spaces = await client.listSpaces();
       const missing = await client.getSpace('no-such-space').catch((error) => error.code);
       server.close();
       console.log(spaces.map((space) => space.name).join(), missing);`,
    );
    expect(node(['kit.mjs']).trim()).toBe('Demo_Space SPACE_NOT_FOUND');
  });

  it('answers a query through the SDK from the simulator (CommonJS)', () => {
    consumer.write(
      'simulator.cjs',
      `const { createSpacesClient, createJwtProvider } = require('boomi-spaces');
       const { startSimulator, DEMO } = require('boomi-spaces/simulator');
       (async () => { ${simulatorCall('"ok"')} })();`,
    );
    expect(node(['simulator.cjs']).trim()).toBe('Demo_Space ok');
  });

  it('diffs schemas: one added field is one safe change', () => {
    const snapshot = readFileSync(join(consumer.installed, 'schema/boomi-spaces.graphql'), 'utf8');
    consumer.write('candidate.graphql', snapshot.replace('type Query {', 'type Query {\n  addedField: String'));
    const cli = join(consumer.installed, 'dist/cli/main.js');
    const report = JSON.parse(node([cli, 'schema', 'diff', 'candidate.graphql', '--json'])) as {
      changes: Array<{ criticality: string; path: string }>;
      exitCode: number;
    };
    expect(report.changes).toEqual([
      expect.objectContaining({ criticality: 'NON_BREAKING', path: 'Query.addedField' }),
    ]);
    expect(report.exitCode).toBe(0);
  });
});
