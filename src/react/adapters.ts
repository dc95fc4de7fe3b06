// Which SDK method runs each operation for the hooks. Queries keep the operation's variables and
// root field names (so `data.space.sharedIpacks` reads as the operation does) but hold what the
// SDK's method returns: null-free objects, JSON-in-strings parsed. Mutations take the same request
// as the SDK's method (`useInstallIpack` ↔ `client.installIntegrationPack`), so the install rules,
// exactly-once reconciliation and typed errors are the SDK's own. An operation added without an
// entry here still gets hooks: they run the raw document through `client.execute`.
import type { CallOptions } from '../client/callOptions.js';
import type { SpacesClient } from '../client/createSpacesClient.js';
import type { MutationName, OperationTypes, QueryName } from '../generated/operations.js';
import type { AttachRequest, InstallRequest } from '../api/types.js';
import type {
  CreateSpaceRequest,
  RunRequest,
  UpdateExtensionsRequest,
  UpdateSchedulesRequest,
  UpdateSpaceRequest,
} from '../api/lifecycle/types.js';
import type { UpdateMapExtensionsRequest } from '../api/lifecycle/configure.js';

type Variables<N extends QueryName> = OperationTypes[N]['variables'];
type C = SpacesClient;
type O = CallOptions;

export const queryAdapters = {
  getSpace: async (c: C, v: Variables<'getSpace'>, o: O) => ({ space: await c.getSpace(v.id, o) }),
  listSpaces: async (c: C, _v: Variables<'listSpaces'>, o: O) => ({ spaces: await c.listSpaces(o) }),
  listIntegrationPackInstances: async (c: C, _v: Variables<'listIntegrationPackInstances'>, o: O) => ({
    integrationPackInstances: await c.listIntegrationPackInstances(o),
  }),
  listEnvironments: async (c: C, _v: Variables<'listEnvironments'>, o: O) => ({
    environments: await c.listEnvironments(o),
  }),
  listProcesses: async (c: C, v: Variables<'listProcesses'>, o: O) => ({
    processes: await c.listProcesses(v.instanceId, o),
  }),
  getExtensions: async (c: C, v: Variables<'getExtensions'>, o: O) => ({
    attachments: await c.getExtensions(v.instanceId, [v.environmentIds].flat(), o),
  }),
  listExecutions: async (c: C, v: Variables<'listExecutions'>, o: O) => ({
    executions: await c.listExecutions({ processId: v.processId, since: v.since }, o),
  }),
  listExecutionsWithStatus: async (c: C, v: Variables<'listExecutionsWithStatus'>, o: O) => ({
    executions: await c.listExecutions(v, o),
  }),
  listSpaceAccounts: async (c: C, _v: Variables<'listSpaceAccounts'>, o: O) => ({
    accounts: await c.listSpaceAccounts(undefined, o),
  }),
  searchSpaceAccounts: async (c: C, v: Variables<'searchSpaceAccounts'>, o: O) => ({
    accounts: await c.listSpaceAccounts(v, o),
  }),
  getOAuthConnectorDetails: async (c: C, v: Variables<'getOAuthConnectorDetails'>, o: O) => ({
    details: await c.getOAuthConnectorDetails(
      {
        instanceId: v.instanceId,
        environmentId: v.environmentId,
        processId: v.processId,
        connectionId: v.connectionId,
        spaceId: v.spaceGuid,
      },
      o,
    ),
  }),
  // Through the SDK's method, so the hook sends no credentials either (the catalog is public).
  searchCatalog: async (c: C, v: Variables<'searchCatalog'>, o: O) => ({
    catalogListings: await c.searchCatalog(
      { ...(v.searchTerm != null && { searchTerm: v.searchTerm }), offset: v.offset, limit: v.limit },
      o,
    ),
  }),
} satisfies { [N in QueryName]?: (c: C, v: Variables<N>, o: O) => Promise<unknown> };

export const mutationAdapters = {
  installIpack: (c: C, request: InstallRequest, o: O) => c.installIntegrationPack(request, o),
  uninstallIpack: (c: C, instanceId: string, o: O) => c.uninstallIntegrationPack(instanceId, o),
  attachIpackInstance: (c: C, request: AttachRequest, o: O) => c.attachIntegrationPackInstance(request, o),
  detachIpackInstance: (c: C, attachmentId: string, o: O) => c.detachIntegrationPackInstance(attachmentId, o),
  executeProcess: (c: C, request: RunRequest, o: O) => c.executeProcess(request, o),
  updateExtensions: (c: C, request: UpdateExtensionsRequest, o: O) => c.updateExtensions(request, o),
  updateMapExtensions: (c: C, request: UpdateMapExtensionsRequest, o: O) => c.updateMapExtensions(request, o),
  updateProcessSchedules: (c: C, request: UpdateSchedulesRequest, o: O) => c.updateSchedules(request, o),
  createSpace: (c: C, request: CreateSpaceRequest, o: O) => c.createSpace(request, o),
  updateSpace: (c: C, request: UpdateSpaceRequest, o: O) => c.updateSpace(request, o),
  deleteSpace: (c: C, id: string, o: O) => c.deleteSpace(id, o),
} satisfies { [N in MutationName]?: (c: C, input: never, o: O) => Promise<unknown> };

type QueryAdapters = typeof queryAdapters;
type MutationAdapters = typeof mutationAdapters;

/** What a query hook's `data` holds. */
export type QueryData<N extends QueryName> = N extends keyof QueryAdapters
  ? Awaited<ReturnType<QueryAdapters[N]>>
  : OperationTypes[N]['result'];
/** What a mutation hook's `run` takes: the SDK method's request, else the operation's variables. */
export type MutationInput<N extends MutationName> = N extends keyof MutationAdapters
  ? Parameters<MutationAdapters[N]>[1]
  : OperationTypes[N]['variables'];
/** What a mutation hook's `data` holds: the SDK method's result, else the operation's. */
export type MutationData<N extends MutationName> = N extends keyof MutationAdapters
  ? Awaited<ReturnType<MutationAdapters[N]>>
  : OperationTypes[N]['result'];
