// Attaching instances to environments, as functions taking the core first (see spaces.ts).
import { AttachIpackInstanceDocument, DetachIpackInstanceDocument } from '../generated/graphql.js';
import type { CallOptions } from '../client/callOptions.js';
import { fixDeadline } from './callDeadline.js';
import { contextOf, patientOf, type SpacesCore } from './context.js';
import { attachedOf } from './results.js';
import { mutateExactlyOnce } from './reconcile.js';
import { listEnvironments } from './spaces.js';
import type { AttachRequest, EnvironmentAttachment } from './types.js';
import { normaliseEnvironmentIds, requireId } from './validate.js';

/**
 * Attaches an instance to environments (needs `spaceGuid`). Reconciled like installs: after an
 * ambiguous failure only the environments the listing does not show are attached again.
 *
 * @example
 * ```ts
 * await attachIntegrationPackInstance(core, { integrationPackInstanceId, environmentIds: [environmentId] });
 * ```
 */
export async function attachIntegrationPackInstance(
  core: SpacesCore,
  request: AttachRequest,
  callOptions?: CallOptions,
): Promise<EnvironmentAttachment[]> {
  const context = contextOf(core);
  const options = fixDeadline(callOptions);
  const integrationPackInstanceId = requireId(request?.integrationPackInstanceId, 'integrationPackInstanceId');
  const environmentIds = normaliseEnvironmentIds(request.environmentIds);
  const attach = async (ids: string[]) =>
    attachedOf(
      (await context.execute(AttachIpackInstanceDocument, { integrationPackInstanceId, environmentIds: ids }, options))
        .integrationPackInstanceEnvironmentAttachmentAttach,
    );
  let existing: EnvironmentAttachment[] = [];
  let missing = environmentIds;
  const { value } = await mutateExactlyOnce<EnvironmentAttachment[]>({
    maxSends: context.maxSends,
    key: { operation: 'attach', integrationPackInstanceId, environmentIds },
    operationName: 'attachIpackInstance',
    send: () => attach(environmentIds),
    observe: async () => {
      const attachments = (await listEnvironments(core, patientOf(context)(options)))
        .flatMap((e) => e.integrationPackEnvironmentAttachment)
        .filter(
          (a) =>
            a.integrationPackInstanceId === integrationPackInstanceId && environmentIds.includes(a.environmentId ?? ''),
        );
      existing = environmentIds.flatMap((envId) => attachments.filter((a) => a.environmentId === envId).slice(0, 1));
      missing = environmentIds.filter((envId) => !existing.some((a) => a.environmentId === envId));
      return missing.length === 0 ? { done: true, value: existing } : { done: false };
    },
    resend: async () => [...existing, ...(await attach(missing))],
  });
  return value;
}

/**
 * Removes one attachment (needs `spaceGuid`); resolves with the platform's answer. Reconciled like installs.
 *
 * @example
 * ```ts
 * await detachIntegrationPackInstance(core, attachmentId);
 * ```
 */
export async function detachIntegrationPackInstance(
  core: SpacesCore,
  attachmentId: string,
  callOptions?: CallOptions,
): Promise<string | null> {
  const context = contextOf(core);
  const options = fixDeadline(callOptions);
  const id = requireId(attachmentId, 'attachmentId');
  const { value } = await mutateExactlyOnce<string | null>({
    maxSends: context.maxSends,
    key: { operation: 'detach', attachmentId: id },
    operationName: 'detachIpackInstance',
    send: async () =>
      (await context.execute(DetachIpackInstanceDocument, { id }, options))
        .integrationPackInstanceEnvironmentAttachmentUnattach,
    observe: async () => {
      const stillThere = (await listEnvironments(core, patientOf(context)(options))).some((e) =>
        e.integrationPackEnvironmentAttachment.some((a) => a.id === id),
      );
      return stillThere ? { done: false } : { done: true, value: id };
    },
  });
  return value;
}
