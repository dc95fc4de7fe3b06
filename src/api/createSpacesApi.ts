import type { CallOptions } from '../client/callOptions.js';
import { attachIntegrationPackInstance, detachIntegrationPackInstance } from './attachments.js';
import type { CatalogApi } from './catalog.js';
import type { SpacesCore } from './context.js';
import { catalogOf, configureOf, executionsOf, publishingOf } from './groupFunctions.js';
import type { InstallManyOptions, InstallManyResult } from './installMany.js';
import type { ConfigureApi } from './lifecycle/configure.js';
import type { ExecutionsApi } from './lifecycle/executions.js';
import type { PublishingApi } from './lifecycle/publishing.js';
import {
  getSpace,
  installIntegrationPack,
  installMany,
  listEnvironments,
  listIntegrationPackInstances,
  listSpaces,
  uninstallIntegrationPack,
} from './spaces.js';
import type {
  AttachRequest,
  Environment,
  EnvironmentAttachment,
  InstallRequest,
  InstallResult,
  IntegrationPackInstance,
  Space,
  SpaceSummary,
} from './types.js';
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

/** The methods of a client: the functions of `boomi-spaces/functions`, each called with `core`. */
export function createSpacesApi(core: SpacesCore): SpacesApi {
  return {
    ...configureOf(core),
    ...executionsOf(core),
    ...publishingOf(core),
    ...catalogOf(core),
    getSpace: (id, options) => getSpace(core, id, options),
    listSpaces: (options) => listSpaces(core, options),
    installIntegrationPack: (request, options) => installIntegrationPack(core, request, options),
    installMany: (items, options) => installMany(core, items, options),
    listIntegrationPackInstances: (options) => listIntegrationPackInstances(core, options),
    uninstallIntegrationPack: (id, options) => uninstallIntegrationPack(core, id, options),
    listEnvironments: (options) => listEnvironments(core, options),
    attachIntegrationPackInstance: (request, options) => attachIntegrationPackInstance(core, request, options),
    detachIntegrationPackInstance: (id, options) => detachIntegrationPackInstance(core, id, options),
  };
}
