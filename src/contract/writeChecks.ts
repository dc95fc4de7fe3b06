import type { SpacesClient } from '../client/createSpacesClient.js';
import { CreateSpaceDocument, DeleteSpaceDocument, UpdateSpaceDocument } from '../generated/graphql.js';
import type { AnyDocument, ContractResult, Run } from './runner.js';

/**
 * With --allow-writes only: creates a throwaway Space (a name that must not exist yet), updates it
 * and deletes it, checking each answer. The Space is deleted even when a check fails.
 */
export async function writeChecks(
  client: SpacesClient,
  run: Run,
  results: ContractResult[],
  { spaceName, accountGroupId }: { spaceName: string; accountGroupId: string },
): Promise<void> {
  if ((await client.listSpaces()).some((space) => space.name === spaceName)) {
    results.push({
      operation: 'createSpace',
      status: 'FAILED',
      drifts: [],
      note: `a Space named "${spaceName}" exists already: the throwaway Space must be a new name`,
    });
    return;
  }
  let id: string | undefined;
  try {
    await run(
      'createSpace',
      CreateSpaceDocument as AnyDocument,
      { input: { name: spaceName, accountGroupId, sharingMode: 'ACCOUNT_GROUP' } },
      (data) => ((id = (data.space as { id?: string } | null)?.id), {}),
      'mutation',
    );
    id ??= (await client.listSpaces()).find((space) => space.name === spaceName)?.id;
    if (!id) return;
    await run(
      'updateSpace',
      UpdateSpaceDocument as AnyDocument,
      { input: { id, name: spaceName, description: 'boomi-spaces contract check' } },
      undefined,
      'mutation',
    );
    await run('deleteSpace', DeleteSpaceDocument as AnyDocument, { id }, undefined, 'mutation');
    id = undefined;
  } finally {
    if (id) await client.deleteSpace(id).catch(() => undefined);
  }
}
