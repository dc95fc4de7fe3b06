// The lifecycle and catalog methods as functions taking the core first. Their groups keep shared
// helpers in closures, so each group is made once per core and the function calls its method.
import { createExecutor } from '../executor/createExecutor.js';
import { createCatalogApi, type CatalogApi } from './catalog.js';
import { contextOf, groupOf, patientOf, type SpacesCore } from './context.js';
import { createConfigureApi, type ConfigureApi } from './lifecycle/configure.js';
import { createExecutionsApi, type ExecutionsApi } from './lifecycle/executions.js';
import { createPublishingApi, type PublishingApi } from './lifecycle/publishing.js';

/** The configure methods of a core. */
export function configureOf(core: SpacesCore): ConfigureApi {
  const context = contextOf(core);
  return groupOf(context, 'configure', () =>
    createConfigureApi({ execute: context.execute, redactor: context.redactor, patient: patientOf(context) }),
  );
}

/** The execution methods of a core. */
export function executionsOf(core: SpacesCore): ExecutionsApi {
  const context = contextOf(core);
  return groupOf(context, 'executions', () =>
    createExecutionsApi({ execute: context.execute, patient: patientOf(context) }),
  );
}

/** The publishing methods of a core. */
export function publishingOf(core: SpacesCore): PublishingApi {
  const context = contextOf(core);
  return groupOf(context, 'publishing', () =>
    createPublishingApi({
      execute: context.execute,
      redactor: context.redactor,
      maxSends: context.maxSends,
      patient: patientOf(context),
    }),
  );
}

/**
 * The catalog methods of a core, sent without credentials: no JWT is fetched for them, no
 * Authorization header sent.
 */
export function catalogOf(core: SpacesCore): CatalogApi {
  const context = contextOf(core);
  return groupOf(context, 'catalog', () =>
    createCatalogApi(createExecutor(context.send, context.redactor, { withoutCredentials: true })),
  );
}

type Args<F> = F extends (...args: infer A) => unknown ? A : never;

/** The processes of an instance. @example `const processes = await listProcesses(core, instanceId);` */
export const listProcesses = (core: SpacesCore, ...args: Args<ConfigureApi['listProcesses']>) =>
  configureOf(core).listProcesses(...args);
/** An instance's extensions per environment. @example `await getExtensions(core, instanceId, [environmentId]);` */
export const getExtensions = (core: SpacesCore, ...args: Args<ConfigureApi['getExtensions']>) =>
  configureOf(core).getExtensions(...args);
/** Changes extensions by name. @example `await updateExtensions(core, { instanceId, environmentId, connections });` */
export const updateExtensions = (core: SpacesCore, ...args: Args<ConfigureApi['updateExtensions']>) =>
  configureOf(core).updateExtensions(...args);
/** Replaces a process's schedules. @example `await updateSchedules(core, { instanceId, processId, schedules: [] });` */
export const updateSchedules = (core: SpacesCore, ...args: Args<ConfigureApi['updateSchedules']>) =>
  configureOf(core).updateSchedules(...args);
/** Updates map extensions. @example `await updateMapExtensions(core, { instanceId, environmentId, maps });` */
export const updateMapExtensions = (core: SpacesCore, ...args: Args<ConfigureApi['updateMapExtensions']>) =>
  configureOf(core).updateMapExtensions(...args);
/** Starts a process once. @example `await executeProcess(core, { processId, atomId });` */
export const executeProcess = (core: SpacesCore, ...args: Args<ExecutionsApi['executeProcess']>) =>
  executionsOf(core).executeProcess(...args);
/** A process's executions. @example `await listExecutions(core, { processId, since: new Date() });` */
export const listExecutions = (core: SpacesCore, ...args: Args<ExecutionsApi['listExecutions']>) =>
  executionsOf(core).listExecutions(...args);
/** Runs a process and waits for its end. @example `await runProcess(core, { processId, atomId });` */
export const runProcess = (core: SpacesCore, ...args: Args<ExecutionsApi['runProcess']>) =>
  executionsOf(core).runProcess(...args);
/** Accounts a Space can be shared with. @example `await listSpaceAccounts(core);` */
export const listSpaceAccounts = (core: SpacesCore, ...args: Args<PublishingApi['listSpaceAccounts']>) =>
  publishingOf(core).listSpaceAccounts(...args);
/** Creates a Space. @example `await createSpace(core, { name, accountGroupId });` */
export const createSpace = (core: SpacesCore, ...args: Args<PublishingApi['createSpace']>) =>
  publishingOf(core).createSpace(...args);
/** Updates a Space. @example `await updateSpace(core, { id, name });` */
export const updateSpace = (core: SpacesCore, ...args: Args<PublishingApi['updateSpace']>) =>
  publishingOf(core).updateSpace(...args);
/** Deletes a Space. @example `await deleteSpace(core, spaceId);` */
export const deleteSpace = (core: SpacesCore, ...args: Args<PublishingApi['deleteSpace']>) =>
  publishingOf(core).deleteSpace(...args);
/** OAuth details of a connector. @example `await getOAuthConnectorDetails(core, request);` */
export const getOAuthConnectorDetails = (core: SpacesCore, ...args: Args<PublishingApi['getOAuthConnectorDetails']>) =>
  publishingOf(core).getOAuthConnectorDetails(...args);
/** One page of the public catalog. @example `await searchCatalog(core, { searchTerm: 'sync' });` */
export const searchCatalog = (core: SpacesCore, ...args: Args<CatalogApi['searchCatalog']>) =>
  catalogOf(core).searchCatalog(...args);
/** Every listing of the public catalog. @example `for await (const l of searchCatalogAll(core)) use(l);` */
export const searchCatalogAll = (core: SpacesCore, ...args: Args<CatalogApi['searchCatalogAll']>) =>
  catalogOf(core).searchCatalogAll(...args);
