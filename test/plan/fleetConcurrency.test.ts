// The `concurrency` run option overrides the fleet file's, within the same bounds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FleetError, loadFleetFile, planFleet, type FleetAccount } from 'boomi-spaces/plan';
import { createSpacesClient } from '../../src/client/createSpacesClient.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';

const ids = ['fleet-001', 'fleet-002', 'fleet-003', 'fleet-004', 'fleet-005', 'fleet-006'];
const env = Object.fromEntries(ids.map((id) => [`T${id.slice(-3)}`, `token-${id}`]));
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ accounts: ids.length });
});
afterAll(() => simulator.close());

async function fleetOf(concurrency: number) {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-concurrency-'));
  writeFileSync(
    join(dir, 'plan.yaml'),
    `space: ${DEMO.spaceId}\ninstances:\n  - pack: Order Intake\n    environments: [Production]\n`,
  );
  writeFileSync(
    join(dir, 'fleet.yaml'),
    `plan: ./plan.yaml\nconcurrency: ${concurrency}\naccounts:\n${ids
      .map(
        (id) =>
          `  - { id: ${id}, spaceGuid: ${DEMO.spaceId}, credentials: { username: u, apiToken: { fromEnv: T${id.slice(-3)} } } }`,
      )
      .join('\n')}\n`,
  );
  return loadFleetFile(join(dir, 'fleet.yaml'), { env });
}

/** A connect that counts the accounts whose client is open at once. */
function counting() {
  const seen = { open: 0, peak: 0 };
  const connect = (account: FleetAccount) => {
    const client = createSpacesClient({
      endpoint: simulator.url,
      spaceGuid: account.spaceGuid,
      jwt: {
        accountId: account.id,
        username: 'u',
        apiToken: account.credentials.apiToken(),
        authUrl: simulator.authUrl,
      },
    });
    seen.peak = Math.max(seen.peak, ++seen.open);
    const close = client.close.bind(client);
    return Object.assign(client, { close: () => (seen.open--, close()) });
  };
  return { seen, connect };
}

describe('planFleet concurrency', () => {
  it('runs the fleet file’s concurrency by default, the option’s when given', async () => {
    const fleet = await fleetOf(1);
    const byFile = counting();
    await planFleet(fleet, { connect: byFile.connect, env });
    const byOption = counting();
    const result = await planFleet(fleet, { connect: byOption.connect, env, concurrency: 3 });
    expect(result.accounts.map((a) => a.outcome)).toEqual(ids.map(() => 'changed'));
    expect([byFile.seen.peak, byOption.seen.peak]).toEqual([1, 3]);
  });

  it('refuses a concurrency outside 1 to 64 before connecting', async () => {
    const fleet = await fleetOf(2);
    for (const concurrency of [0, 65, 1.5]) {
      const { seen, connect } = counting();
      const error = await planFleet(fleet, { connect, env, concurrency }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FleetError);
      expect((error as FleetError).message).toContain('from 1 to 64');
      expect(seen.peak).toBe(0);
    }
  });
});
