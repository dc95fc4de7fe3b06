import { SpacesError } from '../errors/SpacesError.js';
import {
  AttachIpackInstanceDocument,
  DetachIpackInstanceDocument,
  GetSpaceDocument,
  InstallIpackDocument,
  ListEnvironmentsDocument,
  ListIntegrationPackInstancesDocument,
  ListSpacesDocument,
  UninstallIpackDocument,
} from '../generated/graphql.js';
import type { CallOptions } from '../client/callOptions.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import { createCatalogApi, type CatalogApi } from './catalog.js';
import { createConfigureApi, type ConfigureApi } from './lifecycle/configure.js';
import { createExecutionsApi, type ExecutionsApi } from './lifecycle/executions.js';
import { createPublishingApi, type PublishingApi } from './lifecycle/publishing.js';
import type { Execute } from '../executor/createExecutor.js';
import { fixDeadline } from './callDeadline.js';
import { createInstallMany, type InstallManyOptions, type InstallManyResult } from './installMany.js';
import { findInstalled, INSTALL_CONFLICTS, naturalKeyOf } from './naturalKey.js';
import { attachedOf, environmentsOf, installedOf, instancesOf, spaceOf, spacesOf } from './results.js';
import { mutateExactlyOnce } from './reconcile.js';
import type {
  AttachRequest,
  Environment,
  EnvironmentAttachment,
  InstallRequest,
  InstallResult,
  InstalledInstance,
  IntegrationPackInstance,
  Space,
  SpaceSummary,
} from './types.js';
import { checkInstallAgainstSpace, normaliseEnvironmentIds, normaliseInstallRequest, requireId } from './validate.js';

/**
 * The typed operations of the Spaces API. Bad input is refused before sending; mutations that fail
 * ambiguously are reconciled against the listings, never re-sent blindly. Every method takes
 * optional {@link CallOptions} (`signal`, `timeoutMs` for the whole call).
 */
export interface SpacesApi extends ConfigureApi, ExecutionsApi, PublishingApi, CatalogApi {
  /** One Space with its shared packs. Rejects with `SPACE_NOT_FOUND` when there is none. */
  getSpace(id: string, options?: CallOptions): Promise<Space>;
  /** Every Space the authorizing account created. */
  listSpaces(options?: CallOptions): Promise<SpaceSummary[]>;
  /**
   * Installs a pack. With `spaceId`, checks first that the Space shares the pack and that the
   * override name fits its installation type (SINGLE: none, MULTI: required). Concurrent installs of
   * the same pack and name share one request. After an ambiguous failure the instances are listed:
   * a matching one is returned with `reconciled: true`; if the listing fails, `OutcomeUnknownError`.
   * Reconciliation needs `spaceGuid` (the listing is space-scoped).
   */
  installIntegrationPack(request: InstallRequest, options?: CallOptions): Promise<InstallResult>;
  /**
   * Installs many packs, `batchSize` (default 25) per GraphQL request, one result per item in order:
   * the instance, or the error of that item. Ambiguous failures are reconciled item by item.
   *
   * @example
   * ```ts
   * const items = tenants.map((t) => ({ integrationPackId, integrationPackOverrideName: t }));
   * const results = await client.installMany(items);
   * for (const r of results) if (!r.ok) console.error(r.request.integrationPackOverrideName, r.error.code);
   * ```
   */
  installMany(items: readonly InstallRequest[], options?: InstallManyOptions): Promise<InstallManyResult[]>;
  /** Every installed instance of the account (needs `spaceGuid`). */
  listIntegrationPackInstances(options?: CallOptions): Promise<IntegrationPackInstance[]>;
  /** Uninstalls an instance; resolves with its id. Reconciled like installs. */
  uninstallIntegrationPack(instanceId: string, options?: CallOptions): Promise<string>;
  /** The account's environments (needs `spaceGuid`). */
  listEnvironments(options?: CallOptions): Promise<Environment[]>;
  /** Attaches an instance to environments (needs `spaceGuid`). Reconciled like installs. */
  attachIntegrationPackInstance(request: AttachRequest, options?: CallOptions): Promise<EnvironmentAttachment[]>;
  /** Removes one attachment (needs `spaceGuid`); resolves with the platform's answer. Reconciled like installs. */
  detachIntegrationPackInstance(attachmentId: string, options?: CallOptions): Promise<string | null>;
}

