// The Space and instance methods as functions taking the core first: `boomi-spaces/functions`
// exports them as they are, and a client's methods call them with the client.
import { SpacesError } from '../errors/SpacesError.js';
import {
  GetSpaceDocument,
  InstallIpackDocument,
  ListEnvironmentsDocument,
  ListIntegrationPackInstancesDocument,
  ListSpacesDocument,
  UninstallIpackDocument,
} from '../generated/graphql.js';
import type { CallOptions } from '../client/callOptions.js';
import { fixDeadline } from './callDeadline.js';
import { contextOf, groupOf, patientOf, type ApiContext, type SpacesCore } from './context.js';
import { createInstallMany, type InstallManyOptions, type InstallManyResult } from './installMany.js';
import { findInstalled, INSTALL_CONFLICTS, naturalKeyOf } from './naturalKey.js';
import { environmentsOf, installedListOf, installedOf, instancesOf, spaceOf, spacesOf } from './results.js';
import { mutateExactlyOnce } from './reconcile.js';
import type {
  Environment,
  InstallRequest,
  InstallResult,
  InstalledInstance,
  IntegrationPackInstance,
  Space,
  SpaceSummary,
} from './types.js';
import { checkInstallAgainstSpace, normaliseInstallRequest, requireId } from './validate.js';

/**
 * One Space with its shared packs. Rejects with `SPACE_NOT_FOUND` when there is none.
 *
 * @example
 * ```ts
 * const space = await getSpace(core, spaceId);
 * ```
 */
export async function getSpace(core: SpacesCore, id: string, options?: CallOptions): Promise<Space> {
  const { execute } = contextOf(core);
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

/**
 * Every Space the authorizing account created.
 *
 * @example
 * ```ts
 * for (const space of await listSpaces(core)) console.log(space.id, space.name);
 * ```
 */
export async function listSpaces(core: SpacesCore, options?: CallOptions): Promise<SpaceSummary[]> {
  return spacesOf((await contextOf(core).execute(ListSpacesDocument, options)).spaces);
}

/**
 * Every installed instance of the account (needs `spaceGuid`).
 *
 * @example
 * ```ts
 * const instances = await listIntegrationPackInstances(core);
 * ```
 */
export async function listIntegrationPackInstances(
  core: SpacesCore,
  options?: CallOptions,
): Promise<IntegrationPackInstance[]> {
  return instancesOf(
    (await contextOf(core).execute(ListIntegrationPackInstancesDocument, options)).integrationPackInstances,
  );
}

/**
 * The account's environments (needs `spaceGuid`).
 *
 * @example
 * ```ts
 * const production = (await listEnvironments(core)).find((e) => e.classification === 'PROD');
 * ```
 */
export async function listEnvironments(core: SpacesCore, options?: CallOptions): Promise<Environment[]> {
  return environmentsOf((await contextOf(core).execute(ListEnvironmentsDocument, options)).environments);
}

/** The instances as a reconciliation lists them: patiently, reading only what tells installs apart. */
async function installedInstances(context: ApiContext, options: CallOptions | undefined): Promise<InstalledInstance[]> {
  const answer = await context.execute(ListIntegrationPackInstancesDocument, patientOf(context)(options));
  return installedListOf(answer.integrationPackInstances);
}

/** One install, reconciled against the listing after an ambiguous failure. */
async function install(context: ApiContext, request: InstallRequest, options?: CallOptions): Promise<InstallResult> {
  const { integrationPackId, integrationPackOverrideName } = request;
  const send = async () => {
    // No override name (undefined) leaves the field out of the variables' JSON.
    const input = { integrationPackId, integrationPackOverrideName };
    const answer = await context.execute(InstallIpackDocument, { input }, options);
    return installedOf(answer.integrationPackInstanceInstall, 'installIpack', 'integrationPackInstanceInstall');
  };
  const { value, reconciled } = await mutateExactlyOnce<InstalledInstance>({
    maxSends: context.maxSends,
    key: { operation: 'install', integrationPackId, integrationPackOverrideName: integrationPackOverrideName ?? null },
    operationName: 'installIpack',
    send,
    conflictCodes: INSTALL_CONFLICTS,
    observe: async () => {
      const found = findInstalled(await installedInstances(context, options), request);
      return found ? { done: true, value: found } : { done: false };
    },
  });
  return { ...value, reconciled };
}

/**
 * Installs a pack. With `spaceId`, checks first that the Space shares the pack and that the
 * override name fits its installation type (SINGLE: none, MULTI: required). Concurrent installs of
 * the same pack and name on one core share one request. After an ambiguous failure the instances
 * are listed: a matching one is returned with `reconciled: true`; if the listing fails,
 * `OutcomeUnknownError`. Reconciliation needs `spaceGuid` (the listing is space-scoped).
 *
 * @example
 * ```ts
 * const request = { integrationPackId, integrationPackOverrideName: 'EU', spaceId };
 * const instance = await installIntegrationPack(core, request);
 * ```
 */
export async function installIntegrationPack(
  core: SpacesCore,
  request: InstallRequest,
  callOptions?: CallOptions,
): Promise<InstallResult> {
  const context = contextOf(core);
  const options = fixDeadline(callOptions);
  const normalised = normaliseInstallRequest(request);
  if (normalised.spaceId !== undefined)
    checkInstallAgainstSpace(await getSpace(core, normalised.spaceId, options), normalised);
  const key = naturalKeyOf(normalised);
  const inFlight = context.installsInFlight.get(key);
  if (inFlight) return inFlight;
  const promise = install(context, normalised, options).finally(() => context.installsInFlight.delete(key));
  context.installsInFlight.set(key, promise);
  return promise;
}

/**
 * Installs many packs, `batchSize` (default 25) per GraphQL request, one result per item in order:
 * the instance, or the error of that item. Ambiguous failures are reconciled item by item.
 *
 * @example
 * ```ts
 * const results = await installMany(core, tenants.map((t) => ({ integrationPackId, integrationPackOverrideName: t })));
 * ```
 */
export function installMany(
  core: SpacesCore,
  items: readonly InstallRequest[],
  options?: InstallManyOptions,
): Promise<InstallManyResult[]> {
  const context = contextOf(core);
  const many = groupOf(context, 'installMany', () =>
    createInstallMany({
      execute: context.execute,
      getSpace: (id, o) => getSpace(core, id, o),
      listInstances: (o) => listIntegrationPackInstances(core, patientOf(context)(o)),
      maxSends: context.maxSends,
    }),
  );
  return many(items, options);
}

/**
 * Uninstalls an instance; resolves with its id. Reconciled like installs.
 *
 * @example
 * ```ts
 * await uninstallIntegrationPack(core, instanceId);
 * ```
 */
export async function uninstallIntegrationPack(
  core: SpacesCore,
  instanceId: string,
  callOptions?: CallOptions,
): Promise<string> {
  const context = contextOf(core);
  const options = fixDeadline(callOptions);
  const id = requireId(instanceId, 'instanceId');
  const { value } = await mutateExactlyOnce<string>({
    maxSends: context.maxSends,
    key: { operation: 'uninstall', instanceId: id },
    operationName: 'uninstallIpack',
    send: async () =>
      (await context.execute(UninstallIpackDocument, { id }, options)).integrationPackInstanceUninstall ?? id,
    observe: async () =>
      (await installedInstances(context, options)).some((i) => i.id === id)
        ? { done: false }
        : { done: true, value: id },
  });
  return value;
}
