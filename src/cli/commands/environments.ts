import type { SpacesClient } from '../../client/createSpacesClient.js';
import { show, type Output } from '../output.js';
import { CliUsageError } from '../CliUsageError.js';
import { resolveEnvironment, resolveEnvironments, resolveInstance } from '../resolve.js';

/**
 * One line per atom and per attachment, the environment's own cells on its first line: joined into
 * one cell, a fourth attachment's id was cut off at the table's cell limit, and `detach` needs it.
 */
export async function listEnvironments(client: SpacesClient, out: Output): Promise<void> {
  const environments = await client.listEnvironments();
  out.result(environments, () => undefined);
  await out.table(
    ['ENVIRONMENT ID', 'NAME', 'CLASS', 'ATOMS', 'ATTACHED INSTANCE', 'ATTACHMENT ID'],
    environments.flatMap((e) => {
      const attachments = e.integrationPackEnvironmentAttachment;
      const lines = Math.max(1, e.atoms.length, attachments.length);
      return Array.from({ length: lines }, (_, i) => [
        ...(i === 0 ? [e.id, e.name, e.classification] : ['', '', '']),
        e.atoms[i]?.name,
        attachments[i]?.integrationPackInstanceId,
        attachments[i]?.id,
      ]);
    }),
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

/** An attachment id as given, or the attachment of an instance (id or name) to an environment (id or name). */
async function attachmentOf(client: SpacesClient, target: string, env: string | undefined): Promise<string> {
  if (env === undefined) return target;
  const { id: instanceId } = await resolveInstance(client, target);
  const environment = await resolveEnvironment(client, env);
  const attachment = environment.integrationPackEnvironmentAttachment.find(
    (a) => a.integrationPackInstanceId === instanceId,
  );
  if (!attachment)
    throw new CliUsageError(
      `Instance ${show(target)} is not attached to ${show(environment.name)}: nothing to detach (\`boomi-spaces environments\` shows what is attached where)`,
    );
  return attachment.id;
}

export async function detach(client: SpacesClient, out: Output, target: string, env?: string): Promise<void> {
  const attachmentId = await attachmentOf(client, target, env);
  const result = await client.detachIntegrationPackInstance(attachmentId);
  out.result({ detached: attachmentId, result }, () => out.line(`Detached attachment ${show(attachmentId)}.`));
}
