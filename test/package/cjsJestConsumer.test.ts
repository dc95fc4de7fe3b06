import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  commonJsJestTsconfig,
  installPacked,
  repoRoot as root,
  type PackedConsumer,
} from '../support/packedConsumer.js';

// A CommonJS jest project (ts-jest, node environment) testing its code with boomi-spaces/testing and
// its own msw server, on the packed tarball: jest's CommonJS runtime cannot load msw's ESM-only
// dependencies, and `preset: 'boomi-spaces'` (jest-preset.cjs) is the one line that fixes it. A test
// on the simulator (no msw) needs no more than ts-jest's usual preset.
// The three configs are three projects of one jest run (one start of jest, not three), each in a
// folder of its own whose jest.config.js is the whole config the test names; `--json` tells each
// folder's result apart.
const configs = {
  alone: `module.exports = { preset: 'ts-jest', testEnvironment: 'node' };`,
  preset: `module.exports = { preset: 'boomi-spaces' };`,
  mapper: `module.exports = { preset: 'ts-jest', moduleNameMapper: require('boomi-spaces/jest-preset').moduleNameMapper };`,
};
type Project = keyof typeof configs;
interface FileResult {
  name: string;
  status: string;
  message: string;
  assertionResults: Array<{ status: string }>;
}
let consumer: PackedConsumer;
let results: FileResult[];

beforeAll(() => {
  consumer = installPacked('.', 'boomi-spaces');
  consumer.write('tsconfig.json', commonJsJestTsconfig);
  for (const [project, config] of Object.entries(configs)) {
    consumer.write(`${project}/jest.config.js`, config);
    consumer.write(
      `${project}/space.test.ts`,
      `import { setupServer } from 'msw/node';
       import { createSpacesClient } from 'boomi-spaces';
       import { createSpacesMock, DEMO } from 'boomi-spaces/testing';
       const mock = createSpacesMock();
       const server = setupServer(...mock.handlers);
       beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
       afterAll(() => server.close());
       it('reads the demo Space through the kit', async () => {
         const client = createSpacesClient({ token: 'test-token', spaceGuid: DEMO.spaceId });
         const space = await client.getSpace(DEMO.spaceId);
         expect(space.name).toBe('Demo_Space');
         expect(mock.requests.length).toBeGreaterThan(0);
       });`,
    );
  }
  consumer.write(
    'alone/sdk.test.ts',
    `import { createJwtProvider, createSpacesClient, type SpacesClient } from 'boomi-spaces';
     import { DEMO, startSimulator, type RunningSimulator } from 'boomi-spaces/simulator';
     let simulator: RunningSimulator;
     let client: SpacesClient;
     beforeAll(async () => {
       simulator = await startSimulator();
       const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl });
       client = createSpacesClient({ endpoint: simulator.url, getToken: jwt.getToken, spaceGuid: DEMO.spaceId });
     });
     afterAll(async () => {
       await client.close();
       await simulator.close();
     });
     it('installs a pack', async () => {
       const instance = await client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
       expect(simulator.platform.state.instances.map((i) => i.id)).toEqual([instance.id]);
     });`,
  );
  const projects = Object.keys(configs).map((project) => `<rootDir>/${project}`);
  consumer.write('jest.config.js', `module.exports = { projects: ${JSON.stringify(projects)} };`);
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/jest/bin/jest.js'), '--ci', '--runInBand', '--json', '--outputFile=results.json'],
    { cwd: consumer.app, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  // Exit 1 is the failing project's (the first test's point); anything else is jest itself failing.
  if (run.status !== 1) throw new Error(`jest ended ${run.status}:\n${run.stderr}`);
  results = (JSON.parse(readFileSync(join(consumer.app, 'results.json'), 'utf8')) as { testResults: FileResult[] })
    .testResults;
});
afterAll(() => consumer.remove());

/** The result of the project's test file. */
function resultOf(project: Project, file = 'space.test.ts'): FileResult {
  const matching = results.filter((result) => result.name === join(consumer.app, project, file));
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

describe('CommonJS jest with boomi-spaces/testing, from the packed tarball', () => {
  it("fails under ts-jest's preset alone, on msw's ESM-only dependencies", () => {
    const result = resultOf('alone');
    expect(result.message).toContain('Must use import to load ES Module');
    expect(result.status).toBe('failed');
  });

  it("passes with the documented one line, preset: 'boomi-spaces'", () => {
    const result = resultOf('preset');
    expect(result.assertionResults.map((test) => test.status)).toEqual(['passed']);
    expect(result.status).toBe('passed');
  });

  it("passes keeping ts-jest's preset, with the preset's moduleNameMapper", () => {
    const result = resultOf('mapper');
    expect(result.assertionResults.map((test) => test.status)).toEqual(['passed']);
    expect(result.status).toBe('passed');
  });

  it('runs a test on the simulator under the usual CommonJS ts-jest preset', () => {
    const result = resultOf('alone', 'sdk.test.ts');
    expect(result.assertionResults.map((test) => test.status)).toEqual(['passed']);
    expect(result.status).toBe('passed');
  });
});
