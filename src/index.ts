/**
 * boomi-spaces: a typed client of the Boomi Spaces GraphQL API.
 * This entry must not import the simulator, test helpers or the graphql package at run time.
 */
export { createSpacesClient, type SpacesClient } from './client/createSpacesClient.js';
export { DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS, type SpacesClientOptions } from './client/options.js';
export type { Execute } from './client/createExecutor.js';
export type { OperationExecutor, VariablesArgument } from './generated/operations.js';
export type { SpacesApi } from './api/createSpacesApi.js';
export type * from './api/types.js';
export { SpacesError, SpacesInputError, type SpacesErrorDetails, type SpacesGraphQLError } from './errors/SpacesError.js';
export { BOOMI_ERROR_CODES, type BoomiErrorCode, type ClientErrorCode, type SpacesErrorCode } from './errors/codes.js';
export * from './generated/graphql.js';
/** One typed function per operation in `operations/`, each taking an executor such as `client.execute`. */
export * as operations from './generated/operations.js';
export {
  createJwtProvider,
  DEFAULT_AUTH_URL,
  REGIONS,
  type JwtProvider,
  type JwtProviderOptions,
  type Region,
} from './auth/createJwtProvider.js';
