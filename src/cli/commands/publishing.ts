// accounts, and space create|update|delete for publishers.
import type { SpacesClient } from '../../client/createSpacesClient.js';
import { CliUsageError } from '../CliUsageError.js';
import { show, type Output } from '../output.js';
import { resolveSpaceId } from '../resolve.js';

export async function listAccounts(
  client: SpacesClient,
  out: Output,
  filter: { contains?: string; startsWith?: string },
): Promise<void> {
  if (filter.contains !== undefined && filter.startsWith !== undefined)
    throw new CliUsageError('--contains and --starts-with exclude each other');
  const criteria =
    filter.contains !== undefined
      ? { operator: 'CONTAINS' as const, argument: filter.contains }
      : filter.startsWith !== undefined
        ? { operator: 'STARTSWITH' as const, argument: filter.startsWith }
        : undefined;
  const accounts = await client.listSpaceAccounts(criteria);
  out.result(accounts, () => undefined);
  await out.table(
    ['ACCOUNT ID', 'NAME'],
    accounts.map((a) => [a.id, a.name]),
    'No accounts.',
  );
}

export interface CreateSpaceArgs {
  name: string;
  accountGroup: string;
  description?: string;
  pack: string[];
  shareWith: string[];
}

export async function createSpace(client: SpacesClient, out: Output, args: CreateSpaceArgs): Promise<void> {
  const space = await client.createSpace({
    name: args.name,
    accountGroupId: args.accountGroup,
    ...(args.description !== undefined && { description: args.description }),
    ...(args.pack.length > 0 && { integrationPackIds: args.pack }),
    ...(args.shareWith.length > 0 && { accountIds: args.shareWith }),
  });
  out.result(space, () => out.line(`Created space ${show(space.name)} (${show(space.id)}): ${show(space.url)}`));
}

export async function updateSpace(
  client: SpacesClient,
  out: Output,
  args: { id: string; name: string; description?: string },
): Promise<void> {
  const space = await client.updateSpace({ ...args, id: await resolveSpaceId(args.id, () => client.listSpaces()) });
  out.result(space, () => out.line(`Updated space ${show(space.id)}: ${show(space.name)}.`));
}

export async function deleteSpace(client: SpacesClient, out: Output, id: string, yes: boolean): Promise<void> {
  if (!yes)
    throw new CliUsageError('space delete removes the Space for every account it reaches: add --yes to confirm');
  const spaceId = await resolveSpaceId(id, () => client.listSpaces());
  await client.deleteSpace(spaceId);
  out.result({ deleted: spaceId }, () => out.line(`Deleted space ${show(spaceId)}.`));
}
