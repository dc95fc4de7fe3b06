// One AbortSignal shared by a whole fleet run (and by applyPlan over many accounts): every request
// adds its abort listener for as long as it is under way and removes it after, so the listeners
// never pile up; a fleet run or an applyPlan listens to the caller's signal once, and its requests
// to its own (Node warns at 11: MaxListenersExceededWarning).
import { getEventListeners } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyFleet, applyPlan, loadFleetFile, parsePlan } from 'boomi-spaces/plan';
import { createSpacesClient } from '../../src/client/createSpacesClient.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';

const ACCOUNTS = 12;
const ids = Array.from({ length: ACCOUNTS }, (_, n) => `fleet-${String(n + 1).padStart(3, '0')}`);
const PLAN = `space: ${DEMO.spaceId}\ninstances:\n  - pack: Order Intake\n    environments: [Production]\n`;
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ accounts: ACCOUNTS });
});
afterAll(() => simulator.close());

describe('one AbortSignal for many accounts', () => {
  it('holds no abort listener once each account’s applyPlan has ended', async () => {
    const plan = parsePlan(PLAN, 'plan.yaml');
    const signal = new AbortController().signal;
    const left: number[] = [];
    for (let n = 1; n <= ACCOUNTS; n++) {
      const id = `fleet-${String(n).padStart(3, '0')}`;
      const client = createSpacesClient({
        endpoint: simulator.url,
        spaceGuid: DEMO.spaceId,
        jwt: { accountId: id, username: 'ops@partner.example', apiToken: `token-${id}`, authUrl: simulator.authUrl },
      });
      try {
        const result = await applyPlan(client, plan, { signal });
        expect(result.totals.status.failed).toBe(0);
      } finally {
        await client.close();
      }
      left.push(getEventListeners(signal, 'abort').length);
    }
    expect(left).toEqual(Array.from({ length: ACCOUNTS }, () => 0));
  });

  it('adds one listener to the caller’s signal per applyPlan, however many requests each has in flight', async () => {
    const plan = parsePlan(PLAN.replace('[Production]', '[Production, Test]'), 'plan.yaml');
    const signal = new AbortController().signal;
    const peak = peakListeners(signal);
    const warnings = collectWarnings();
    const clients = ids.slice(0, 6).map((id) =>
      createSpacesClient({
        endpoint: simulator.url,
        spaceGuid: DEMO.spaceId,
        jwt: { accountId: id, username: 'ops@partner.example', apiToken: `token-${id}`, authUrl: simulator.authUrl },
      }),
    );
    try {
      const results = await Promise.all(clients.map((client) => applyPlan(client, plan, { signal })));
      expect(results.map((r) => r.totals.status.failed)).toEqual(clients.map(() => 0));
    } finally {
      warnings.stop();
      await Promise.all(clients.map((client) => client.close()));
    }
    expect({ peak: peak(), left: getEventListeners(signal, 'abort').length }).toEqual({ peak: 6, left: 0 });
    expect(warnings.names).not.toContain('MaxListenersExceededWarning');
  });

  it('adds one listener to the caller’s signal for a whole fleet run, and none is left after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-signal-'));
    writeFileSync(join(dir, 'plan.yaml'), PLAN.replace('Order Intake', 'Invoice Sync\n    name: Second'));
    writeFileSync(
      join(dir, 'fleet.yaml'),
      `plan: ./plan.yaml\nconcurrency: 8\naccounts:\n${ids
        .map(
          (id) =>
            `  - id: ${id}\n    spaceGuid: ${DEMO.spaceId}\n    credentials: { username: u, apiToken: { fromEnv: T${id.slice(-3)} } }`,
        )
        .join('\n')}\n`,
    );
    const env = Object.fromEntries(ids.map((id) => [`T${id.slice(-3)}`, `token-${id}`]));
    const fleet = await loadFleetFile(join(dir, 'fleet.yaml'), { env });
    const signal = new AbortController().signal;
    const peak = peakListeners(signal);
    const warnings = collectWarnings();
    try {
      const result = await applyFleet(fleet, {
        endpoint: simulator.url,
        authUrl: simulator.authUrl,
        env,
        signal,
        journalDir: join(dir, 'journal'),
      });
      expect(result.accounts.map((a) => a.outcome)).toEqual(ids.map(() => 'converged'));
    } finally {
      warnings.stop();
    }
    expect({ peak: peak(), left: getEventListeners(signal, 'abort').length }).toEqual({ peak: 1, left: 0 });
    expect(warnings.names).not.toContain('MaxListenersExceededWarning');
  });
});

/** The most abort listeners `signal` held at once from now on. */
function peakListeners(signal: AbortSignal): () => number {
  let peak = 0;
  const add = signal.addEventListener.bind(signal);
  signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
    add(...args);
    peak = Math.max(peak, getEventListeners(signal, 'abort').length);
  };
  return () => peak;
}

/** The names of the process warnings emitted until `stop`. */
function collectWarnings(): { names: string[]; stop: () => void } {
  const names: string[] = [];
  const onWarning = (warning: Error) => names.push(warning.name);
  process.on('warning', onWarning);
  return { names, stop: () => process.off('warning', onWarning) };
}
