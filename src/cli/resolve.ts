// Names people type, resolved to the ids the API takes, by the one rule of api/findOne.ts. A name
// that matches nothing, or several things, is a usage error listing what exists or the ids to use.
import { NameLookupError, findOne, type FindOneOptions } from '../api/findOne.js';
import type { Environment } from '../api/types.js';
import type { Process } from '../api/lifecycle/types.js';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { CliUsageError } from './CliUsageError.js';
import { show } from './output.js';

function pick<T extends { id: string; name: string | null }>(
  items: readonly T[],
  wanted: string,
  what: FindOneOptions<T>['what'],
): T {
  try {
    return findOne(items, wanted, { what });
  } catch (error) {
    throw error instanceof NameLookupError ? new CliUsageError(error.message) : error;
  }
}

/** An environment by name or id. */
export async function resolveEnvironment(client: SpacesClient, nameOrId: string): Promise<Environment> {
  return pick(await client.listEnvironments(), nameOrId, 'environment');
}

/** A process of an instance by name or id. */
export async function resolveProcess(client: SpacesClient, instanceId: string, nameOrId: string): Promise<Process> {
  return pick(await client.listProcesses(instanceId), nameOrId, 'process');
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
