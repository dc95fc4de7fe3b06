import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { DEMO } from '../../src/simulator/model/seed.js';
import { runCli } from '../support/cli.js';
import { demoEnv, useSimulator } from '../support/simulator.js';

// JWTs that live 20 s: a long apply refreshes them as it goes.
const currentSimulator = useSimulator({ jwtTtlSeconds: 20 });
const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-long-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface ApplyDocument {
  failed: number;
  results: Array<{ ok: boolean; error?: { code: string } }>;
}

describe('a long apply rides out transient faults', () => {
  it('60 instances (+60 attachments) under 30% lost answers, 10% 503, 10% 429: ≤ 1% unresolved, converged on the second run, never a duplicate', async () => {
    const simulator = currentSimulator();
    // Retry-After 0 keeps the test quick; bench/faultyApply.mjs runs 1000 instances with Retry-After 1.
    simulator.faults.set({
      dropAfterExecuteRate: 0.3,
      unavailableRate: 0.1,
      rateLimitedRate: 0.1,
      retryAfterSeconds: 0,
      seed: 11,
    });
    const file = join(work, 'plan.yaml');
    const entries = Array.from(
      { length: 60 },
      (_, i) => `  - pack: Invoice Sync\n    name: tenant-${i}\n    environments: [Test]\n`,
    );
    writeFileSync(file, `space: ${DEMO.spaceId}\nspaceGuid: ${DEMO.spaceId}\ninstances:\n${entries.join('')}`);
    const env = demoEnv(simulator);

    const first = await runCli(['apply', file, '--yes', '--json', '--batch-size', '10'], { env });
    const document = JSON.parse(first.stdout) as ApplyDocument;
    expect(document.results).toHaveLength(120);
    expect(document.failed).toBeLessThanOrEqual(1);

    const second = await runCli(['apply', file, '--yes', '--json'], { env });
    expect(second.code).toBe(0);
    const names = simulator.platform.state.instances.map((i) => i.integrationPackOverrideName);
    expect(names).toHaveLength(60);
    expect(new Set(names).size).toBe(60);
    expect(simulator.platform.state.attachments).toHaveLength(60);
  });
});
