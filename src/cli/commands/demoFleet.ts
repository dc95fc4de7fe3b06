import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyFleet } from '../../plan/fleet.js';
import { loadFleetFile } from '../../plan/fleetFile.js';
import { startSimulator } from '../../simulator/server/startSimulator.js';
import type { Dialect } from '../../schema/dialects.js';
import type { Output } from '../output.js';
import type { DemoSteps } from './demoLifecycle.js';

/** The demo's ending: one plan applied to three accounts of a simulator of their own, as `fleet apply` does. */
export async function fleetDemo(out: Output, { step, record }: DemoSteps, dialect: Dialect): Promise<void> {
  const simulator = await startSimulator({ dialect, accounts: 3 });
  const dir = mkdtempSync(join(tmpdir(), 'boomi-demo-fleet-'));
  try {
    const spaceId = simulator.platform.state.spaces[0]!.id;
    writeFileSync(
      join(dir, 'plan.yaml'),
      `space: ${spaceId}\ninstances:\n  - pack: Invoice Sync\n    name: \${account.id} invoices\n    environments: [Production]\n`,
    );
    const ids = [...simulator.accounts.keys()];
    writeFileSync(
      join(dir, 'fleet.yaml'),
      `plan: plan.yaml\nconcurrency: 3\naccounts:\n${ids
        .map(
          (id, i) =>
            `  - { id: ${id}, spaceGuid: ${spaceId}, credentials: { username: demo, apiToken: { fromEnv: TOKEN_${i} } } }`,
        )
        .join('\n')}\n`,
    );
    const env = Object.fromEntries(
      ids.map((id, i) => [`TOKEN_${i}`, simulator.accounts.get(id)!.credentials.apiToken]),
    );
    step('Apply one plan to a fleet of three accounts, as `boomi-spaces fleet apply` does');
    const fleet = await loadFleetFile(join(dir, 'fleet.yaml'), { env });
    const result = await applyFleet(fleet, {
      endpoint: simulator.url,
      authUrl: simulator.authUrl,
      env,
      journalDir: join(dir, 'journal'),
    });
    for (const a of result.accounts)
      out.note(`   ${a.id}: ${a.outcome} (${a.result?.totals.status.applied ?? 0} changes applied)`);
    record(
      'fleet apply',
      result.accounts.map((a) => ({ id: a.id, outcome: a.outcome })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await simulator.close();
  }
}
