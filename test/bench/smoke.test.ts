import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const root = fileURLToPath(new URL('../../', import.meta.url));

// Every benchmark once, tiny, so none of them rots; the numbers are not judged here (see BENCHMARKS.md).
describe('npm run bench -- --smoke --json', () => {
  it('runs every benchmark and reports every key', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bench/run.mjs', '--smoke', '--json'], {
      cwd: root,
      maxBuffer: 10 * 1024 * 1024,
    });
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      smoke: true,
      machine: { node: process.version },
      overheadRatio: expect.any(Number),
      workflowSpeedup: expect.any(Number),
      jwtCalls: expect.any(Number),
      jwtBound: expect.any(Number),
      cliStartRatio: expect.any(Number),
      bundleGzipBytes: expect.any(Number),
      bundleHasGraphql: expect.any(Boolean),
      bundleHasUndici: expect.any(Boolean),
      browserBundleGzipBytes: expect.any(Number),
      tableLinearity: expect.any(Number),
      firstRunUnresolvedShare: expect.any(Number),
      runsToConverge: expect.any(Number),
      peerRatio: expect.any(Number),
      undiciRatio: expect.any(Number),
      soakHeapGrowthBytes: expect.any(Number),
      rateLimit429s: { paced: 0, unpaced: expect.any(Number) },
      adaptivePacing: { answers429: expect.any(Number), failed: 0 },
      kitFirstRequestMs: expect.any(Number),
    });
    for (const key of ['overheadRatio', 'workflowSpeedup', 'cliStartRatio'])
      expect(report[key] as number).toBeGreaterThan(0);
    // These two are facts, not timings: they hold on any machine.
    expect(report.bundleHasGraphql).toBe(false);
    expect(report.bundleHasUndici).toBe(false);
    expect(report.jwtCalls as number).toBeLessThanOrEqual(report.jwtBound as number);
    expect((report.faultyApply as { duplicates: number }).duplicates).toBe(0);
    expect(report.fleet).toMatchObject({ duplicateInstances: 0, duplicateAttachments: 0 });
  });
});
