// Fleets through the library alone (boomi-spaces/plan): the fleet file, its variables and their
// errors, one account failing while the others converge, an abort mid-apply then resume.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyFleet, FleetError, loadFleetFile, planFleet, type FleetEvent } from 'boomi-spaces/plan';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';

const PLAN = `space: ${DEMO.spaceId}
instances:
  - pack: Order Intake
    environments: [Production]
  - pack: Invoice Sync
    name: \${account.name} \${vars.region}
    environments: [Production]
`;
const TOKENS = { T1: 'token-fleet-001', T2: 'token-fleet-002', T3: 'token-fleet-003' };

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ accounts: 3 });
});
afterAll(() => simulator.close());

/** A fresh folder with the plan and a fleet file of the three accounts (`extra` replaces parts). */
function fleetDir(accounts?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-'));
  writeFileSync(join(dir, 'plan.yaml'), PLAN);
  writeFileSync(
    join(dir, 'fleet.yaml'),
    `plan: ./plan.yaml
concurrency: 2
defaults:
  credentials: { username: ops@partner.example, apiToken: { fromEnv: T1 } }
accounts:
${
  accounts ??
  [1, 2, 3]
    .map(
      (n) =>
        `  - id: fleet-00${n}\n    name: Acme${n}\n    spaceGuid: ${DEMO.spaceId}\n    credentials: { apiToken: { fromEnv: T${n} } }\n    vars: { region: EU }`,
    )
    .join('\n')
}
`,
  );
  return dir;
}
const options = (dir: string) => ({
  endpoint: simulator.url,
  authUrl: simulator.authUrl,
  env: TOKENS,
  journalDir: join(dir, 'journal'),
});
const instancesOf = (id: string) => simulator.accounts.get(id)!.platform.state.instances;

describe('loadFleetFile', () => {
  it('fills each account’s variables into its plan and keeps the token out of JSON', async () => {
    const fleet = await loadFleetFile(join(fleetDir(), 'fleet.yaml'), { env: TOKENS });
    expect(fleet.concurrency).toBe(2);
    expect(fleet.accounts.map((a) => a.plan.plan.instances[1]!.name)).toEqual(['Acme1 EU', 'Acme2 EU', 'Acme3 EU']);
    expect(fleet.accounts[1]!.credentials.apiToken()).toBe('token-fleet-002');
    expect(JSON.stringify(fleet)).not.toContain('token-fleet');
  });

  it('refuses an unknown variable, naming the account, the variable and the plan’s line', async () => {
    const dir = fleetDir(`  - id: acme\n    spaceGuid: g\n    vars: { place: EU }`);
    const error = await loadFleetFile(join(dir, 'fleet.yaml'), { env: TOKENS }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FleetError);
    const message = (error as FleetError).message;
    expect(message).toContain('plan.yaml:6: instances[1].name: unknown variable ${account.name} for account acme');
    expect(message).toContain('unknown variable ${vars.region} for account acme');
    expect((error as FleetError).code).toBe('INVALID_FLEET');
  });

  it('refuses a literal secret, an unset token variable and duplicate ids, with file and line', async () => {
    const dir = fleetDir(
      [
        `  - { id: a, spaceGuid: g, vars: { region: EU }, name: A, credentials: { apiToken: literal-secret } }`,
        `  - { id: b, spaceGuid: g, vars: { region: EU }, name: B, credentials: { apiToken: { fromEnv: NOPE } } }`,
        `  - { id: b, spaceGuid: g, vars: { region: EU }, name: B }`,
      ].join('\n'),
    );
    const error = (await loadFleetFile(join(dir, 'fleet.yaml'), { env: TOKENS }).catch(
      (e: unknown) => e,
    )) as FleetError;
    expect(error.message).toMatch(
      /fleet\.yaml:6: accounts\[0\]\.credentials\.apiToken: a secret is read from an environment variable only/,
    );
    const twice = fleetDir(
      [
        `  - { id: b, spaceGuid: g, vars: { region: EU }, name: B }`,
        `  - { id: b, spaceGuid: g, vars: { region: EU }, name: B }`,
      ].join('\n'),
    );
    await expect(loadFleetFile(join(twice, 'fleet.yaml'), { env: TOKENS })).rejects.toThrow(
      'fleet.yaml:7: accounts[1].id: duplicates accounts[0].id b',
    );
    expect(error.message).not.toContain('literal-secret');
    const unset = fleetDir(
      `  - { id: b, spaceGuid: g, vars: { region: EU }, name: B, credentials: { apiToken: { fromEnv: NOPE } } }`,
    );
    await expect(loadFleetFile(join(unset, 'fleet.yaml'), { env: TOKENS })).rejects.toThrow(
      'fleet.yaml:6: accounts[0].credentials.apiToken: the environment variable NOPE (the API token of account b) is not set',
    );
  });
});

