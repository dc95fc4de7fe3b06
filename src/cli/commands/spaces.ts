import type { SpacesClient } from '../../client/createSpacesClient.js';
import { show, type Output } from '../output.js';
import { resolveSpaceId } from '../resolve.js';

export async function listSpaces(client: SpacesClient, out: Output): Promise<void> {
  const spaces = await client.listSpaces();
  out.result(spaces, () => undefined);
  await out.table(
    ['ID', 'NAME', 'ACCOUNT GROUP', 'MODIFIED'],
    spaces.map((s) => [s.id, s.name, s.accountGroup?.name, s.modifiedDate]),
    'No spaces.',
  );
}

export async function showSpace(client: SpacesClient, out: Output, spaceId: string): Promise<void> {
  const space = await client.getSpace(await resolveSpaceId(spaceId, () => client.listSpaces()));
  out.result(space, () => {
    out.line(`${show(space.name)} (${show(space.id)})`);
    if (space.description) out.line(show(space.description));
    out.line(`Account group: ${show(space.accountGroup?.name)} (${show(space.accountGroup?.id)})`);
    if (space.url) out.line(`URL: ${show(space.url)}`);
    out.line(
      `Created ${show(space.createdDate)} by ${show(space.createdByAccountId)}; modified ${show(space.modifiedDate)}`,
    );
    out.line('');
    out.line('Shared integration packs:');
  });
  await out.table(
    ['PACK ID', 'NAME', 'INSTALL TYPE', 'DESCRIPTION'],
    space.sharedIpacks.map((p) => [p.id, p.name, p.installationType, p.description]),
    'No shared packs.',
  );
}
