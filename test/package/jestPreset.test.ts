// `preset: 'boomi-spaces'` in a plain-JavaScript CommonJS project without ts-jest: jest starts with its
// own transform rather than failing on the preset's. The project lies outside this repository (the
// system's temporary folder), so our own ts-jest is out of its reach, as it is out of a consumer's;
// jest itself runs from our node_modules. With ts-jest (a TypeScript project), the preset's transform
// is ts-jest's: test/package/cjsJestConsumer.test.ts runs that case on the packed tarball.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from '@jest/globals';
import { repoRoot } from '../support/packedConsumer.js';

const app = mkdtempSync(join(tmpdir(), 'boomi-spaces-preset-'));
afterAll(() => rmSync(app, { recursive: true, force: true }));

it("runs a JavaScript project's tests under preset: 'boomi-spaces' without ts-jest", () => {
  const installed = join(app, 'node_modules/boomi-spaces');
  mkdirSync(installed, { recursive: true });
  copyFileSync(join(repoRoot, 'jest-preset.cjs'), join(installed, 'jest-preset.cjs'));
  writeFileSync(join(installed, 'package.json'), JSON.stringify({ name: 'boomi-spaces' }));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(join(app, 'jest.config.js'), `module.exports = { preset: 'boomi-spaces' };`);
  writeFileSync(join(app, 'sum.test.js'), `it('adds', () => { expect(1 + 1).toBe(2); });`);
  const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules/jest/bin/jest.js'), '--ci'], {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  expect(run.stderr).not.toContain('ts-jest');
  expect(run.stderr).toContain('Tests:       1 passed, 1 total');
  expect(run.status).toBe(0);
});
