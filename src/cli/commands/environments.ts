import type { SpacesClient } from '../../client/createSpacesClient.js';
import { show, type Output } from '../output.js';
import { resolveEnvironments, resolveInstance } from '../resolve.js';

export async function listEnvironments(client: SpacesClient, out: Output): Promise<void> {
  const environments = await client.listEnvironments();
  out.result(environments, () => undefined);
  await out.table(
    ['ENVIRONMENT ID', 'NAME', 'CLASS', 'ATOMS', 'ATTACHED INSTANCES'],
    environments.map((e) => [
      e.id,
      e.name,
      e.classification,
      e.atoms.map((a) => a.name).join(', '),
      e.integrationPackEnvironmentAttachment.map((a) => `${a.integrationPackInstanceId} (${a.id})`).join(', '),
    ]),
    'No environments.',
  );
}

export async function attach(
  client: SpacesClient,
  out: Output,
  instance: string,
  environments: string[],
): Promise<void> {
  // Names or ids, both: looked up before anything changes.
  const { id: instanceId } = await resolveInstance(client, instance);
  const environmentIds = (await resolveEnvironments(client, environments)).map((e) => e.id);
  const attachments = await client.attachIntegrationPackInstance({
    integrationPackInstanceId: instanceId,
    environmentIds,
  });
  out.result(attachments, () => out.line(`Attached instance ${show(instanceId)}:`));
  await out.table(
    ['ATTACHMENT ID', 'ENVIRONMENT ID', 'INSTANCE ID'],
    attachments.map((a) => [a.id, a.environmentId, a.integrationPackInstanceId]),
  );
}

export async function detach(client: SpacesClient, out: Output, attachmentId: string): Promise<void> {
  const result = await client.detachIntegrationPackInstance(attachmentId);
  out.result({ detached: attachmentId, result }, () => out.line(`Detached attachment ${show(attachmentId)}.`));
}
