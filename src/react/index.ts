/**
 * boomi-spaces/react: a provider and one generated hook per operation, over the SDK's client.
 * Needs React 18 or 19 (an optional peer dependency of this entry only).
 */
export { SpacesProvider, useSpacesClient, type SpacesProviderProps } from './context.js';
export {
  useSpacesMutation,
  useSpacesQuery,
  type MutationData,
  type MutationInput,
  type MutationResult,
  type MutationState,
  type MutationTuple,
  type QueryData,
  type QueryHookOptions,
  type QueryState,
} from './hooks.js';
export type { MutationName, QueryName } from '../generated/operations.js';
export * from '../generated/react.js';
