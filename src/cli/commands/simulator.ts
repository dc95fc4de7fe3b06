import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/server/startSimulator.js';
import { rootFieldIn } from '../../schema/dialects.js';
import { CliUsageError } from '../CliUsageError.js';
import type { Output } from '../output.js';

/** Starts the simulator and prints how to reach it; resolves once it is listening. */
export async function runSimulator(out: Output, options: SimulatorOptions): Promise<RunningSimulator> {
  let simulator: RunningSimulator;
  try {
    simulator = await startSimulator(options);
  } catch (error) {
    // Fault rates that add up to more than 1 are a usage error; a busy port is not.
    if (error instanceof RangeError) throw new CliUsageError(error.message);
    throw error;
  }
  const { credentials, platform } = simulator;
  const space = platform.state.spaces[0];
  const summary = {
    url: simulator.url,
    authUrl: simulator.authUrl,
    credentials,
    spaceId: space?.id,
    packs:
      platform.spaces()[0]?.sharedIpacks.map(({ id, name, installationType }) => ({ id, name, installationType })) ??
      [],
    environments: platform.state.environments.map(({ id, name, classification }) => ({ id, name, classification })),
    faults: simulator.faults.current,
    dialect: simulator.dialect,
  };
  out.result(summary, () => {
    out.line('Boomi Spaces simulator listening');
    out.line(`  GraphQL endpoint: ${simulator.url}`);
    out.line(
      `  dialect:          ${simulator.dialect} (one Space is \`${rootFieldIn(simulator.dialect, 'Space')}(id:)\`)`,
    );
    out.line(`  JWT endpoint:     ${simulator.authUrl}/${credentials.accountId}`);
    out.line(`  account ${credentials.accountId}, user ${credentials.username}, API token ${credentials.apiToken}`);
    if (space) out.line(`  space ${space.id} (${space.name}); use it as SPACE_GUID too`);
  });
  await out.table(
    ['PACK ID', 'NAME', 'INSTALL TYPE'],
    summary.packs.map((p) => [p.id, p.name, p.installationType]),
  );
  await out.table(
    ['ENVIRONMENT ID', 'NAME', 'CLASS'],
    summary.environments.map((e) => [e.id, e.name, e.classification]),
  );
  out.line('Try it from another shell:');
  out.line(
    `  export BOOMI_ENDPOINT=${simulator.url} BOOMI_AUTH_URL=${simulator.authUrl} BOOMI_ACCOUNT_ID=${credentials.accountId} ` +
      `BOOMI_USERNAME=${credentials.username} BOOMI_API_TOKEN=${credentials.apiToken}${space ? ` BOOMI_SPACE_GUID=${space.id}` : ''}`,
  );
  out.line(`  boomi-spaces space ${space?.id ?? '<spaceId>'}`);
  out.line('Press Ctrl+C to stop.');
  return simulator;
}
