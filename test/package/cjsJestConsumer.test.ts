import { spawnSync } from 'node:child_process';
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
// dependencies, and `preset: 'boomi-spaces'` (jest-preset.cjs) is the one line that fixes it.
let consumer: PackedConsumer;

beforeAll(() => {
  consumer = installPacked('.', 'boomi-spaces');
  consumer.write('tsconfig.json', commonJsJestTsconfig);
  consumer.write(
    'space.test.ts',
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
});
afterAll(() => consumer.remove());

/** Runs the consumer's jest with `config` as its whole jest.config.js. */
function jest(config: string) {
  consumer.write('jest.config.js', config);
  return spawnSync(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), '--ci'], {
    cwd: consumer.app,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

describe('CommonJS jest with boomi-spaces/testing, from the packed tarball', () => {
  it("fails under ts-jest's preset alone, on msw's ESM-only dependencies", () => {
    const run = jest(`module.exports = { preset: 'ts-jest', testEnvironment: 'node' };`);
    expect(run.stderr).toContain('Must use import to load ES Module');
    expect(run.status).not.toBe(0);
  });

  it("passes with the documented one line, preset: 'boomi-spaces'", () => {
    const run = jest(`module.exports = { preset: 'boomi-spaces' };`);
    expect(run.stderr).toContain('1 passed, 1 total');
    expect(run.status).toBe(0);
  });

  it("passes keeping ts-jest's preset, with the preset's moduleNameMapper", () => {
    const run = jest(
      `module.exports = { preset: 'ts-jest', moduleNameMapper: require('boomi-spaces/jest-preset').moduleNameMapper };`,
    );
    expect(run.stderr).toContain('1 passed, 1 total');
    expect(run.status).toBe(0);
  });
});
