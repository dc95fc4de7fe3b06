/**
 * boomi-spaces/functions: the SDK's methods as functions taking a core first, so a bundler keeps
 * only those an app calls. Same rules and errors as a client's methods (a client's methods call them).
 */
export { createSpacesCore, type SpacesCoreOptions } from '../client/createSpacesCore.js';
export type { SpacesCore } from '../api/context.js';
export { jwtTokenSource, type JwtSourceCredentials, type JwtTokenSource } from '../auth/jwtTokenSource.js';
export {
  getSpace,
  installIntegrationPack,
  installMany,
  listEnvironments,
  listIntegrationPackInstances,
  listSpaces,
  uninstallIntegrationPack,
} from '../api/spaces.js';
export { attachIntegrationPackInstance, detachIntegrationPackInstance } from '../api/attachments.js';
export {
  createSpace,
  deleteSpace,
  executeProcess,
  getExtensions,
  getOAuthConnectorDetails,
  listExecutions,
  listProcesses,
  listSpaceAccounts,
  runProcess,
  searchCatalog,
  searchCatalogAll,
  updateExtensions,
  updateMapExtensions,
  updateSchedules,
  updateSpace,
} from '../api/groupFunctions.js';
export { OutcomeUnknownError, SchemaDriftError, SpacesError, SpacesInputError } from '../errors/SpacesError.js';
export type { CallOptions } from '../client/callOptions.js';
