// Where each account of a fleet stands: its instances and their environments, whether it drifted
// from the plan, and the last execution of each process.
import type { SpacesClient } from '../client/createSpacesClient.js';
import type { FleetAccount, FleetFile } from './fleetFile.js';
import { eachAccount, failureOf, type FleetRunOptions } from './fleetRun.js';
import { planChanges } from './planChanges.js';

/** One process of an instance and its last execution (none in the window looked at). */
export interface FleetProcessStatus {
  id: string;
  name: string;
  last?: { executionId: string; status: string; executionTime: string; message: string | null };
}

/** One instance of an account: its pack, override name, environments and processes. */
export interface FleetInstanceStatus {
  id: string;
  pack: string;
  name: string | null;
  environments: string[];
  processes: FleetProcessStatus[];
}

/** Where one account stands; `error` when it could not be read (the other fields may be missing). */
export interface FleetAccountStatus {
  id: string;
  name?: string;
  instances?: FleetInstanceStatus[];
  /** Applying the plan would change something. */
  drift?: boolean;
  error?: { code: string; message: string };
}

/** How {@link fleetStatus} reads. */
export interface FleetStatusOptions extends FleetRunOptions {
  /** Executions looked at start here. Default: 30 days ago. */
  since?: Date | undefined;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Reads each account of the fleet (up to its concurrency at once): instances, attachments, drift
 * against the plan, and the last execution of each process. Changes nothing; an account that cannot
 * be read carries its `error` and the others go on.
 *
 * @example
 * ```ts
 * import { fleetStatus, loadFleetFile } from 'boomi-spaces/plan';
 *
 * const { accounts } = await fleetStatus(await loadFleetFile('fleet.yaml'));
 * for (const a of accounts) console.log(a.id, a.drift ? 'drifted' : 'as planned', a.error?.code ?? '');
 * ```
 */
export async function fleetStatus(
  fleet: FleetFile,
  options: FleetStatusOptions = {},
): Promise<{ accounts: FleetAccountStatus[] }> {
  const since = options.since ?? new Date(Date.now() - 30 * DAY);
  const base = (account: FleetAccount) => ({ id: account.id, ...(account.name && { name: account.name }) });
  const accounts = await eachAccount<FleetAccountStatus>(fleet, options, {
    work: async (client, account, signal) => ({
      ...base(account),
      ...(await read(client, account, since, { ...options, signal })),
    }),
    failed: (account, error) => ({ ...base(account), error: failureOf(error) }),
  });
  return { accounts };
}

async function read(client: SpacesClient, account: FleetAccount, since: Date, options: FleetStatusOptions) {
  const call = options.signal ? { signal: options.signal } : {};
  const [instances, environments, planned] = await Promise.all([
    client.listIntegrationPackInstances(call),
    client.listEnvironments(call),
    planChanges(client, account.plan, { ...call, variables: options.env ?? process.env }),
  ]);
  const attached = new Map<string, string[]>();
  for (const environment of environments)
    for (const a of environment.integrationPackEnvironmentAttachment)
      attached.set(a.integrationPackInstanceId, [
        ...(attached.get(a.integrationPackInstanceId) ?? []),
        environment.name,
      ]);
  const statuses: FleetInstanceStatus[] = [];
  for (const instance of instances) {
    const processes = await client.listProcesses(instance.id, call);
    statuses.push({
      id: instance.id,
      pack: instance.integrationPack?.name ?? instance.integrationPackId,
      name: instance.integrationPackOverrideName,
      environments: attached.get(instance.id) ?? [],
      processes: await Promise.all(
        processes.map(async (p): Promise<FleetProcessStatus> => {
          const last = (await client.listExecutions({ processId: p.id, since }, call)).at(-1);
          return {
            id: p.id,
            name: p.name,
            ...(last && {
              last: {
                executionId: last.executionId,
                status: last.status,
                executionTime: last.executionTime,
                message: last.message,
              },
            }),
          };
        }),
      ),
    });
  }
  return { instances: statuses, drift: planned.changes.length > 0 };
}
