import type { SpacesClient } from '../client/createSpacesClient.js';
import { CreateSpaceDocument, DeleteSpaceDocument, UpdateSpaceDocument } from '../generated/graphql.js';
import type { AnyDocument, ContractResult, Run } from './runner.js';
import { removeThrowaway, type CleanupOptions, type LeftBehind, type Throwaway } from './throwaway.js';

/**
 * With --allow-writes only: creates a throwaway Space (a name that must not exist yet), updates it
 * and deletes it, checking each answer. The Space is deleted even when a check fails or `signal`
 * stops the check (Ctrl+C), retried within the cleanup's deadline; what cannot be deleted is
 * returned, to be named in the report.
 */
export async function writeChecks(
  client: SpacesClient,
  run: Run,
  results: ContractResult[],
  { spaceName, accountGroupId }: { spaceName: string; accountGroupId: string },
  { signal, cleanup }: { signal?: AbortSignal; cleanup?: CleanupOptions } = {},
): Promise<LeftBehind[]> {
  let taken: boolean;
  try {
    taken = (await client.listSpaces(signal && { signal })).some((space) => space.name === spaceName);
  } catch (error) {
    // Stopped before anything was written: nothing to clean up.
    if (signal?.aborted) return [];
    throw error;
  }
  if (taken) {
    results.push({
      operation: 'createSpace',
      status: 'FAILED',
      drifts: [],
      note: `a Space named "${spaceName}" exists already: the throwaway Space must be a new name`,
    });
    return [];
  }
  if (signal?.aborted) return [];
  const space: Throwaway = { name: spaceName, accountGroupId };
  // From the createSpace request on, the Space may exist, even when its answer never comes.
  let gone = false;
  let left: LeftBehind | undefined;
  try {
    gone = await createUpdateDelete(client, run, results, space, signal);
  } finally {
    // A failed or interrupted check, or a failed delete: the cleanup looks, then deletes what is there.
    if (!gone) left = await removeThrowaway(space, client, cleanup);
  }
  return left ? [left] : [];
}

/** The three mutations; true when the deleteSpace check deleted the Space. */
async function createUpdateDelete(
  client: SpacesClient,
  run: Run,
  results: ContractResult[],
  space: Throwaway,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const { name, accountGroupId } = space;
  await run(
    'createSpace',
    CreateSpaceDocument as AnyDocument,
    { input: { name, accountGroupId, sharingMode: 'ACCOUNT_GROUP' } },
    (data) => ((space.id = (data.space as { id?: string } | null)?.id), {}),
    'mutation',
  );
  if (signal?.aborted) return false;
  // An unreadable listing leaves the id unknown: the cleanup looks for the name again.
  space.id ??= (await client.listSpaces(signal && { signal }).catch(() => [])).find((s) => s.name === name)?.id;
  if (!space.id || signal?.aborted) return false;
  await run(
    'updateSpace',
    UpdateSpaceDocument as AnyDocument,
    { input: { id: space.id, name, description: 'boomi-spaces contract check' } },
    undefined,
    'mutation',
  );
  if (signal?.aborted) return false;
  await run('deleteSpace', DeleteSpaceDocument as AnyDocument, { id: space.id }, undefined, 'mutation');
  return results.at(-1)?.status === 'OK';
}
