import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/server/startSimulator.js';
import { rootFieldIn } from '../../schema/dialects.js';
import { FLEET_RATE_LIMIT } from '../../simulator/platform/fleetLimits.js';
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
    // The first account's switches: a fleet's shared plan starts empty, each account draws its own.
    faults: simulator.accounts.get(credentials.accountId)!.faults.current,
    dialect: simulator.dialect,
    ...(options.accounts !== undefined && { fleet: fleetSummary(simulator, options) }),
  };
  out.result(summary, () => {
    out.line('Boomi Spaces simulator listening');
    out.line(`  GraphQL endpoint: ${simulator.url}`);
    out.line(
      `  dialect:          ${simulator.dialect} (one Space is \`${rootFieldIn(simulator.dialect, 'Space')}(id:)\`)`,
    );
    out.line(`  JWT endpoint:     ${simulator.authUrl}/${summary.fleet ? '<account id>' : credentials.accountId}`);
    if (summary.fleet) printFleet(out, summary.fleet);
    else
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
  if (summary.fleet) {
    const { last } = summary.fleet;
    out.line(`  BOOMI_ACCOUNT_ID=${last} BOOMI_API_TOKEN=token-${last} boomi-spaces instances`);
  }
  out.line('Press Ctrl+C to stop.');
  return simulator;
}

/** What a fleet's banner says: its ids, the token rule and the limit each account has. */
function fleetSummary(simulator: RunningSimulator, options: SimulatorOptions) {
  const ids = [...simulator.accounts.keys()];
  return {
    accounts: ids.length,
    first: ids[0]!,
    last: ids.at(-1)!,
    apiToken: 'token-<account id>',
    anyUsername: true,
    requestsPerSecond: options.rateLimit ?? FLEET_RATE_LIMIT,
  };
}

function printFleet(out: Output, fleet: ReturnType<typeof fleetSummary>): void {
  out.line(`  accounts:         ${fleet.accounts}, ${fleet.first} … ${fleet.last}, each its own data and faults`);
  out.line(`                    and at most ${fleet.requestsPerSecond} requests/s (429 with Retry-After above)`);
  out.line(`  API token:        token-<account id> (e.g. token-${fleet.first}), for any username`);
}
