import { findInstalled } from '../../api/naturalKey.js';
import { checkInstallAgainstSpace, normaliseInstallRequest } from '../../api/validate.js';
import type { SpacesClient } from '../../client/createSpacesClient.js';
import { CliUsageError } from '../CliUsageError.js';
import { show, type Output } from '../output.js';
import { resolveInstance, resolvePack } from '../resolve.js';

export interface InstallArgs {
  packId: string;
  name?: string;
  space?: string;
  spaceGuid?: string;
}

/**
 * Installs a pack unless it is already there: the install mutation is not idempotent, so the
 * instances are listed first and a matching natural key counts as done.
 */
export async function install(client: SpacesClient, out: Output, args: InstallArgs): Promise<void> {
  normaliseInstallRequest({
    integrationPackId: args.packId,
    integrationPackOverrideName: args.name,
    spaceId: args.space,
  });
  if (!args.spaceGuid) {
    throw new CliUsageError(
      'install lists the instances first to avoid installing twice, which needs the Space: give --space-guid <guid> or BOOMI_SPACE_GUID (`boomi-spaces spaces` lists them)',
    );
  }
  // The pack by id or name, among those the Space shares (--space, else the SPACE_GUID's Space).
  const pack = await resolvePack(client, args.space ?? args.spaceGuid, args.packId);
  const request = normaliseInstallRequest({
    integrationPackId: pack.id,
    integrationPackOverrideName: args.name,
    spaceId: args.space,
  });
  const packLabel = request.integrationPackOverrideName
    ? `${show(request.integrationPackId)} as "${show(request.integrationPackOverrideName)}"`
    : show(request.integrationPackId);
  if (request.spaceId !== undefined) checkInstallAgainstSpace(await client.getSpace(request.spaceId), request);

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

/** Uninstalls an instance by id, or by name when SPACE_GUID lets the instances be listed. */
export async function uninstall(client: SpacesClient, out: Output, instance: string, listable: boolean): Promise<void> {
  const { id: instanceId } = await resolveInstance(client, instance, { listable });
  const id = await client.uninstallIntegrationPack(instanceId);
  out.result({ uninstalled: id }, () => out.line(`Uninstalled instance ${show(id)}.`));
}
