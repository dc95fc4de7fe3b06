import { findInstalled } from '../../api/naturalKey.js';
import { checkInstallAgainstSpace, normaliseInstallRequest } from '../../api/validate.js';
import type { SpacesClient } from '../../client/createSpacesClient.js';
import { show, type Output } from '../output.js';
import { resolveInstance, resolvePack, resolveSpaceId } from '../resolve.js';

export interface InstallArgs {
  packId: string;
  name?: string;
  /** --space: the Space to find the pack in, by id or name. */
  space?: string;
  /** The SPACE_GUID's Space (its id, looked up when first asked): where the pack is found without --space. */
  spaceGuid: () => Promise<string>;
}

/**
 * Installs a pack unless it is already there: the install mutation is not idempotent, so the
 * instances are listed first and a matching natural key counts as done. The pack is found among
 * those its Space shares, so the install rules (MULTI needs --name, SINGLE takes none) are checked
 * before anything is sent.
 */
export async function install(client: SpacesClient, out: Output, args: InstallArgs): Promise<void> {
  normaliseInstallRequest({ integrationPackId: args.packId, integrationPackOverrideName: args.name });
  const spaceId =
    args.space === undefined
      ? await args.spaceGuid()
      : await resolveSpaceId(args.space, () => client.listSpaces(), 'spaceId');
  const space = await client.getSpace(spaceId);
  const request = normaliseInstallRequest({
    integrationPackId: resolvePack(space, args.packId).id,
    integrationPackOverrideName: args.name,
    spaceId: space.id,
  });
  checkInstallAgainstSpace(space, request);
  const packLabel = request.integrationPackOverrideName
    ? `${show(request.integrationPackId)} as "${show(request.integrationPackOverrideName)}"`
    : show(request.integrationPackId);

  const existing = findInstalled(await client.listIntegrationPackInstances(), request);
  if (existing) {
    out.result({ status: 'already-installed', instance: existing }, () =>
      out.line(`Already installed: pack ${packLabel} is instance ${show(existing.id)}; nothing sent.`),
    );
    return;
  }
  // The space rules were checked above; no second lookup.
  const instance = await client.installIntegrationPack({
    integrationPackId: request.integrationPackId,
    integrationPackOverrideName: request.integrationPackOverrideName,
  });
  out.result({ status: 'installed', instance }, () =>
    out.line(`Installed pack ${packLabel} as instance ${show(instance.id)}.`),
  );
}

export async function listInstances(client: SpacesClient, out: Output): Promise<void> {
  const instances = await client.listIntegrationPackInstances();
  out.result(instances, () => undefined);
  await out.table(
    ['INSTANCE ID', 'PACK', 'INSTALL TYPE', 'OVERRIDE NAME', 'PACK ID'],
    instances.map((i) => [
      i.id,
      i.integrationPack?.name,
      i.integrationPack?.installationType,
      i.integrationPackOverrideName,
      i.integrationPackId,
    ]),
    'No instances installed.',
  );
}

/** Uninstalls an instance by id or name. */
export async function uninstall(client: SpacesClient, out: Output, instance: string): Promise<void> {
  const { id: instanceId } = await resolveInstance(client, instance);
  const id = await client.uninstallIntegrationPack(instanceId);
  out.result({ uninstalled: id }, () => out.line(`Uninstalled instance ${show(id)}.`));
}