describe('planFleet and applyFleet', () => {
  it('one account with a bad token fails while the others converge; the plan then shows no change', async () => {
    const dir = fleetDir();
    const fleet = await loadFleetFile(join(dir, 'fleet.yaml'), { env: { ...TOKENS, T2: 'wrong-token' } });
    const before = await planFleet(fleet, { ...options(dir), only: ['fleet-001', 'fleet-003'] });
    expect(before.accounts.map((a) => a.outcome)).toEqual(['changed', 'changed']);
    const done: string[] = [];
    const result = await applyFleet(fleet, { ...options(dir), onAccountDone: (a) => done.push(a.id) });
    expect(result.accounts.map((a) => [a.id, a.outcome])).toEqual([
      ['fleet-001', 'converged'],
      ['fleet-002', 'failed'],
      ['fleet-003', 'converged'],
    ]);
    expect(done.sort()).toEqual(['fleet-001', 'fleet-002', 'fleet-003']);
    expect(result.accounts[1]!.error?.code).toMatch(/UNAUTHENTICATED|AUTH/);
    expect(result.totals.status.applied).toBe(8);
    expect(
      instancesOf('fleet-003')
        .map((i) => i.integrationPackOverrideName)
        .sort(),
    ).toEqual(['Acme3 EU', null]);
    const after = await planFleet(fleet, { ...options(dir), only: ['fleet-001', 'fleet-003'] });
    expect(after.accounts.map((a) => a.outcome)).toEqual(['converged', 'converged']);
    const journal = readFileSync(join(dir, 'journal', `${result.runId}.jsonl`), 'utf8');
    expect(journal).not.toMatch(/token-fleet|wrong-token/);
    expect(journal).toContain('"op":"installMany"');
  });

  it('aborted part way, then resumed: every account converges with nothing installed twice', async () => {
    const dir = fleetDir(
      [4, 5, 6]
        .map(
          (n) =>
            `  - { id: fleet-00${n}, name: Acme${n}, spaceGuid: ${DEMO.spaceId}, vars: { region: US }, credentials: { apiToken: { fromEnv: T${n} } } }`,
        )
        .join('\n'),
    );
    // The simulator above has three accounts: this fleet runs against one of its own.
    const own = await startSimulator({ accounts: 6 });
    try {
      const env = { T4: 'token-fleet-004', T5: 'token-fleet-005', T6: 'token-fleet-006' };
      const fleet = await loadFleetFile(join(dir, 'fleet.yaml'), { env });
      const run = { endpoint: own.url, authUrl: own.authUrl, env, journalDir: join(dir, 'journal') };
      const abort = new AbortController();
      const seen: FleetEvent[] = [];
      const first = await applyFleet(fleet, {
        ...run,
        signal: abort.signal,
        onEvent: (event) => {
          seen.push(event);
          if (event.type === 'outcome' && seen.filter((e) => e.type === 'outcome').length === 2) abort.abort();
        },
      });
      expect(first.accounts.some((a) => a.outcome !== 'converged')).toBe(true);
      const second = await applyFleet(fleet, { ...run, resume: true });
      expect(second.runId).toBe(first.runId);
      expect(second.accounts.map((a) => a.outcome)).toEqual(['converged', 'converged', 'converged']);
      for (const n of [4, 5, 6]) {
        const id = `fleet-00${n}`;
        const instances = own.accounts.get(id)!.platform.state.instances;
        expect(instances.map((i) => i.integrationPackOverrideName).sort()).toEqual([`Acme${n} US`, null]);
        expect(
          own.accounts
            .get(id)!
            .platform.state.attachments.filter((a) => instances.some((i) => i.id === a.integrationPackInstanceId)),
        ).toHaveLength(2);
      }
      const again = await applyFleet(fleet, { ...run, resume: true });
      expect(again.accounts.every((a) => a.resumed)).toBe(true);
    } finally {
      await own.close();
    }
  });
});
