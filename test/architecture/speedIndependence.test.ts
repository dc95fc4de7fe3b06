// No test may depend on the machine's speed. Jest's per-test timeout is a hang guard, set once in
// jest.config.js far above any test's running time on a loaded machine; a test that names its own,
// shorter limit, or asserts that real time stayed under a bound, fails where the machine is slow
// (a fresh clone on a busy 2-core machine timed out a CLI test at jest's 5 s default).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { default: config } = (await import(pathToFileURL(join(root, 'jest.config.js')).href)) as {
  default: { testTimeout?: number };
};

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = [...testFiles(join(root, 'test')), ...testFiles(join(root, 'examples'))].map((path) => ({
  name: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

describe('tests that do not depend on the machine’s speed', () => {
  it('one generous hang guard for every test', () => {
    expect(config.testTimeout).toBeGreaterThanOrEqual(120_000);
  });

  it('no test or hook sets a timeout of its own', () => {
    expect(files.length).toBeGreaterThan(40);
    // A number or a constant after a test's or hook's closing brace: its own timeout.
    const offenders = files.flatMap(({ name, text }) =>
      [...text.matchAll(/\},\s*(?:\d[\d_]*|[A-Z][A-Z0-9_]*),?\s*\);/g)].map(
        (m) => `${name}: ${m[0].replace(/\s+/g, ' ')}`,
      ),
    );
    const fileWide = files.filter(({ text }) => /jest\.setTimeout\(/.test(text)).map(({ name }) => name);
    expect(offenders).toEqual([]);
    expect(fileWide).toEqual([]);
  });

  it('no test asserts that real time stayed under a bound', () => {
    // On a fake clock (jest.useFakeTimers) elapsed time is the test's own: only real time is refused.
    const offenders = files
      .filter(({ text }) => !text.includes('useFakeTimers'))
      .flatMap(({ name, text }) =>
        [...text.matchAll(/(?:Date|performance)\.now\(\) - \w+\)\.toBeLessThan/g)].map((m) => `${name}: ${m[0]}`),
      );
    expect(offenders).toEqual([]);
  });
});
