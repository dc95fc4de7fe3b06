/**
 * boomi-spaces: a typed client of the Boomi Spaces GraphQL API.
 * This entry must not import the simulator, test helpers or the graphql package at run time.
 */
export { createSpacesClient, type SpacesClient } from './client/createSpacesClient.js';
export {
  DEFAULT_ENDPOINT,
  DEFAULT_LIMITS,
  DEFAULT_TIMEOUT_MS,
  type SpacesClientOptions,
  type UndiciDispatcher,
} from './client/options.js';
export { INPUT_LIMITS } from './api/limits.js';
export type { Execute } from './executor/createExecutor.js';
export type {
  CallOptions,
  DocumentWithTypes,
  ExecuteArguments,
  OperationExecutor,
  TypedDocumentNode,
} from './client/callOptions.js';
export type { SpacesApi } from './api/createSpacesApi.js';
export type { InstallManyOptions, InstallManyResult } from './api/installMany.js';
export type * from './api/types.js';
export {
  OutcomeUnknownError,
  SchemaDriftError,
  SpacesError,
  SpacesInputError,
  type OutcomeKey,
  type SnapshotIdentity,
  type SpacesErrorDetails,
  type SpacesGraphQLError,
} from './errors/SpacesError.js';
export { BOOMI_ERROR_CODES, type BoomiErrorCode, type ClientErrorCode, type SpacesErrorCode } from './errors/codes.js';
export * from './generated/graphql.js';
/** @deprecated Boomi publishes it as `Classification`. */
export type EnvironmentClassification = import('./generated/graphql.js').Classification;
/** @deprecated Boomi publishes it as `SpaceSharingMode`. */
export type SharingMode = import('./generated/graphql.js').SpaceSharingMode;
/** @deprecated Boomi publishes it as `Operator`. */
export type SearchOperator = import('./generated/graphql.js').Operator;
/** One typed function per operation in `operations/`, each taking an executor such as `client.execute`. */
export * as operations from './generated/operations.js';
export {
  createJwtProvider,
  DEFAULT_AUTH_URL,
  type JwtProvider,
  type JwtProviderOptions,
  type TokenRequestOptions,
} from './auth/createJwtProvider.js';
export { REGIONS, type Region, type JwtCredentials } from './client/options.js';
export { DEFAULT_RETRY, type RetryOptions } from './retry/policy.js';
export { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './retry/pacer.js';
export type { TransportEvent, TransportLogger } from './transport/events.js';
export type { TokenSource } from './transport/createTransport.js';
export { SCHEMA_SNAPSHOT } from './generated/snapshot.js';
export type * from './api/lifecycle/types.js';
export { FINAL_STATUSES } from './api/lifecycle/types.js';
export type { RunOptions } from './api/lifecycle/executions.js';
export { watchExecutions, type WatchClient, type WatchOptions } from './api/lifecycle/watchExecutions.js';
export {
  watchFleet,
  type FleetExecution,
  type FleetWatchAccount,
  type FleetWatchOptions,
  type FleetWatchResult,
} from './api/lifecycle/watchFleet.js';
export type { UpdateMapExtensionsRequest } from './api/lifecycle/configure.js';
export type { OAuthConnection, OAuthDetailsRequest, SpaceAccountCriteria } from './api/lifecycle/publishing.js';
export type { CatalogApi, CatalogListing, CatalogPage, CatalogSearch, CatalogTag } from './api/catalog.js';
export type {
  Connection,
  ConnectionField,
  EnvironmentExtensions,
  ExtensionChanges,
  ExtensionValue,
  MapExtension,
  ProcessProperty,
  ProcessPropertyValue,
} from './api/payloads/extensions.js';
export type { ExecutionRequest, OAuthConnectorDetails } from './api/payloads/execution.js';
export {
  cronToSchedule,
  scheduleToCron,
  type ProcessSchedules,
  type RetryPolicy,
  type Schedule,
} from './api/payloads/schedules.js';