export interface SpacesApiOptions {
  /** Sends of one mutation at most, each re-send after a listing proved it absent. */
  maxSends: number;
  /** Attempts of a reconciliation listing. */
  reconcileAttempts: number;
  /** The client's redactor: secrets of the customer's settings join it the moment the SDK sees them. */
  redactor: SecretRedactor;
  /** Runs the operations that need no credentials (the public catalog) without any. */
  executePublic: Execute;
}

export function createSpacesApi(
  execute: Execute,
  { maxSends, reconcileAttempts, redactor, executePublic }: SpacesApiOptions,
): SpacesApi {
  const installsInFlight = new Map<string, Promise<InstallResult>>();
  // The listings that decide an ambiguous mutation's fate are queries: safe to repeat, worth patience.
  const patient = (options?: CallOptions): CallOptions => ({ ...options, maxAttempts: reconcileAttempts });

  async function getSpace(id: string, options?: CallOptions): Promise<Space> {
    const spaceId = requireId(id, 'id');
    const { space } = await execute(GetSpaceDocument, { id: spaceId }, options);
    if (!space) {
      throw new SpacesError(`getSpace: no space with id ${spaceId}`, {
        code: 'SPACE_NOT_FOUND',
        operationName: 'getSpace',
      });
    }
    return spaceOf(space);
  }

  const listInstances = async (options?: CallOptions) =>
    instancesOf((await execute(ListIntegrationPackInstancesDocument, options)).integrationPackInstances);
  const listEnvironments = async (options?: CallOptions) =>
    environmentsOf((await execute(ListEnvironmentsDocument, options)).environments);

  async function install(request: InstallRequest, options?: CallOptions): Promise<InstallResult> {
    const integrationPackOverrideName = request.integrationPackOverrideName ?? null;
    const send = async () => {
      const { integrationPackInstanceInstall: instance } = await execute(
        InstallIpackDocument,
        {
          input: {
            integrationPackId: request.integrationPackId,
            ...(integrationPackOverrideName !== null && { integrationPackOverrideName }),
          },
        },
        options,
      );
      if (!instance) {
        throw new SpacesError('installIpack: the platform returned no instance', {
          code: 'INVALID_RESPONSE',
          operationName: 'installIpack',
          mayHaveExecuted: true,
        });
      }
      return installedOf(instance, 'installIpack', 'integrationPackInstanceInstall');
    };
    const { value, reconciled } = await mutateExactlyOnce<InstalledInstance>({
      maxSends,
      key: { operation: 'install', integrationPackId: request.integrationPackId, integrationPackOverrideName },
      operationName: 'installIpack',
      send,
      conflictCodes: INSTALL_CONFLICTS,
      observe: async () => {
        const found = findInstalled(await listInstances(patient(options)), request);
        return found
          ? {
              done: true,
              value: {
                id: found.id,
                integrationPackId: found.integrationPackId,
                integrationPackOverrideName: found.integrationPackOverrideName,
              },
            }
          : { done: false };
      },
    });
    return { ...value, reconciled };
  }

  return {
    ...createConfigureApi({ execute, redactor, patient }),
    ...createExecutionsApi({ execute, patient }),
    ...createPublishingApi({ execute, redactor, maxSends, patient }),
    ...createCatalogApi(executePublic),
    getSpace,

    async listSpaces(options) {
      return spacesOf((await execute(ListSpacesDocument, options)).spaces);
    },

    async installIntegrationPack(request, callOptions) {
      const options = fixDeadline(callOptions);
      const normalised = normaliseInstallRequest(request);
      if (normalised.spaceId !== undefined)
        checkInstallAgainstSpace(await getSpace(normalised.spaceId, options), normalised);
      // One request per natural key at a time: a second identical call waits for the first's instance.
      const key = naturalKeyOf(normalised);
      const inFlight = installsInFlight.get(key);
      if (inFlight) return inFlight;
      const promise = install(normalised, options).finally(() => installsInFlight.delete(key));
      installsInFlight.set(key, promise);
      return promise;
    },

    installMany: createInstallMany({
      execute,
      getSpace,
      listInstances: (options) => listInstances(patient(options)),
      maxSends,
    }),

    listIntegrationPackInstances: listInstances,

    async uninstallIntegrationPack(instanceId, callOptions) {
      const options = fixDeadline(callOptions);
      const id = requireId(instanceId, 'instanceId');
      const { value } = await mutateExactlyOnce<string>({
        maxSends,
        key: { operation: 'uninstall', instanceId: id },
        operationName: 'uninstallIpack',
        send: async () =>
          (await execute(UninstallIpackDocument, { id }, options)).integrationPackInstanceUninstall ?? id,
        observe: async () =>
          (await listInstances(patient(options))).some((i) => i.id === id)
            ? { done: false }
            : { done: true, value: id },
      });
      return value;
    },

    listEnvironments,

    async attachIntegrationPackInstance(request, callOptions) {
      const options = fixDeadline(callOptions);
      const integrationPackInstanceId = requireId(request?.integrationPackInstanceId, 'integrationPackInstanceId');
      const environmentIds = normaliseEnvironmentIds(request.environmentIds);
      const attach = async (ids: string[]) =>
        attachedOf(
          (await execute(AttachIpackInstanceDocument, { integrationPackInstanceId, environmentIds: ids }, options))
            .integrationPackInstanceEnvironmentAttachmentAttach,
        );
      let existing: EnvironmentAttachment[] = [];
      let missing = environmentIds;
      const { value } = await mutateExactlyOnce<EnvironmentAttachment[]>({
        maxSends,
        key: { operation: 'attach', integrationPackInstanceId, environmentIds },
        operationName: 'attachIpackInstance',
        send: () => attach(environmentIds),
        observe: async () => {
          const attachments = (await listEnvironments(patient(options)))
            .flatMap((e) => e.integrationPackEnvironmentAttachment)
            .filter(
              (a) =>
                a.integrationPackInstanceId === integrationPackInstanceId &&
                environmentIds.includes(a.environmentId ?? ''),
            );
          existing = environmentIds.flatMap((envId) =>
            attachments.filter((a) => a.environmentId === envId).slice(0, 1),
          );
          missing = environmentIds.filter((envId) => !existing.some((a) => a.environmentId === envId));
          return missing.length === 0 ? { done: true, value: existing } : { done: false };
        },
        // Only the environments the listing did not show are attached again.
        resend: async () => [...existing, ...(await attach(missing))],
      });
      return value;
    },

    async detachIntegrationPackInstance(attachmentId, callOptions) {
      const options = fixDeadline(callOptions);
      const id = requireId(attachmentId, 'attachmentId');
      const { value } = await mutateExactlyOnce<string | null>({
        maxSends,
        key: { operation: 'detach', attachmentId: id },
        operationName: 'detachIpackInstance',
        send: async () =>
          (await execute(DetachIpackInstanceDocument, { id }, options))
            .integrationPackInstanceEnvironmentAttachmentUnattach,
        observe: async () => {
          const stillThere = (await listEnvironments(patient(options))).some((e) =>
            e.integrationPackEnvironmentAttachment.some((a) => a.id === id),
          );
          return stillThere ? { done: false } : { done: true, value: id };
        },
      });
      return value;
    },
  };
}
