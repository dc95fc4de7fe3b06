// Names people type, resolved to the ids the API takes, by the one rule of api/findOne.ts. A name
// that matches nothing, or several things, is a usage error listing what exists or the ids to use.
import { NameLookupError, findOne, type FindOneOptions } from '../api/findOne.js';
import { findSpaceId } from '../api/findSpace.js';
import type { Environment, SharedIntegrationPack, Space } from '../api/types.js';
import type { Process } from '../api/lifecycle/types.js';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { CliUsageError } from './CliUsageError.js';
import { quote } from '../text/printable.js';
import { show } from './output.js';

function pick<T>(items: readonly T[], wanted: string, options: FindOneOptions<T>): T {
  try {
    return findOne(items, wanted, options);
  } catch (error) {
    throw asUsageError(error, options.what);
  }
}

/** A failed lookup as a usage error saying where the candidates are listed; any other error as it is. */
function asUsageError(error: unknown, what: string): unknown {
  if (!(error instanceof NameLookupError)) return error;
  // A miss keeps the code the platform gives an unknown id of its kind: scripts match on it.
  const code = error.reason === 'missing' ? MISSING_CODE[what] : undefined;
  return new CliUsageError(`${error.message}${NEXT[what] ?? ''}`, code);
}

/** The platform's code for an unknown id of each kind. */
const MISSING_CODE: Record<string, string> = {
  instance: 'IPACK_INSTANCE_ID_INVALID',
  pack: 'IPACK_NOT_FOUND_IN_SPACE',
  Space: 'SPACE_NOT_FOUND',
};

/** Where the candidates of a failed lookup are listed in full. */
const NEXT: Record<string, string> = {
  environment: '; `boomi-spaces environments` lists them',
  instance: '; `boomi-spaces instances` lists them',
  process: '; `boomi-spaces processes <instance>` lists them',
  pack: '; `boomi-spaces space <spaceId>` lists the packs a Space shares',
  Space: '; `boomi-spaces spaces` lists them',
};

/** An environment by name or id. */
export async function resolveEnvironment(client: SpacesClient, nameOrId: string): Promise<Environment> {
  return pick(await client.listEnvironments(), nameOrId, { what: 'environment' });
}

/** Environments by name or id, listed once. */
export async function resolveEnvironments(client: SpacesClient, namesOrIds: readonly string[]): Promise<Environment[]> {
  const environments = await client.listEnvironments();
  return namesOrIds.map((wanted) => pick(environments, wanted, { what: 'environment' }));
}

/** An instance by id or name: its override name, else its pack's name (a SINGLE pack's one instance). */
export async function resolveInstance(
  client: SpacesClient,
  nameOrId: string,
): Promise<{ id: string; name: string | null }> {
  const instance = pick(await client.listIntegrationPackInstances(), nameOrId, {
    what: 'instance',
    nameOf: (i) => i.integrationPackOverrideName ?? i.integrationPack?.name ?? null,
  });
  return { id: instance.id, name: instance.integrationPackOverrideName ?? instance.integrationPack?.name ?? null };
}

/** An instance and one of its processes, each by name or id. */
export async function resolveInstanceProcess(
  client: SpacesClient,
  instance: string,
  nameOrId: string,
): Promise<{ instanceId: string; process: Process }> {
  const { id } = await resolveInstance(client, instance);
  return { instanceId: id, process: pick(await client.listProcesses(id), nameOrId, { what: 'process' }) };
}

/** A process of an instance, both by name or id. */
export async function resolveProcess(client: SpacesClient, instance: string, nameOrId: string): Promise<Process> {
  return (await resolveInstanceProcess(client, instance, nameOrId)).process;
}

/** A pack a Space shares, by id or name. */
export function resolvePack(space: Space, nameOrId: string): SharedIntegrationPack {
  return pick(space.sharedIpacks, nameOrId, { what: 'pack', within: `shared by Space ${quote(space.name)}` });
}

/** A Space's id from its id or name, by the one rule of api/findSpace.ts, among the Spaces `listSpaces` gives. */
export async function resolveSpaceId(
  nameOrId: string,
  listSpaces: () => Promise<ReadonlyArray<{ id: string; name: string }>>,
  field?: string,
): Promise<string> {
  try {
    return await findSpaceId(nameOrId, listSpaces, field);
  } catch (error) {
    throw asUsageError(error, 'Space');
  }
}

/**
 * Splits `<component>.<setting>` where the component's name may hold dots itself ("CRM (OAuth 2.0)"):
 * the first split whose left side names a known component wins.
 */
export function splitSetting(
  key: string,
  components: ReadonlyArray<{ id: string; name: string }>,
  flag: string,
): { component: string; setting: string } {
  for (let at = key.indexOf('.'); at !== -1; at = key.indexOf('.', at + 1)) {
    const component = key.slice(0, at);
    if (components.some((c) => c.name === component || c.id === component))
      return { component, setting: key.slice(at + 1) };
  }
  const known = components.map((c) => `"${show(c.name)}"`).join(', ') || 'none';
  throw new CliUsageError(`${flag} ${show(key)}: expected <name>.<setting> where <name> is one of ${known}`);
}
