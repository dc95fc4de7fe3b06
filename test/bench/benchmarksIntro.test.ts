// BENCHMARKS.md's intro names the benchmarks `npm run bench` runs: the same names as bench/run.mjs,
// so the intro does not go stale when one is added.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('BENCHMARKS.md intro', () => {
  it('names every benchmark bench/run.mjs runs, and no other', () => {
    const run = [...read('bench/run.mjs').matchAll(/wanted\('(\w+)'\)/g)].map((m) => m[1]);
    const intro = read('BENCHMARKS.md').split('\n\n')[1]!;
    const named = /names are those `--only` takes \(([^)]*)\)/.exec(intro)?.[1];
    expect(named?.match(/`(\w+)`/g)?.map((n) => n.slice(1, -1))).toEqual(run);
    expect(run.length).toBeGreaterThan(5);
  });
});
